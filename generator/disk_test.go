package generator_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/output"
)

// workspace copies the example content to <tmp>/site/content and returns
// tmp and the content folder.
func workspace(t *testing.T) (string, string) {
	t.Helper()
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "site", "content")
	if err := os.CopyFS(dir, os.DirFS(exampleContent)); err != nil {
		t.Fatal(err)
	}
	return tmp, dir
}

// diskOpts builds to out keeping the files in Result.Files, so tests can
// compare them with the disk; streamOpts is the same build as the command
// runs it, holding no files.
func diskOpts(contentDir, out string) generator.Options {
	opts := streamOpts(contentDir, out)
	opts.Keep = true
	return opts
}

func streamOpts(contentDir, out string) generator.Options {
	opts := exampleOpts("")
	opts.Content, opts.Out = contentDir, out
	return opts
}

// entry is a file or folder as a snapshot records it.
type entry struct {
	data    string
	modTime time.Time
	dir     bool
}

// snapshot records every file and folder under dir, with bytes and mtime.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	out := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fi, err := d.Info()
		if err != nil {
			return err
		}
		e := entry{modTime: fi.ModTime(), dir: d.IsDir()}
		if d.Type()&fs.ModeSymlink != 0 {
			to, err := os.Readlink(p)
			e.data = "symlink to " + to
			out[filepath.ToSlash(rel)] = e
			return err
		}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.data = string(b)
		}
		out[filepath.ToSlash(rel)] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSnapshot(t *testing.T, what string, got, want map[string]entry) {
	t.Helper()
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s: %s is gone", what, p)
		case g.data != w.data || g.dir != w.dir:
			t.Errorf("%s: %s changed", what, p)
		case !w.dir && !g.modTime.Equal(w.modTime):
			t.Errorf("%s: %s was rewritten (mtime %v, was %v)", what, p, g.modTime, w.modTime)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s appeared", what, p)
		}
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestBuildWritesOnlyTheOutputFolder(t *testing.T) {
	tmp, dir := workspace(t)
	out := filepath.Join(tmp, "out", "public")
	if err := os.Mkdir(filepath.Join(tmp, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, tmp)
	res, err := generator.Build(context.Background(), streamOpts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	// A build to disk streams its files and keeps none; the files on disk
	// are exactly those of the same build made in memory, plus the marker.
	if len(res.Files) != 0 {
		t.Errorf("a build to disk kept %d files in memory", len(res.Files))
	}
	mem, err := generator.Build(context.Background(), diskOpts(dir, ""))
	if err != nil {
		t.Fatal(err)
	}
	res.Files = mem.Files
	got := snapshot(t, out)
	want := map[string]bool{output.Marker: true}
	for _, f := range res.Files {
		want[f.Path] = true
		if e, ok := got[f.Path]; !ok || e.data != string(f.Data) {
			t.Errorf("%s is not on disk as built", f.Path)
		}
	}
	for p, e := range got {
		if !e.dir && !want[p] && p != "." {
			t.Errorf("unexpected file %s in the output", p)
		}
	}
	if res.Stats.Written != len(res.Files) {
		t.Errorf("stats %+v for %d files", res.Stats, len(res.Files))
	}
	// Everywhere else, nothing changed: the parent only gained the output
	// folder, and the content folder is untouched.
	after := snapshot(t, tmp)
	for p := range after {
		if p == "out/public" || strings.HasPrefix(p, "out/public/") {
			delete(after, p)
		}
	}
	delete(after, "out")
	delete(before, "out")
	sameSnapshot(t, "outside the output folder", after, before)
	if n := dirNames(t, filepath.Join(tmp, "out")); !reflect.DeepEqual(n, []string{"public"}) {
		t.Errorf("the output's parent holds %v", n)
	}
}

func TestOutputFolderMustNotHoldContent(t *testing.T) {
	tests := []struct {
		name string
		out  func(tmp, dir string) string
	}{
		{"the content folder", func(tmp, dir string) string { return dir }},
		{"the content folder with a trailing slash", func(tmp, dir string) string { return dir + string(filepath.Separator) }},
		{"the content folder, not cleaned", func(tmp, dir string) string { return filepath.Join(dir, "roles") + "/.." }},
		{"its parent", func(tmp, dir string) string { return filepath.Dir(dir) }},
		{"its grandparent", func(tmp, dir string) string { return tmp }},
		{"a link to its parent", func(tmp, dir string) string {
			link := filepath.Join(tmp, "link")
			if err := os.Symlink(filepath.Dir(dir), link); err != nil {
				panic(err)
			}
			return link
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp, dir := workspace(t)
			out := tt.out(tmp, dir)
			before := snapshot(t, tmp)
			res, err := generator.Build(context.Background(), diskOpts(dir, out))
			if err == nil {
				t.Fatalf("building into %s succeeded", out)
			}
			// Refused for holding the content, not only for lacking the
			// output marker.
			if !strings.Contains(err.Error(), "holds the content folder") {
				t.Errorf("refused for another reason: %v", err)
			}
			if res != nil && (res.Stats.Written > 0 || res.Stats.Unchanged > 0) {
				t.Errorf("stats %+v after a refusal", res.Stats)
			}
			sameSnapshot(t, "after the refusal", snapshot(t, tmp), before)
		})
	}
}

func TestRefusesAFolderHirebookDidNotWrite(t *testing.T) {
	tmp, dir := workspace(t)
	out := filepath.Join(tmp, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, tmp)
	_, err := generator.Build(context.Background(), diskOpts(dir, out))
	if err == nil || !strings.Contains(err.Error(), output.Marker) {
		t.Errorf("error %v, want a refusal naming %s", err, output.Marker)
	}
	sameSnapshot(t, "after the refusal", snapshot(t, tmp), before)
	// An empty folder is fine.
	empty := filepath.Join(tmp, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := generator.Build(context.Background(), diskOpts(dir, empty)); err != nil {
		t.Errorf("building into an empty folder: %v", err)
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	tests := []struct {
		name, file, text string
	}{
		{"invalid front-matter", "roles/bad.md", "---\ntitle: Bad\nkpo: []\n---\n"},
		{"an unclosed front-matter", "roles/bad.md", "---\ntitle: Bad\n"},
		{"invalid site settings", "site.yaml", "title: T\ncompany: {name: C}\nbase_url: not a url\n"},
		{"a broken link", "roles/bad.md", "---\ntitle: Bad\nkpos: [{title: Ship}]\n---\n[x](/roles/nowhere/)\n"},
		{"an alias on a page", "roles/bad.md", "---\ntitle: Bad\nkpos: [{title: Ship}]\naliases: [/roles/customer-support-lead/]\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp, dir := workspace(t)
			out := filepath.Join(tmp, "public")
			if _, err := generator.Build(context.Background(), diskOpts(dir, out)); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, out)
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(tt.file)), []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := generator.Build(context.Background(), diskOpts(dir, out))
			var diags content.Diagnostics
			if !errors.As(err, &diags) || len(diags) == 0 {
				t.Fatalf("build error %v, want diagnostics", err)
			}
			named := false
			for _, d := range diags {
				named = named || strings.HasSuffix(d.Pos.File, tt.file)
			}
			if !named {
				t.Errorf("no diagnostic names %s:\n%v", tt.file, err)
			}
			sameSnapshot(t, "previous output", snapshot(t, out), before)
			if n := dirNames(t, tmp); !reflect.DeepEqual(n, []string{"public", "site"}) {
				t.Errorf("the output's parent holds %v", n)
			}
		})
	}
}

func TestRebuildKeepsUnchangedFiles(t *testing.T) {
	tmp, dir := workspace(t)
	out := filepath.Join(tmp, "public")
	first, err := generator.Build(context.Background(), diskOpts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	past := time.Date(2021, 5, 6, 7, 8, 9, 0, time.UTC)
	for _, f := range first.Files {
		if err := os.Chtimes(filepath.Join(out, filepath.FromSlash(f.Path)), past, past); err != nil {
			t.Fatal(err)
		}
	}
	second, err := generator.Build(context.Background(), diskOpts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	if second.Stats.Unchanged != len(first.Files) || second.Stats.Written != 0 {
		t.Errorf("an unchanged rebuild: stats %+v for %d files", second.Stats, len(first.Files))
	}
	for _, f := range second.Files {
		fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if !fi.ModTime().Equal(past) {
			t.Errorf("%s was rewritten though unchanged", f.Path)
		}
	}

	// Change one role: its page is rewritten, another role's is not.
	role := filepath.Join(dir, "roles", "customer-support-lead.md")
	b, err := os.ReadFile(role)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "so no customer has to explain", "so that no customer has to explain", 1)
	if edited == string(b) {
		t.Fatal("the role text to edit is gone")
	}
	if err := os.WriteFile(role, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	third, err := generator.Build(context.Background(), diskOpts(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	for p, rewritten := range map[string]bool{roleFile("customer-support-lead"): true, roleFile("senior-product-marketing-manager"): false, "assets/style.css": false} {
		fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if got := !fi.ModTime().Equal(past); got != rewritten {
			t.Errorf("%s rewritten = %v, want %v", p, got, rewritten)
		}
	}
	if third.Stats.Written == 0 || third.Stats.Unchanged == 0 {
		t.Errorf("stats after one edit: %+v", third.Stats)
	}
}

// PRODUCT.md: a theme is looked up as themes/<name>/ next to the content
// folder; any layout or asset it lacks comes from the built-in theme.
func TestThemeNextToContent(t *testing.T) {
	tmp, dir := workspace(t)
	theme := filepath.Join(filepath.Dir(dir), "themes", "custom")
	for name, data := range map[string]string{
		"layouts/404.html": `{{template "base" .}}{{define "main"}}<h1 id="custom">Lost? Custom theme</h1>{{end}}`,
		"assets/extra.css": "body { color: black }\n",
		"assets/style.css": "/* custom */\n",
	} {
		p := filepath.Join(theme, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site := filepath.Join(dir, "site.yaml")
	b, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(site, append(b, []byte("theme: custom\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Build(context.Background(), diskOpts(dir, filepath.Join(tmp, "public")))
	if err != nil {
		t.Fatal(err)
	}
	s := newSite(t, res, diskOpts(dir, ""))
	if h := s.page(t, "404.html").find("h1", "id", "custom"); len(h) != 1 {
		t.Errorf("404.html does not use the theme's layout")
	}
	if h := s.page(t, roleFile("customer-support-lead")).find("h1"); len(h) != 1 || textOf(h[0]) != "Customer Support Lead, Tier 2" || len(s.page(t, "index.html").find("h1")) != 1 {
		t.Errorf("layouts the theme lacks do not come from the built-in theme")
	}
	if string(s.files["assets/style.css"]) != "/* custom */\n" || s.files["assets/extra.css"] == nil || s.files["assets/icon.svg"] == nil {
		t.Errorf("assets: style.css %q, extra.css %v, icon.svg %v", s.files["assets/style.css"], s.files["assets/extra.css"] != nil, s.files["assets/icon.svg"] != nil)
	}
}
