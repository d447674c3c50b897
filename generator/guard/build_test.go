package guard_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"github.com/hirebook/hirebook/internal/testfs"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/guard"
	"github.com/hirebook/hirebook/generator/pages"
	"github.com/hirebook/hirebook/generator/render"
)

const (
	example    = "../../content"
	passphrase = "tumble sprout ravine oxygen"
	testIter   = 1000
)

func opts() generator.Options {
	clock, _ := content.ParseDate("2026-12-01")
	return generator.Options{Content: example, Clock: clock, Drafts: true, Passphrase: passphrase, GuideIterations: testIter}
}

func build(t *testing.T, o generator.Options) *generator.Result {
	t.Helper()
	res, err := generator.Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func teamFiles(res *generator.Result) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range res.Files {
		if f.Audience == pages.Team {
			out[f.Path] = f.Data
		}
	}
	return out
}

// exampleFS is the example content in memory, for builds of edited copies.
func exampleFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := testfs.Folder(t, example)
	return m
}

func TestNoPassphraseStopsTheBuildAndWritesNothing(t *testing.T) {
	o := opts()
	o.Passphrase = ""
	o.Out = filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(context.Background(), o)
	var ds content.Diagnostics
	if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Rule != "passphrase-missing" || !strings.Contains(ds[0].Message, guard.PassphraseEnv) {
		t.Fatalf("want one passphrase-missing error naming %s, got %v", guard.PassphraseEnv, err)
	}
	if ds[0].Pos.Line == 0 || !strings.HasSuffix(ds[0].Pos.File, "site.yaml") {
		t.Errorf("the error points at %v, not at guides.protect in site.yaml", ds[0].Pos)
	}
	if len(res.Files) != 0 {
		t.Errorf("a failed build returned %d files", len(res.Files))
	}
	if _, err := os.Stat(o.Out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the output folder was written: %v", err)
	}
}

func TestWeakPassphraseStopsTheBuild(t *testing.T) {
	o := opts()
	o.Passphrase = "Northwind Ledger 2026!"
	_, err := generator.Build(context.Background(), o)
	var ds content.Diagnostics
	if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Rule != "passphrase-weak" || !strings.Contains(ds[0].Message, "random") {
		t.Fatalf("want one passphrase-weak error saying how to make a strong one, got %v", err)
	}
}

func TestProtectNoneWarnsAndOmitLeavesGuidesOut(t *testing.T) {
	for _, protect := range []string{"none", "omit"} {
		fsys := exampleFS(t)
		fsys["site.yaml"].Data = bytes.Replace(fsys["site.yaml"].Data, []byte("protect: passphrase"), []byte("protect: "+protect), 1)
		o := opts()
		o.Content, o.ContentFS, o.Passphrase = "", fsys, ""
		res := build(t, o)
		var warned bool
		for _, w := range res.Warnings {
			warned = warned || w.Rule == "guides-public"
		}
		team := teamFiles(res)
		switch protect {
		case "none":
			if !warned {
				t.Error("protect: none gave no warning that guides are public")
			}
			if len(team) == 0 || !bytes.Contains(team["guides/index.html"], []byte("Interviewer guides")) {
				t.Error("protect: none did not publish plain guides")
			}
		case "omit":
			if warned || len(team) != 0 {
				t.Errorf("protect: omit warned (%v) or published %d team pages", warned, len(team))
			}
		}
	}
}

func TestPreviewShowsPlainGuidesMarked(t *testing.T) {
	o := opts()
	o.Passphrase, o.PreviewGuides = "", true
	res := build(t, o)
	team := teamFiles(res)
	if len(team) == 0 {
		t.Fatal("no team pages in the preview")
	}
	for p, b := range team {
		if !bytes.Contains(b, []byte("Local preview, not encrypted")) {
			t.Errorf("%s is not marked as a local preview", p)
		}
		if _, ok := guard.ParseLocked(b); ok {
			t.Errorf("%s is sealed in a preview without a passphrase", p)
		}
	}
}

