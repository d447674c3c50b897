package render_test

import (
	"testing"

	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/pages"
	"github.com/hirebook/hirebook/generator/render"
	"github.com/hirebook/hirebook/generator/synth"
	"github.com/hirebook/hirebook/themes"
)

// BenchmarkLayouts renders each page of a synthetic role, by layout.
func BenchmarkLayouts(b *testing.B) {
	site, diags := content.Load(synth.FS(50), content.Options{})
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	theme, err := render.Load(themes.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	ps, _ := pages.Plan(site, pages.Options{})
	byLayout := map[string]pages.Page{}
	for _, p := range ps {
		if p.Layout != "" {
			if _, ok := byLayout[p.Layout]; !ok || p.Path < byLayout[p.Layout].Path {
				byLayout[p.Layout] = p
			}
		}
	}
	for name, p := range byLayout {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				out, err := theme.Page(p)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(out)))
			}
		})
	}
}
