package content_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator/content"
	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"
)

// frontMatterSeeds are files that go to the edges of the reading rules.
var frontMatterSeeds = []string{
	"---\ntitle: A\nkpos: [{title: Ship}]\n---\nBody\n",
	"\xef\xbb\xbf---\r\ntitle: BOM and CRLF\r\nkpos:\r\n  - title: Ship\r\n---\r\nBody\r\n",
	"+++\ntitle = \"TOML\"\n[[kpos]]\ntitle = \"Ship\"\n+++\nBody\n",
	"---\ntitle: Unclosed\n",
	"---\n---\n",
	"---\n- a list\n---\n",
	"---\ntitle: A\ntitle: B\n---\n",
	"---\nposted: 2026-02-30\ncloses: \"2026-12-01\"\n---\n",
	"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nparams: {d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]}\n---\n",
	"---\nkpos: &k [{title: x, probes: *k}]\n---\n",
	"---\nparams: " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "\n---\n",
	"+++\nparams = " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "\n+++\n",
	"---\ntitle: \"\\u0000 \\u2028 \\u202e <script>alert(1)</script> {{ .Site }}\"\nkpos: [{title: \"x\", id: \"\\u202e\"}]\n---\n",
	"---\ntitle: x\n\tkpos: tab\n---\n",
	"---\n!!binary aGk=: x\n? [complex, key]\n: v\n---\n",
	"---\ntitle: A\nkpos: [{title: Ship, traits: [reliable, nope]}]\ninterviewers: [{name: 佐藤 健一, covers: [x]}]\nsalary: {min: 1e400, max: -1}\n---\n",
	"not utf-8: \xff\xfe\n",
	"---\nkpos:\n  - title: x\n      outcome: y\n\t- \"a\" b: c: d\n  - 'q''' r\n     - z\n---\n",
}

// FuzzFrontMatter reads any file as a role, and as a company page, and
// any text as site.yaml: nothing panics, a file is either read or refused
// with a diagnostic that names it, and every diagnostic has a position in
// the file it names: a line and a column.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range frontMatterSeeds {
		f.Add([]byte(s))
	}
	for _, name := range []string{"defaults", "many-errors", "toml-yaml"} {
		a, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range a.Files {
			f.Add(file.Data)
		}
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "content", "roles", "senior-product-marketing-manager.md")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, d := content.Split("roles/r.md", data)
		switch {
		case (doc == nil) == (d == nil):
			t.Fatalf("Split returned document %v and diagnostic %v", doc, d)
		case d != nil && d.Pos.File != "roles/r.md":
			t.Fatalf("diagnostic names %q: %v", d.Pos.File, d)
		case doc != nil && (doc.Meta == nil || doc.Meta.Kind != yaml.MappingNode || doc.BodyLine < 1):
			t.Fatalf("document without a mapping or body line: %+v", doc)
		}
		files := []string{"roles/r.md", "company/c.md", "site.yaml"}
		for _, sites := range []fstest.MapFS{
			{"site.yaml": {Data: []byte(minimalSite)}, "roles/r.md": {Data: data}, "company/c.md": {Data: data}},
			{"site.yaml": {Data: data}, "roles/r.md": {Data: []byte("---\ntitle: R\nkpos: [{title: Ship}]\n---\n")}},
		} {
			site, diags := content.Load(sites, content.Options{})
			if site == nil && !diags.HasErrors() {
				t.Fatal("no site and no error")
			}
			for _, d := range diags {
				if !contains(files, d.Pos.File) || d.Pos.Line < 1 || d.Pos.Col < 1 {
					t.Errorf("diagnostic without a place: %+v", d)
				}
			}
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
