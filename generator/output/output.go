// Package output writes a built site to disk atomically: every file goes
// into a new folder beside the output, which is swapped in only once all
// of it is written, so a failed or killed build leaves the previous site
// as it was. It replaces only folders that carry hirebook's marker.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/hirebook/hirebook/generator/internal/pool"
	"github.com/hirebook/hirebook/generator/render"
)

// Marker is the file that marks a folder as hirebook output.
const Marker = ".hirebook-output"

const markerText = "This folder is written by hirebook build. It is replaced on every build.\n"

// Stats says what a write did.
type Stats struct {
	Written   int // files whose bytes are new or changed
	Unchanged int // files kept from the previous build, with their mtime
}

// Write replaces the folder dir with exactly files.
func Write(dir string, files []render.File) (Stats, error) {
	w, err := Begin(dir)
	if err != nil {
		return Stats{}, err
	}
	if err := w.WriteAll(files); err != nil {
		w.Abort()
		return w.Stats(), err
	}
	return w.Commit()
}

// Writer writes one build into a new folder beside the output; Commit
// swaps it in, Abort throws it away. Files can be written as soon as they
// are made, from several goroutines, so a build need not hold the whole
// site in memory.
type Writer struct {
	dir, tmp string
	hasPrev  bool // dir holds a previous build to compare files with
	mu       sync.Mutex
	dirs     map[string]bool // folders made under tmp
	st       Stats
	done     bool
	lk       *lock // keeps other builds out of dir until Commit or Abort
}

// Begin starts writing a new version of dir. When dir is a symbolic link,
// the folder it points to is written (swapped beside itself), and the
// link is left as it is.
func Begin(dir string) (*Writer, error) {
	dir = filepath.Clean(dir)
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(dir)
		if err != nil {
			to, _ := os.Readlink(dir)
			return nil, fmt.Errorf("output folder %s is a link to %s, which cannot be reached: %w", dir, to, err)
		}
		dir = target
	}
	if err := checkTarget(dir); err != nil {
		return nil, err
	}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	lk, err := acquire(parent, base)
	if errors.Is(err, ErrBusy) {
		return nil, fmt.Errorf("output %s: %w; run the build again when it ends", dir, err)
	}
	if err != nil {
		return nil, err
	}
	cleanStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".hirebook-new-")
	if err != nil {
		lk.release()
		return nil, fmt.Errorf("create a folder beside %s: %w", dir, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		lk.release()
		return nil, fmt.Errorf("chmod %s: %w", tmp, err)
	}
	_, err = os.Stat(filepath.Join(dir, Marker))
	return &Writer{dir: dir, tmp: tmp, hasPrev: err == nil, dirs: map[string]bool{tmp: true}, lk: lk}, nil
}

// lockPath is the lock file of the output folder base in parent.
func lockPath(parent, base string) string {
	return filepath.Join(parent, "."+base+".hirebook-lock")
}

// Write writes files into the new folder. A file whose bytes equal the
// previous build's is hard-linked from it, keeping its mtime.
func (w *Writer) Write(files ...render.File) error {
	for _, f := range files {
		rel := filepath.FromSlash(f.Path)
		if !filepath.IsLocal(rel) {
			return fmt.Errorf("refusing to write %q outside the output folder", f.Path)
		}
		if err := w.mkdir(filepath.Dir(filepath.Join(w.tmp, rel))); err != nil {
			return err
		}
		prev := w.dir
		if !w.hasPrev {
			prev = "" // nothing to compare with: write, don't look
		}
		kept, err := writeOne(w.tmp, prev, f)
		if err != nil {
			return err
		}
		w.mu.Lock()
		if kept {
			w.st.Unchanged++
		} else {
			w.st.Written++
		}
		w.mu.Unlock()
	}
	return nil
}

// WriteAll writes files GOMAXPROCS at a time.
func (w *Writer) WriteAll(files []render.File) error {
	errs := make([]error, len(files))
	pool.Each(len(files), func(i int) { errs[i] = w.Write(files[i]) })
	return errors.Join(errs...)
}

func (w *Writer) mkdir(d string) error {
	w.mu.Lock()
	made, parentMade := w.dirs[d], w.dirs[filepath.Dir(d)]
	w.mu.Unlock()
	if made {
		return nil
	}
	// Most folders are made inside one made a moment ago: one mkdir,
	// not MkdirAll's walk up the path.
	var err error
	if parentMade {
		if err = os.Mkdir(d, 0o755); errors.Is(err, fs.ErrExist) {
			err = os.MkdirAll(d, 0o755) // made by another writer, or not a folder
		}
	} else {
		err = os.MkdirAll(d, 0o755)
	}
	if err != nil {
		return fmt.Errorf("create %s: %w", d, err)
	}
	// d and every folder above it, up to the new output folder, exist now.
	w.mu.Lock()
	for p := d; !w.dirs[p] && len(p) > len(w.tmp); p = filepath.Dir(p) {
		w.dirs[p] = true
	}
	w.mu.Unlock()
	return nil
}

// Stats says what has been written so far.
func (w *Writer) Stats() Stats {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.st
}

// Commit marks the new folder as hirebook output and swaps it in place of
// the old one.
func (w *Writer) Commit() (Stats, error) {
	if w.done {
		return w.st, errors.New("output already committed or aborted")
	}
	w.done = true
	defer w.lk.release()
	if err := os.WriteFile(filepath.Join(w.tmp, Marker), []byte(markerText), 0o644); err != nil {
		os.RemoveAll(w.tmp)
		return w.st, fmt.Errorf("write %s: %w", Marker, err)
	}
	if err := swap(w.tmp, w.dir); err != nil {
		os.RemoveAll(w.tmp)
		return w.st, err
	}
	return w.st, nil
}

// Abort throws the new folder away, leaving the previous output as it was.
func (w *Writer) Abort() {
	if !w.done {
		w.done = true
		os.RemoveAll(w.tmp)
		w.lk.release()
	}
}

// checkTarget refuses to replace a folder that hirebook did not write.
func checkTarget(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("output %s is a file, not a folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("output folder %s is not empty and was not written by hirebook (it has no %s file); refusing to replace it: choose another --out or empty it yourself", dir, Marker)
	}
	return nil
}

// cleanStale removes folders left by builds that were killed. When a kill
// came between moving the previous output aside and moving the new one in,
// the previous output is put back first.
func cleanStale(parent, base string) {
	entries, _ := os.ReadDir(parent)
	dir := filepath.Join(parent, base)
	for _, e := range entries {
		n := e.Name()
		if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) && e.IsDir() && strings.HasPrefix(n, "."+base+".hirebook-old-") {
			if os.Rename(filepath.Join(parent, n), dir) == nil {
				continue
			}
		}
		if e.IsDir() && (strings.HasPrefix(n, "."+base+".hirebook-new-") || strings.HasPrefix(n, "."+base+".hirebook-old-")) {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

func writeOne(tmp, prev string, f render.File) (bool, error) {
	rel := filepath.FromSlash(f.Path)
	dst := filepath.Join(tmp, rel)
	old := filepath.Join(prev, rel)
	if prev != "" {
		if fi, err := os.Lstat(old); err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(f.Data)) {
			if b, err := os.ReadFile(old); err == nil && bytes.Equal(b, f.Data) && os.Link(old, dst) == nil {
				return true, nil
			}
		}
	}
	if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
		return false, fmt.Errorf("write %s: %w", dst, err)
	}
	return false, nil
}
