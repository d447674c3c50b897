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
	// its parent. When the parent is not watched already (as part of
	// another folder's tree), it is watched for that one name only: its
	// other files are not the site's.
	var roots, missing []string
	for _, d := range dirs {
		d = filepath.Clean(d)
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			roots = append(roots, d)
			s.addTree(w, d)
		} else {
			missing = append(missing, d)
		}
	}
	awaited := map[string]bool{} // folders waited for
	onlyFor := map[string]bool{} // parents watched for them alone
	for _, d := range missing {
		parent := filepath.Dir(d)
		if within(parent, roots) {
			continue // its creation is an event in a watched folder
		}
		awaited[d], onlyFor[parent] = true, true
		if err := w.Add(parent); err != nil {
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
			if ignored(ev.Name) || (onlyFor[filepath.Dir(ev.Name)] && !awaited[ev.Name]) {
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

// within reports whether dir is one of roots or inside one.
func within(dir string, roots []string) bool {
	for _, r := range roots {
		if rel, err := filepath.Rel(r, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
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
