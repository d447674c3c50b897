package generator_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
)

// copyTree copies the example content into a temporary folder.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "content")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func builderOpts(dir string) generator.Options {
	clock, _ := content.ParseDate("2026-12-01")
	// Guides are sealed (the example's default) with a test passphrase and
	// few iterations: sealing is deterministic, so incremental and full
	// builds must still agree byte for byte.
	return generator.Options{Content: dir, Clock: clock, Passphrase: "tumble sprout ravine oxygen", GuideIterations: 1000}
}

func sameFiles(t *testing.T, got, want *generator.Result) {
	t.Helper()
	if len(got.Files) != len(want.Files) {
		t.Fatalf("incremental build has %d files, full build %d", len(got.Files), len(want.Files))
	}
	for i := range want.Files {
		g, w := got.Files[i], want.Files[i]
		if g.Path != w.Path {
			t.Fatalf("file %d: incremental %s, full %s", i, g.Path, w.Path)
		}
		if !bytes.Equal(g.Data, w.Data) {
			t.Errorf("%s differs between the incremental and the full build", g.Path)
		}
	}
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIncrementalRebuildMatchesFullBuild edits roles in ways that take the
// partial path and the full path, and compares each result with a fresh
// full build of the same content.
func TestIncrementalRebuildMatchesFullBuild(t *testing.T) {
	dir := copyTree(t, "../content")
	ctx := context.Background()
	b := generator.NewBuilder(builderOpts(dir))
	if _, err := b.Build(ctx); err != nil {
		t.Fatal(err)
	}
	role := filepath.Join(dir, "roles", "customer-support-lead.md")
	steps := []struct {
		name, file, old, new, show string
		fails                      bool // the full build fails too
	}{
		{"title", role, "title: Customer Support Lead", "title: Customer Support Lead (Night Shift)", "(Night Shift)", false},
		{"summary shown in lists", role, "summary: ", "summary: Freshly edited. ", "Freshly edited.", false},
		{"team moves (full rebuild)", role, "team: Customer Support", "team: Support Operations", "Support Operations", false},
		{"closing date moves (full rebuild, same paths)", role, "closes: 2027-01-15", "closes: 2027-06-30", "30 June 2027", false},
		{"body text", role, "## ", "## Changed heading\n\nA brand-new paragraph.\n\n## ", "A brand-new paragraph.", false},
		// A new interviewer makes a new kit page that bodies may link to
		// (full rebuild: the site's link table changes), and removing one
		// breaks such links.
		{"new interviewer", role, "  - name: Hannah Lindqvist",
			"  - name: Priya Raman\n    title: Support Analyst\n    covers: [handoffs]\n  - name: Hannah Lindqvist", "Priya Raman", false},
		{"link to the new kit", role, "## Changed heading", "## Changed heading\n\nTeam: [kit](/guides/customer-support-lead/priya-raman/)", "A brand-new paragraph.", false},
		{"kit removed, the link left", role, "  - name: Priya Raman\n    title: Support Analyst\n    covers: [handoffs]\n", "", "", true},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			edit(t, s.file, s.old, s.new)
			got, err := b.Rebuild(ctx, []string{s.file})
			want, werr := generator.Build(ctx, builderOpts(dir))
			if s.fails {
				if err == nil || werr == nil || err.Error() != werr.Error() {
					t.Fatalf("rebuild error %v, full build error %v: want the same error from both", err, werr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if werr != nil {
				t.Fatal(werr)
			}
			sameFiles(t, got, want)
			var page []byte
			for _, f := range got.Files {
				if f.Path == "roles/customer-support-lead/index.html" {
					page = f.Data
				}
			}
			if !bytes.Contains(page, []byte(s.show)) {
				t.Errorf("the role page does not show %q after the edit", s.show)
			}
		})
	}
}

// TestRebuildAfterAddAndDelete covers roles that appear and disappear.
func TestRebuildAfterAddAndDelete(t *testing.T) {
	dir := copyTree(t, "../content")
	ctx := context.Background()
	b := generator.NewBuilder(builderOpts(dir))
	if _, err := b.Build(ctx); err != nil {
		t.Fatal(err)
	}
	added := filepath.Join(dir, "roles", "new-role.md")
	if err := os.WriteFile(added, []byte("---\ntitle: Brand new\nteam: Marketing\ncloses: 2027-03-01\nkpos:\n  - title: Grow the newsletter to 10,000 readers in a year\n---\nHello.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := b.Rebuild(ctx, []string{added})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := generator.Build(ctx, builderOpts(dir))
	sameFiles(t, got, want)
	if !hasFile(got, "roles/new-role/index.html") {
		t.Fatal("the added role has no page")
	}
	if err := os.Remove(added); err != nil {
		t.Fatal(err)
	}
	got, err = b.Rebuild(ctx, []string{added})
	if err != nil {
		t.Fatal(err)
	}
	if hasFile(got, "roles/new-role/index.html") {
		t.Fatal("the deleted role still has a page")
	}
	want, _ = generator.Build(ctx, builderOpts(dir))
	sameFiles(t, got, want)
}

// TestRebuildKeepsErrorsUntilFixed: an invalid edit fails the rebuild with
// the file and key; fixing it builds again.
func TestRebuildKeepsErrorsUntilFixed(t *testing.T) {
	dir := copyTree(t, "../content")
	ctx := context.Background()
	b := generator.NewBuilder(builderOpts(dir))
	if _, err := b.Build(ctx); err != nil {
		t.Fatal(err)
	}
	role := filepath.Join(dir, "roles", "customer-support-lead.md")
	edit(t, role, "work_mode: hybrid", "work_mode: hybird")
	_, err := b.Rebuild(ctx, []string{role})
	if err == nil || !strings.Contains(err.Error(), "customer-support-lead.md") || !strings.Contains(err.Error(), "work_mode") {
		t.Fatalf("want an error naming the file and key, got %v", err)
	}
	edit(t, role, "work_mode: hybird", "work_mode: hybrid")
	got, err := b.Rebuild(ctx, []string{role})
	if err != nil {
		t.Fatalf("fixed file still fails: %v", err)
	}
	want, _ := generator.Build(ctx, builderOpts(dir))
	sameFiles(t, got, want)
}

func hasFile(r *generator.Result, p string) bool {
	for _, f := range r.Files {
		if f.Path == p {
			return true
		}
	}
	return false
}

// A site-relative logo must be a file of the site (a theme asset).
func TestLogoMustBeAFileOfTheSite(t *testing.T) {
	site := func(logo string) fstest.MapFS {
		return fstest.MapFS{
			"site.yaml":  {Data: []byte("title: T\ncompany:\n  name: Co\n  logo: " + logo + "\nbase_url: https://example.org/\nguides: {protect: omit}\n")},
			"roles/r.md": {Data: []byte("---\ntitle: R\nkpos: [{title: Ship the thing by June}]\n---\n")},
		}
	}
	_, err := generator.Build(context.Background(), generator.Options{ContentFS: site("/assets/missing.png")})
	var diags content.Diagnostics
	if !errors.As(err, &diags) || len(diags) != 1 || diags[0].Key != "company.logo" || diags[0].Pos.File != "site.yaml" || diags[0].Pos.Line != 4 {
		t.Fatalf("want one company.logo error at site.yaml:4, got %v", err)
	}
	for _, ok := range []string{"/assets/icon.svg", "/assets/icon.svg?v=2", "https://cdn.example.org/logo.png"} {
		if _, err := generator.Build(context.Background(), generator.Options{ContentFS: site(ok)}); err != nil {
			t.Errorf("logo %s: %v", ok, err)
		}
	}
}

// TestRebuildAfterKitRemoved: removing an interviewer removes their kit, so
// a link to it from a body breaks in the rebuild as in a full build.
func TestRebuildAfterKitRemoved(t *testing.T) {
	dir := copyTree(t, "../content")
	ctx := context.Background()
	role := filepath.Join(dir, "roles", "customer-support-lead.md")
	edit(t, role, "## ", "Team: [kit](/guides/customer-support-lead/hannah-lindqvist/)\n\n## ")
	b := generator.NewBuilder(builderOpts(dir))
	if _, err := b.Build(ctx); err != nil {
		t.Fatal(err)
	}
	edit(t, role, "  - name: Hannah Lindqvist\n    title: Engineering Manager, Bank Feeds\n    covers: [product-loop]\n", "")
	_, err := b.Rebuild(ctx, []string{role})
	_, werr := generator.Build(ctx, builderOpts(dir))
	if err == nil || werr == nil || err.Error() != werr.Error() {
		t.Fatalf("rebuild error %v, full build error %v: want the same broken-link error from both", err, werr)
	}
}

// TestCheckFindsLinksToDrafts: `check` checks drafts as if published, but a
// link from an open role to a draft breaks in a build without drafts, and
// check says so as build would.
func TestCheckFindsLinksToDrafts(t *testing.T) {
	dir := copyTree(t, "../content")
	edit(t, filepath.Join(dir, "roles", "customer-support-lead.md"), "## ", "See also [the internship](data-analyst-intern.md).\n\n## ")
	for _, drafts := range []bool{true, false} {
		opts := builderOpts(dir)
		opts.Drafts = drafts
		_, diags := generator.Check(opts)
		found := 0
		for _, d := range diags.Errors() {
			if d.Rule == "broken-link" && strings.HasSuffix(d.Pos.File, "customer-support-lead.md") && strings.Contains(d.Message, "data-analyst-intern") {
				found++
			}
		}
		if found != 1 {
			t.Errorf("drafts %v: %d broken-link errors for the link to a draft, want 1:\n%v", drafts, found, diags)
		}
	}
	opts := builderOpts(dir)
	opts.Drafts = true
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Errorf("a build with drafts published fails: %v", err)
	}
}

// A base URL whose path is not ASCII is percent-encoded once, the same in
// links and in absolute URLs (canonical, JSON-LD, sitemap, robots.txt).
func TestNonASCIIBasePath(t *testing.T) {
	opts := exampleOpts("https://example.org/karriär/")
	res, err := generator.Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	const want = "https://example.org/karri%C3%A4r/"
	if res.BasePath != "/karri%C3%A4r/" {
		t.Errorf("base path %q", res.BasePath)
	}
	for _, f := range res.Files {
		switch f.Path {
		case "roles/customer-support-lead/index.html":
			pg := parsePage(t, f.Path, f.Data)
			links := pg.find("link", "rel", "canonical")
			if len(links) != 1 || attrOf(links[0], "href") != want+"roles/customer-support-lead/" {
				t.Errorf("canonical link %v", links)
			}
			for _, a := range pg.find("a") {
				if h := attrOf(a, "href"); strings.HasPrefix(h, "/") && !strings.HasPrefix(h, "/karri%C3%A4r/") {
					t.Errorf("link %q is outside the base path", h)
				}
			}
		case "sitemap.xml", "robots.txt":
			for _, u := range regexp.MustCompile(`https://[^<\s]+`).FindAllString(string(f.Data), -1) {
				if !strings.HasPrefix(u, want) {
					t.Errorf("%s: %q does not start with %s", f.Path, u, want)
				}
			}
		}
	}
}
