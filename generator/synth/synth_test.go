package synth_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hirebook/hirebook/generator/synth"
)

// Write writes the files of Site, and nothing else, into a new folder.
func TestWriteWritesTheSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := synth.Write(dir, 3); err != nil {
		t.Fatal(err)
	}
	want := synth.Site(3)
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, _ := os.ReadFile(p)
		if string(b) != string(want[filepath.ToSlash(rel)]) {
			t.Errorf("%s is not the site's file", rel)
		}
		n++
		return nil
	})
	if n != len(want) {
		t.Errorf("wrote %d files, want %d", n, len(want))
	}
}

// Write refuses a folder with anything in it, and changes nothing there.
func TestWriteRefusesAFolderWithFiles(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "site.yaml")
	os.WriteFile(mine, []byte("title: mine\n"), 0o644)
	if err := synth.Write(dir, 2); !errors.Is(err, synth.ErrNotEmpty) {
		t.Fatalf("want ErrNotEmpty, got %v", err)
	}
	if b, _ := os.ReadFile(mine); string(b) != "title: mine\n" {
		t.Error("Write changed an existing file")
	}
	if _, err := os.Stat(filepath.Join(dir, "roles")); !os.IsNotExist(err) {
		t.Error("a refused Write added files")
	}
}

// Write refuses a role count outside 1 to MaxRoles before it writes.
func TestWriteBoundsTheRoleCount(t *testing.T) {
	for _, n := range []int{0, -1, synth.MaxRoles + 1, 99999999999} {
		dir := filepath.Join(t.TempDir(), "content")
		if err := synth.Write(dir, n); err == nil {
			t.Errorf("Write(%d) did not fail", n)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("Write(%d) made the folder", n)
		}
	}
}