// secrets are strings that must never appear in plain text in a sealed
// build: every internal note and KPO probe of the example (as written and
// as HTML escapes them), and sentences only guides carry.
func secrets(t *testing.T) []string {
	site, diags := generator.Load(generator.Options{Content: example})
	if diags.HasErrors() {
		t.Fatal(diags.Errors())
	}
	out := []string{"INTERNAL-ONLY", "Rate each line on the evidence you heard", "Spend the time on evidence", "Feedback for candidates who do not move forward"}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, r := range site.Roles {
		for _, k := range r.KPOs {
			out = append(out, k.Probes...)
		}
		if n, ok := r.Internal["notes"]; ok {
			walk(n)
		}
	}
	for _, s := range out[:len(out):len(out)] {
		if e := template.HTMLEscapeString(s); e != s {
			out = append(out, e)
		}
	}
	return out
}

func TestNoSecretInPlainTextAnywhere(t *testing.T) {
	secrets := secrets(t)
	if len(secrets) < 20 {
		t.Fatalf("only %d secrets to look for", len(secrets))
	}
	o := opts()
	o.Out = filepath.Join(t.TempDir(), "public")
	o.Keep = true // keep the files in memory too, to count the team pages
	res := build(t, o)
	var files int
	err := filepath.WalkDir(o.Out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(p)
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds %q in plain text", p, s)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < len(res.Files) || len(teamFiles(res)) < 10 {
		t.Fatalf("walked %d files of %d, %d team pages", files, len(res.Files), len(teamFiles(res)))
	}
	// The same search in a plain build finds every secret (each "escaped"
	// form at least where it differs), so the test above is not vacuous.
	plain := build(t, previewOpts())
	var all bytes.Buffer
	for _, f := range plain.Files {
		all.Write(f.Data)
	}
	var found int
	for _, s := range secrets {
		if bytes.Contains(all.Bytes(), []byte(s)) {
			found++
		}
	}
	if found < len(secrets)/2 || !bytes.Contains(all.Bytes(), []byte("INTERNAL-ONLY")) {
		t.Fatalf("a plain build shows only %d of %d secrets", found, len(secrets))
	}
}

func previewOpts() generator.Options {
	o := opts()
	o.Passphrase, o.PreviewGuides = "", true
	return o
}

func TestSealedPagesOpenToThePlainPages(t *testing.T) {
	sealed, plain := teamFiles(build(t, opts())), teamFiles(build(t, previewOpts()))
	if len(sealed) != len(plain) {
		t.Fatalf("%d sealed team pages, %d plain", len(sealed), len(plain))
	}
	banner := regexp.MustCompile(`<p class="notice" role="note"><strong>Local preview, not encrypted.</strong>.*?</p>`)
	for p, shell := range sealed {
		if !bytes.Contains(shell, []byte(`<meta name="robots" content="noindex`)) {
			t.Errorf("%s: shell has no noindex", p)
		}
		got, err := guard.OpenLocked(shell, passphrase)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if want := banner.ReplaceAll(plain[p], nil); !bytes.Equal(got, want) {
			t.Errorf("%s opens to something other than the plain page", p)
		}
		if _, err := guard.OpenLocked(shell, passphrase+" x"); !errors.Is(err, guard.ErrOpen) {
			t.Errorf("%s: a wrong passphrase gave %v", p, err)
		}
	}
}

