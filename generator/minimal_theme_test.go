package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/synth"
)

// The benchmarks' minimal theme replaces the default layouts and still
// shows each role's title and objectives.
func TestMinimalThemeBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := synth.Write(dir, 3); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Build(context.Background(), generator.Options{Content: dir, ThemeFS: minimalTheme()})
	if err != nil {
		t.Fatal(err)
	}
	site, diags := content.Load(os.DirFS(dir), content.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	for _, r := range site.Roles {
		path := "roles/" + r.Slug + "/index.html"
		data, ok := files[path]
		if !ok {
			t.Fatalf("%s was not built", path)
		}
		pg := parsePage(t, path, data)
		if n := len(pg.find("meta", "http-equiv", "Content-Security-Policy")); n != 0 {
			t.Errorf("%s: has the default theme's security policy; the minimal layouts were not used", path)
		}
		if h1 := pg.find("h1"); len(h1) != 1 || textOf(h1[0]) != r.Title {
			t.Errorf("%s: h1 is not the role's title %q", path, r.Title)
		}
		var kpos []string
		for _, ol := range pg.find("ol", "class", "kpos") {
			for _, li := range within(ol, "li") {
				kpos = append(kpos, textOf(li))
			}
		}
		if len(kpos) != len(r.KPOs) {
			t.Fatalf("%s: %d objectives listed, want %d", path, len(kpos), len(r.KPOs))
		}
		for i, k := range r.KPOs {
			if !strings.HasPrefix(kpos[i], k.Title) {
				t.Errorf("%s: objective %d is %q, want it to start with %q", path, i+1, kpos[i], k.Title)
			}
		}
		guide := "guides/" + r.Slug + "/index.html"
		if _, ok := files[guide]; !ok {
			t.Errorf("%s was not built", guide)
		}
	}
}
