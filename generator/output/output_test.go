package output_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hirebook/hirebook/generator/output"
	"github.com/hirebook/hirebook/generator/render"
)

func files(kv ...string) []render.File {
	var out []render.File
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, render.File{Path: kv[i], Data: []byte(kv[i+1])})
	}
	return out
}

// tree reads every file under dir as path -> content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(t *testing.T, dir string) []string {
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

func TestWriteNewFolder(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	st, err := output.Write(out, files("index.html", "<p>home</p>", "roles/a/index.html", "a", ".nojekyll", ""))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "<p>home</p>", "roles/a/index.html": "a", ".nojekyll": "", output.Marker: ""}
	got := tree(t, out)
	if got[output.Marker] == "" {
		t.Errorf("no marker file")
	}
	got[output.Marker] = ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("wrote %v, want %v", got, want)
	}
	if st.Written != 3 || st.Unchanged != 0 {
		t.Errorf("stats %+v", st)
	}
	// Nothing but the output folder appears beside it.
	if n := names(t, parent); !reflect.DeepEqual(n, []string{"public"}) {
		t.Errorf("parent folder holds %v", n)
	}
}

func TestWriteIntoMissingParents(t *testing.T) {
	out := filepath.Join(t.TempDir(), "a", "b", "public")
	if _, err := output.Write(out, files("index.html", "x")); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out)["index.html"]; got != "x" {
		t.Errorf("index.html = %q", got)
	}
}

func TestRebuildKeepsUnchangedFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := output.Write(out, files("same.html", "same", "changed.html", "old", "gone.html", "bye", "dir/same.css", "css")); err != nil {
		t.Fatal(err)
	}
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, f := range []string{"same.html", "changed.html", "dir/same.css"} {
		if err := os.Chtimes(filepath.Join(out, f), past, past); err != nil {
			t.Fatal(err)
		}
	}
	st, err := output.Write(out, files("same.html", "same", "changed.html", "new!", "dir/same.css", "css", "added.html", "hi"))
	if err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	delete(got, output.Marker)
	if want := map[string]string{"same.html": "same", "changed.html": "new!", "dir/same.css": "css", "added.html": "hi"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after rebuild: %v, want %v", got, want)
	}
	for f, keep := range map[string]bool{"same.html": true, "dir/same.css": true, "changed.html": false} {
		fi, err := os.Stat(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if kept := fi.ModTime().Equal(past); kept != keep {
			t.Errorf("%s mtime %v: kept = %v, want %v", f, fi.ModTime(), kept, keep)
		}
	}
	if st.Unchanged != 2 || st.Written != 2 {
		t.Errorf("stats %+v, want 2 unchanged and 2 written", st)
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, out string)
		files []render.File
		msg   string
	}{
		{
			name: "a folder hirebook did not write",
			setup: func(t *testing.T, out string) {
				mkdir(t, out)
				write(t, filepath.Join(out, "thesis.tex"), "precious")
			},
			files: files("index.html", "x"),
			msg:   output.Marker,
		},
		{
			name:  "a file where the folder should be",
			setup: func(t *testing.T, out string) { write(t, out, "precious") },
			files: files("index.html", "x"),
			msg:   "is a file",
		},
		{
			name:  "a path that climbs out",
			setup: previousBuild,
			files: files("index.html", "x", "../escaped.html", "x"),
			msg:   "outside",
		},
		{
			name:  "an absolute path",
			setup: previousBuild,
			files: files("index.html", "x", "/tmp/escaped.html", "x"),
			msg:   "outside",
		},
		{
			name:  "a write that fails half way",
			setup: previousBuild,
			files: files("a", "file", "a/b", "file under a file"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			tt.setup(t, out)
			before := snapshot(t, parent)
			_, err := output.Write(out, tt.files)
			if err == nil {
				t.Fatal("Write succeeded")
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
			if after := snapshot(t, parent); !reflect.DeepEqual(after, before) {
				t.Errorf("the folder changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

func TestEmptyFolderIsAccepted(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mkdir(t, out)
	if _, err := output.Write(out, files("index.html", "x")); err != nil {
		t.Fatal(err)
	}
	if tree(t, out)["index.html"] != "x" {
		t.Error("not written")
	}
}

func TestStaleFoldersFromAKilledBuild(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	previousBuild(t, out)
	// A build killed while writing leaves its new folder behind.
	mkdir(t, filepath.Join(parent, ".public.hirebook-new-123"))
	write(t, filepath.Join(parent, ".public.hirebook-new-123", "index.html"), "half")
	if _, err := output.Write(out, files("index.html", "new")); err != nil {
		t.Fatal(err)
	}
	if n := names(t, parent); !reflect.DeepEqual(n, []string{"public"}) {
		t.Errorf("parent folder holds %v", n)
	}
	// A build killed between moving the previous output aside and moving
	// the new one in leaves only the previous output, aside: the next
	// build puts it back first, so even when that build fails the
	// previous output is where it was.
	if err := os.Rename(out, filepath.Join(parent, ".public.hirebook-old-456")); err != nil {
		t.Fatal(err)
	}
	if _, err := output.Write(out, files("a", "file", "a/b", "file under a file")); err == nil {
		t.Fatal("a write with a file under a file succeeded")
	}
	if got := tree(t, out)["index.html"]; got != "new" {
		t.Errorf("previous output not put back: index.html = %q", got)
	}
	if n := names(t, parent); !reflect.DeepEqual(n, []string{"public"}) {
		t.Errorf("parent folder holds %v", n)
	}
	if _, err := output.Write(out, files("index.html", "newer")); err != nil {
		t.Fatal(err)
	}
	if n := names(t, parent); !reflect.DeepEqual(n, []string{"public"}) {
		t.Errorf("parent folder holds %v", n)
	}
	if got := tree(t, out)["index.html"]; got != "newer" {
		t.Errorf("index.html = %q", got)
	}
}

func previousBuild(t *testing.T, out string) {
	t.Helper()
	if _, err := output.Write(out, files("index.html", "previous", "roles/a/index.html", "a")); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, file, data string) {
	t.Helper()
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot records every file and folder under dir with its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// An output folder that is a symbolic link is written where it points, and
// stays a link; a link that leads nowhere is an error, and nothing is
// written.
func TestWriteThroughLinkedFolder(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "deploy", "site")
	link := filepath.Join(root, "public")
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, err := output.Write(link, files("index.html", "one")); err == nil {
		t.Fatal("a link to a folder that does not exist was written through")
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the dangling link was replaced")
	}
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"one", "two"} {
		if _, err := output.Write(link, files("index.html", body)); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("after writing %q the output is no longer a link", body)
		}
		if got := tree(t, target)["index.html"]; got != body {
			t.Errorf("the linked folder holds %q, want %q", got, body)
		}
	}
}
