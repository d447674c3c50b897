package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the watcher waits after the last event of a burst
// before rebuilding, so an editor's save (often a temporary file and a
// rename) gives one rebuild.
const Debounce = 50 * time.Millisecond

// Watch watches dirs and every folder below them, including folders made
// later, and rebuilds after each burst of changes until ctx ends.
func (s *Server) Watch(ctx context.Context, dirs ...string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, d := range dirs {
		addTree(w, d)
	}
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	changed := map[string]bool{} // full paths
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ignored(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					addTree(w, ev.Name)
				}
			}
			changed[ev.Name] = true
			if timer != nil {
				timer.Stop()
			}
			timer = time.AfterFunc(Debounce, func() {
				select {
				case fire <- struct{}{}:
				default:
				}
			})
		case <-fire:
			var names []string
			for n := range changed {
				names = append(names, n)
			}
			sort.Strings(names)
			changed = map[string]bool{}
			s.Rebuild(ctx, names)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			s.logf("watch: %v", err)
		}
	}
}

// addTree watches dir and every folder below it (fsnotify is not recursive).
func addTree(w *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if ignored(p) && p != dir {
				return filepath.SkipDir
			}
			w.Add(p)
		}
		return nil
	})
}

// ignored skips editor backups, swap files and hidden folders.
func ignored(p string) bool {
	b := filepath.Base(p)
	return strings.HasPrefix(b, ".") || strings.HasSuffix(b, "~") || strings.HasSuffix(b, ".swp") || strings.HasSuffix(b, ".tmp")
}
