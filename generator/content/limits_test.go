package content_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hirebook/hirebook/generator/content"
)

// laughs is a "billion laughs" YAML: nine levels of anchors, each a list
// of nine aliases of the one before, so the last expands to 9^9
// (387,420,489) values from a few hundred bytes.
func laughs(indent string) string {
	var b strings.Builder
	b.WriteString(indent + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 8; i++ {
		b.WriteString(indent + "l" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	return b.String()
}

// YAML alias expansion is bounded: a billion laughs in a role, in a
// company page's defaults or in site.yaml is an error at once, not a
// build that fills memory (yaml.v3 refuses it in free-form values; the
// decoder's budget of 100,000 values, in typed ones such as a list of
// interviewers repeated by alias).
func TestBillionLaughs(t *testing.T) {
	role := "---\ntitle: R\nkpos: [{title: Ship}]\nparams:\n" + laughs("  ") + "interviewers: *l8\n---\n"
	tests := []struct {
		name string
		fsys fstest.MapFS
		file string
	}{
		{"role", fstest.MapFS{"site.yaml": {Data: []byte(minimalSite)}, "roles/r.md": {Data: []byte(role)}}, "roles/r.md"},
		{"role params", fstest.MapFS{"site.yaml": {Data: []byte(minimalSite)},
			"roles/r.md": {Data: []byte("---\ntitle: R\nkpos: [{title: Ship}]\nparams:\n" + laughs("  ") + "  all: *l8\n---\n")}}, "roles/r.md"},
		{"company defaults", fstest.MapFS{"site.yaml": {Data: []byte(minimalSite)},
			"company/c.md": {Data: []byte("---\ntitle: C\ndefaults:\n  params:\n" + laughs("    ") + "  interviewers: *l8\n---\n")},
			"roles/r.md":   {Data: []byte("---\ntitle: R\nkpos: [{title: Ship}]\n---\n")}}, "company/c.md"},
		{"site.yaml", fstest.MapFS{"site.yaml": {Data: []byte(minimalSite + "params:\n" + laughs("  ") + "  all: *l8\n")}}, "site.yaml"},
		{"wide aliases", fstest.MapFS{"site.yaml": {Data: []byte(minimalSite)}, "roles/r.md": {Data: []byte(
			"---\ntitle: R\nkpos: [{title: Ship}]\nparams: {i: &i {name: Dana, title: VP, covers: [a, b, c, d, e, f]}}\ninterviewers: [" +
				strings.Repeat("*i, ", 30_000) + "*i]\n---\n")}}, "roles/r.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan content.Diagnostics, 1)
			go func() {
				_, diags := content.Load(tt.fsys, content.Options{})
				done <- diags
			}()
			var diags content.Diagnostics
			select {
			case diags = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("loading did not finish within 10 seconds")
			}
			for _, d := range diags {
				if d.Pos.File == tt.file && d.Severity == content.Error &&
					(d.Rule == "yaml-too-large" || strings.Contains(d.Message, "aliasing")) {
					if tt.name == "wide aliases" && d.Rule != "yaml-too-large" {
						continue
					}
					return
				}
			}
			t.Errorf("no error about the expansion in %s:\n%v", tt.file, diags)
		})
	}
}
