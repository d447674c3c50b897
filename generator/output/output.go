// Package output writes a built site to disk atomically: every file goes
// into a new folder beside the output, which is swapped in only once all
// of it is written, so a failed or killed build leaves the previous site
// as it was. It replaces only folders that carry hirebook's marker.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

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
	var st Stats
	dir = filepath.Clean(dir)
	if err := checkTarget(dir); err != nil {
		return st, err
	}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return st, fmt.Errorf("create %s: %w", parent, err)
	}
	cleanStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".hirebook-new-")
	if err != nil {
		return st, fmt.Errorf("create a folder beside %s: %w", dir, err)
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return st, fmt.Errorf("chmod %s: %w", tmp, err)
	}
	st, err = writeAll(tmp, dir, files)
	if err != nil {
		return st, err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		return st, fmt.Errorf("write %s: %w", Marker, err)
	}
	if err := swap(tmp, dir); err != nil {
		return st, err
	}
	committed = true
	return st, nil
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

// writeAll writes files under tmp, GOMAXPROCS at a time. A file whose bytes
// equal the previous build's is hard-linked from it, keeping its mtime.
func writeAll(tmp, prev string, files []render.File) (Stats, error) {
	var st Stats
	var mu sync.Mutex
	errs := make([]error, len(files))
	dirs := map[string]bool{}
	for _, f := range files {
		if !filepath.IsLocal(filepath.FromSlash(f.Path)) {
			return st, fmt.Errorf("refusing to write %q outside the output folder", f.Path)
		}
		dirs[filepath.Dir(filepath.Join(tmp, filepath.FromSlash(f.Path)))] = true
	}
	for d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return st, fmt.Errorf("create %s: %w", d, err)
		}
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				kept, err := writeOne(tmp, prev, files[i])
				errs[i] = err
				mu.Lock()
				if kept {
					st.Unchanged++
				} else {
					st.Written++
				}
				mu.Unlock()
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return st, errors.Join(errs...)
}

func writeOne(tmp, prev string, f render.File) (bool, error) {
	rel := filepath.FromSlash(f.Path)
	dst := filepath.Join(tmp, rel)
	old := filepath.Join(prev, rel)
	if fi, err := os.Lstat(old); err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(f.Data)) {
		if b, err := os.ReadFile(old); err == nil && bytes.Equal(b, f.Data) && os.Link(old, dst) == nil {
			return true, nil
		}
	}
	if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
		return false, fmt.Errorf("write %s: %w", dst, err)
	}
	return false, nil
}
