//go:build unix

package output_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/hirebook/hirebook/generator/output"
)

// A second build into the same output stops with ErrBusy and leaves the
// first build's new folder alone; once the first ends, a build can go on,
// and no lock file is left beside the output.
func TestConcurrentBuildIsRefused(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	if _, err := output.Write(dir, files("index.html", "one")); err != nil {
		t.Fatal(err)
	}
	first, err := output.Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Write(files("index.html", "two")...); err != nil {
		t.Fatal(err)
	}
	if _, err := output.Begin(dir); !errors.Is(err, output.ErrBusy) {
		t.Fatalf("second Begin: got %v, want ErrBusy", err)
	}
	if _, err := first.Commit(); err != nil {
		t.Fatalf("the first build lost its folder to the second: %v", err)
	}
	if got := tree(t, dir)["index.html"]; got != "two" {
		t.Fatalf("index.html = %q, want the first build's %q", got, "two")
	}
	second, err := output.Begin(dir)
	if err != nil {
		t.Fatalf("Begin after the first build ended: %v", err)
	}
	second.Abort()
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 || entries[0].Name() != "public" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("beside the output: %v, want only public", names)
	}
}
