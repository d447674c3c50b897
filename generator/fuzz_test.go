package generator_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
)

// fuzzSite is the site around the fuzzed role: guides in plain text
// (protect: none), so the fuzzed text reaches every layout, and one other
// role and a company page for links to point at.
const fuzzSite = `title: Careers
company: {name: Example Co, url: "https://example.org/"}
base_url: https://example.github.io/careers/
guides: {protect: none}
equal_opportunity: We hire on merit.
`

// FuzzBuildRole builds a site around any role file, with raw HTML dropped
// and with it kept: nothing panics, a failed build reports diagnostics,
// and a site that builds is inert (see inertProblems): every HTML file
// parses, and nothing in it could run but the theme's own scripts.
func FuzzBuildRole(f *testing.F) {
	for _, s := range roleFileSeeds(f) {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Add([]byte("---\ntitle: R\nkpos: [{title: Ship}]\n---\n"+strings.Repeat("> ", 100)+"deep\n"), false)
	f.Fuzz(func(t *testing.T, role []byte, unsafe bool) {
		site := fuzzSite
		if unsafe {
			site += "markdown: {unsafe_html: true}\n"
		}
		fsys := fstest.MapFS{
			"site.yaml":         {Data: []byte(site)},
			"roles/fuzzed.md":   {Data: role},
			"roles/other.md":    {Data: []byte("---\ntitle: Other role\nkpos: [{title: Ship the thing in 90 days}]\n---\nSee [the fuzzed role](fuzzed.md).\n")},
			"company/growth.md": {Data: []byte("---\ntitle: Growth\n---\nHow we grow.\n")},
		}
		res, err := generator.Build(context.Background(), generator.Options{ContentFS: fsys, Clock: clock})
		if err != nil {
			var diags content.Diagnostics
			if !errors.As(err, &diags) || len(diags) == 0 {
				t.Fatalf("a failed build without diagnostics: %v", err)
			}
			return
		}
		if probs := inertProblems(res.Files, res.BasePath); len(probs) > 0 {
			t.Errorf("role file %.200q... builds a site with:\n%s", role, strings.Join(probs, "\n"))
		}
	})
}