func TestShellPageFailsCleanly(t *testing.T) {
	shell := teamFiles(build(t, opts()))["guides/index.html"]
	s, ok := guard.ParseLocked(shell)
	if !ok {
		t.Fatal("the guide index is not a shell page")
	}
	other := guard.Salt("https://someone-else.github.io/careers/")
	mutate := map[string]func(string) string{
		"wrong salt": func(p string) string {
			return strings.Replace(p, `data-salt="`+s.Salt, `data-salt="`+base64.RawURLEncoding.EncodeToString(other), 1)
		},
		"truncated ciphertext": func(p string) string { return strings.Replace(p, s.Ciphertext, s.Ciphertext[:len(s.Ciphertext)/2], 1) },
		"tampered ciphertext": func(p string) string {
			c := []byte(s.Ciphertext)
			c[10] = map[bool]byte{true: 'B', false: 'A'}[c[10] == 'A']
			return strings.Replace(p, s.Ciphertext, string(c), 1)
		},
		"other path": func(p string) string {
			return strings.Replace(p, `data-path="guides/index.html"`, `data-path="guides/x/index.html"`, 1)
		},
		"cut page": func(p string) string { return p[:len(p)/2] },
		"no iterations": func(p string) string {
			return strings.Replace(p, fmt.Sprintf(`data-iter="%d"`, testIter), `data-iter="0"`, 1)
		},
	}
	for name, f := range mutate {
		changed := f(string(shell))
		if changed == string(shell) {
			t.Fatalf("%s: the mutation changed nothing", name)
		}
		if _, err := guard.OpenLocked([]byte(changed), passphrase); !errors.Is(err, guard.ErrOpen) {
			t.Errorf("%s: got %v, want ErrOpen", name, err)
		}
	}
}

func TestUnchangedGuidesKeepTheirBytes(t *testing.T) {
	a, b := teamFiles(build(t, opts())), teamFiles(build(t, opts()))
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two builds of the same content", p)
		}
	}

	// Change one probe of one role: that guide (and the kit that holds
	// the KPO) gets a new nonce; every other team page keeps its bytes.
	fsys := exampleFS(t)
	const file, old = "roles/senior-product-marketing-manager.md", "and how did you settle it?"
	if !bytes.Contains(fsys[file].Data, []byte(old)) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	fsys[file].Data = bytes.Replace(fsys[file].Data, []byte(old), []byte("and how did you settle it, in the end?"), 1)
	before, after := opts(), opts()
	before.Content, before.ContentFS = "", exampleFS(t)
	after.Content, after.ContentFS = "", fsys
	was, is := teamFiles(build(t, before)), teamFiles(build(t, after))
	guide := "guides/senior-product-marketing-manager/index.html"
	sb, _ := guard.ParseLocked(was[guide])
	sa, _ := guard.ParseLocked(is[guide])
	if sb.Nonce == "" || sb.Nonce == sa.Nonce {
		t.Errorf("the changed guide kept its nonce %q", sb.Nonce)
	}
	var changed []string
	for p := range was {
		if !bytes.Equal(was[p], is[p]) {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	for _, p := range changed {
		if !strings.HasPrefix(p, "guides/senior-product-marketing-manager/") {
			t.Errorf("%s changed, though its content did not", p)
		}
	}
	if len(changed) == 0 || changed[0] != guide {
		t.Errorf("changed pages: %v", changed)
	}
}

// TestShellIsSmall keeps the shell page, without the sealed page it
// carries, under 4 KB compressed.
func TestShellIsSmall(t *testing.T) {
	for p, shell := range teamFiles(build(t, opts())) {
		s, _ := guard.ParseLocked(shell)
		bare := bytes.Replace(shell, []byte(s.Ciphertext), nil, 1)
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		w.Write(bare)
		w.Close()
		if z.Len() >= 4096 {
			t.Errorf("%s: the shell is %d bytes compressed", p, z.Len())
		}
	}
}

// A team page kind guard does not know still gets sealed; only its site
// data must be found among the planned pages.
func TestSealNeedsTheGuideIndex(t *testing.T) {
	g, ds := guard.New(guard.Options{Passphrase: passphrase, BaseURL: "https://x.example/", Iterations: testIter}, nil)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	_, err := g.Seal(nil, nil, []render.File{{Path: "guides/index.html", Data: []byte("x"), Audience: pages.Team}})
	if err == nil {
		t.Fatal("sealed a team page without any site data for its shell")
	}
}
