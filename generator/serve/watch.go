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
	// A folder that does not exist yet (themes/, often) is waited for in
	// its parent, which is watched for that one name only.
	awaited := map[string]bool{}
	for _, d := range dirs {
		d = filepath.Clean(d)
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			s.addTree(w, d)
			continue
		}
		awaited[d] = true
		if err := w.Add(filepath.Dir(d)); err != nil {
			s.logf("watch: %v; a %s folder made later will not be seen until serve restarts", err, d)
		}
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
			if ignored(ev.Name) || (awaitedParent(awaited, ev.Name) && !awaited[ev.Name]) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					s.addTree(w, ev.Name)
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

// awaitedParent reports whether name is directly in the parent of a folder
// being waited for (and so an event of a folder not otherwise watched).
func awaitedParent(awaited map[string]bool, name string) bool {
	for d := range awaited {
		if filepath.Dir(d) == filepath.Dir(name) {
			return true
		}
	}
	return false
}

// addTree watches dir and every folder below it (fsnotify is not
// recursive). A folder that cannot be watched (the system's limit on
// watches, say) is reported: edits in it would otherwise go unseen.
func (s *Server) addTree(w *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			s.logf("watch: %v", err)
			return nil
		}
		if d.IsDir() {
			if ignored(p) && p != dir {
				return filepath.SkipDir
			}
			if err := w.Add(p); err != nil {
				s.logf("watch: %s: %v; edits in it are not seen until serve restarts", p, err)
			}
		}
		return nil
	})
}

// ignored skips editor backups, swap files and hidden folders.
func ignored(p string) bool {
	b := filepath.Base(p)
	return strings.HasPrefix(b, ".") || strings.HasSuffix(b, "~") || strings.HasSuffix(b, ".swp") || strings.HasSuffix(b, ".tmp")
}
