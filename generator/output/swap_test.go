package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/hirebook/hirebook/generator/render"
)

// The two-rename swap that systems without RENAME_EXCHANGE use, tested on
// every system through its two steps: a kill can only fall between them.

type entry struct {
	data    string
	modTime time.Time
}

// state records every file under dir with its bytes and mtime.
func state(t *testing.T, dir string) map[string]entry {
	t.Helper()
	out := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = entry{string(b), fi.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// killedEntries is entries less the lock file a killed build leaves
// unlocked (where builds lock): the next build takes and removes it.
func killedEntries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, n := range entries(t, dir) {
		if n != filepath.Base(lockPath(dir, "public")) {
			out = append(out, n)
		}
	}
	return out
}

func site(kv ...string) []render.File {
	var out []render.File
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, render.File{Path: kv[i], Data: []byte(kv[i+1])})
	}
	return out
}

// previous writes a first build and backdates its files, so a test can
// tell whether they were rewritten.
func previous(t *testing.T, dir string) map[string]entry {
	t.Helper()
	if _, err := Write(dir, site("index.html", "previous", "roles/a/index.html", "a")); err != nil {
		t.Fatal(err)
	}
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, f := range []string{"index.html", "roles/a/index.html", Marker} {
		if err := os.Chtimes(filepath.Join(dir, f), past, past); err != nil {
			t.Fatal(err)
		}
	}
	return state(t, dir)
}

// prepared is a new build written and marked, ready to be swapped in.
func prepared(t *testing.T, dir string, files []render.File) string {
	t.Helper()
	w, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteAll(files); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(w.tmp, Marker), []byte(markerText), 0o644); err != nil {
		t.Fatal(err)
	}
	w.lk.drop() // as a kill would
	return w.tmp
}

func TestSwapByRename(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	before := previous(t, dir)
	tmp := prepared(t, dir, site("index.html", "new", "roles/a/index.html", "a"))
	if err := swapByRename(tmp, dir); err != nil {
		t.Fatal(err)
	}
	after := state(t, dir)
	if after["index.html"].data != "new" {
		t.Errorf("index.html = %q", after["index.html"].data)
	}
	if after["roles/a/index.html"] != before["roles/a/index.html"] {
		t.Errorf("an unchanged file was rewritten: %v, was %v", after["roles/a/index.html"], before["roles/a/index.html"])
	}
	if n := killedEntries(t, parent); !reflect.DeepEqual(n, []string{"public"}) {
		t.Errorf("the parent holds %v", n)
	}
}

// A kill after the previous output was moved aside and before the new one
// was moved in: the next run puts the previous output back before it does
// anything else, so whether that run succeeds or fails, nothing is lost.
func TestKillBetweenTheRenames(t *testing.T) {
	for _, next := range []struct {
		name  string
		files []render.File
		ok    bool
	}{
		{"the next build succeeds", site("index.html", "next", "roles/a/index.html", "a"), true},
		{"the next build fails", site("a", "file", "a/b", "a file under a file"), false},
	} {
		t.Run(next.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			before := previous(t, dir)
			tmp := prepared(t, dir, site("index.html", "killed", "roles/a/index.html", "a"))
			if _, err := moveAside(tmp, dir); err != nil {
				t.Fatal(err)
			}
			// Killed here: no output folder, the previous output aside and
			// the new one complete beside it.
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Fatalf("the output folder is still there: %v", err)
			}
			if n := killedEntries(t, parent); len(n) != 2 {
				t.Fatalf("after the kill the parent holds %v", n)
			}
			_, err := Write(dir, next.files)
			if (err == nil) != next.ok {
				t.Fatalf("the next build: error %v", err)
			}
			after := state(t, dir)
			if !next.ok && !reflect.DeepEqual(after, before) {
				t.Errorf("the previous output is not back as it was:\n%v\nwant %v", after, before)
			}
			if next.ok {
				if after["index.html"].data != "next" || after["roles/a/index.html"] != before["roles/a/index.html"] {
					t.Errorf("after the next build: %v", after)
				}
			}
			if n := entries(t, parent); !reflect.DeepEqual(n, []string{"public"}) {
				t.Errorf("the parent holds %v", n)
			}
		})
	}
}

// A kill after the new output was moved in, before the previous one was
// removed: the next run removes it.
func TestKillBeforeRemovingThePreviousOutput(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	previous(t, dir)
	tmp := prepared(t, dir, site("index.html", "new"))
	old, err := moveAside(tmp, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, dir); err != nil { // moveIn, killed before its RemoveAll
		t.Fatal(err)
	}
	if n := killedEntries(t, parent); !reflect.DeepEqual(n, []string{filepath.Base(old), "public"}) {
		t.Fatalf("after the kill the parent holds %v", n)
	}
	if _, err := Write(dir, site("index.html", "next")); err != nil {
		t.Fatal(err)
	}
	if got := state(t, dir)["index.html"].data; got != "next" {
		t.Errorf("index.html = %q", got)
	}
	if n := entries(t, parent); !reflect.DeepEqual(n, []string{"public"}) {
		t.Errorf("the parent holds %v", n)
	}
}

// When the new folder cannot be moved in, the previous output goes back.
func TestMoveInFailsPutsThePreviousOutputBack(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	before := previous(t, dir)
	tmp := prepared(t, dir, site("index.html", "new"))
	old, err := moveAside(tmp, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(tmp); err != nil { // the new folder vanished
		t.Fatal(err)
	}
	if err := moveIn(tmp, dir, old); err == nil {
		t.Fatal("moveIn succeeded without a new folder")
	}
	if after := state(t, dir); !reflect.DeepEqual(after, before) {
		t.Errorf("the previous output is not back as it was:\n%v\nwant %v", after, before)
	}
}
