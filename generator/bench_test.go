package generator_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hirebook/hirebook/generator"
	"github.com/hirebook/hirebook/generator/content"
	"github.com/hirebook/hirebook/generator/internal/pool"
	"github.com/hirebook/hirebook/generator/markdown"
	"github.com/hirebook/hirebook/generator/output"
	"github.com/hirebook/hirebook/generator/synth"
)

// benchSizes are the site sizes benchmarked; -short keeps the smallest, so
// CI can run every benchmark once (-benchtime=1x) cheaply.
func benchSizes() []int {
	if testing.Short() {
		return []int{100}
	}
	return []int{100, 1000, 10000}
}

// synthSite writes a synthetic site of n roles into a temporary folder
// and returns that folder and the content folder inside it.
func synthSite(b *testing.B, n int) (tmp, dir string) {
	b.Helper()
	tmp = b.TempDir()
	dir = filepath.Join(tmp, "content")
	if err := synth.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	return tmp, dir
}

// BenchmarkBuild is a full build from a synthetic site on disk into memory.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			_, dir := synthSite(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := generator.Build(context.Background(), generator.Options{Content: dir})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(res.Files)), "files")
			}
		})
	}
}

// BenchmarkBuildWrite is a full build written to a new output folder.
func BenchmarkBuildWrite(b *testing.B) { benchBuildWrite(b, nil) }

// benchBuildWrite builds each size into a new output folder, with the
// given theme override (nil: the default theme).
func benchBuildWrite(b *testing.B, theme fs.FS) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			tmp, dir := synthSite(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out := filepath.Join(tmp, fmt.Sprintf("out%d", i))
				if _, err := generator.Build(context.Background(), generator.Options{Content: dir, Out: out, ThemeFS: theme}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				os.RemoveAll(out)
				b.StartTimer()
			}
		})
	}
}

// BenchmarkRebuildOneRole edits one role and rebuilds, as the preview
// server does on save.
func BenchmarkRebuildOneRole(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			_, dir := synthSite(b, n)
			ctx := context.Background()
			builder := generator.NewBuilder(generator.Options{Content: dir})
			if _, err := builder.Build(ctx); err != nil {
				b.Fatal(err)
			}
			file := filepath.Join(dir, filepath.FromSlash(synth.RoleFile(n/2+1)))
			orig, _ := os.ReadFile(file)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				edited := append(append([]byte{}, orig...), fmt.Sprintf("\nEdit number %d.\n", i)...)
				if err := os.WriteFile(file, edited, 0o644); err != nil {
					b.Fatal(err)
				}
				if _, err := builder.Rebuild(ctx, []string{file}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFloor is the least any build of the site must do: render every
// body with goldmark and write the same bytes the build writes. A full
// build (BenchmarkBuildWrite) is compared with it.
func BenchmarkFloor(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("roles=%d", n), func(b *testing.B) {
			tmp, dir := synthSite(b, n)
			res, err := generator.Build(context.Background(), generator.Options{Content: dir})
			if err != nil {
				b.Fatal(err)
			}
			site, diags := content.Load(os.DirFS(dir), content.Options{})
			if diags.HasErrors() {
				b.Fatal(diags)
			}
			md := markdown.New()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				pool.Each(len(site.Roles), func(j int) { md.Render(site.Roles[j].Body, nil) })
				out := filepath.Join(tmp, fmt.Sprintf("out%d", i))
				if _, err := output.Write(out, res.Files); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				os.RemoveAll(out)
				b.StartTimer()
			}
		})
	}
}

// minimalTheme prints about what the Hugo benchmark's templates print; a
// build with it measures the pipeline rather than the default theme.
func minimalTheme() fs.FS { return os.DirFS(filepath.Join("testdata", "minimal-theme")) }

// BenchmarkBuildWriteMinimalTheme is BenchmarkBuildWrite with minimalTheme:
// between it and BenchmarkBuildWrite lies the cost of the default theme's
// richer pages.
func BenchmarkBuildWriteMinimalTheme(b *testing.B) { benchBuildWrite(b, minimalTheme()) }
