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
	// A folder that does not exist yet (themes/, often, or the content
	// folder before hirebook init writes it) is waited for in the nearest
	// folder above it that exists, and from there down, one folder at a
	// time. When that folder is not watched already (as part of another
	// folder's tree), it is watched for the one name on the way only: its
	// other files are not the site's. A watched folder (a root) is watched
	// for in its parent too, and so is each folder on the way, in the
	// folder above it: a folder removed is seen there (its own removal
	// is not reported while a build still has it open), and waited for
	// again.
	var roots, missing []string
	awaited := map[string]bool{} // folders on the way to a missing one, and roots
	onlyFor := map[string]bool{} // folders watched for those alone
	// watchFor watches the parent of dir for dir, unless the parent is
	// watched whole already.
	watchFor := func(dir string) error {
		parent := filepath.Dir(dir)
		if parent == dir || within(parent, roots) {
			return nil
		}
		awaited[dir], onlyFor[parent] = true, true
		return w.Add(parent)
	}
	for _, d := range dirs {
		d = filepath.Clean(d)
		if isDir(d) {
			roots = append(roots, d)
			s.addTree(w, d)
		} else {
			missing = append(missing, d)
		}
	}
	for _, d := range roots {
		watchFor(d) // at worst, a root removed is not waited for again
	}
	// await watches the way to the missing folder d; it reports whether d
	// exists by now (made while it looked), and is watched. A path element
	// that exists but is not a folder (a file named themes, say) is waited
	// for like a missing one: its Create event, when a folder takes its
	// place, looks again. A turn goes one folder further down, or up when
	// a folder on the way was removed meanwhile; the turns are bounded.
	await := func(d string) bool {
		for range 2 * (strings.Count(d, string(filepath.Separator)) + 2) {
			if isDir(d) {
				if !within(d, roots) {
					roots = append(roots, d)
					s.addTree(w, d)
					watchFor(d)
				}
				return true
			}
			next := d // the folder on the way to d whose parent exists
			for {
				parent := filepath.Dir(next)
				if isDir(parent) {
					break
				}
				if parent == next {
					return false
				}
				next = parent
			}
			parent := filepath.Dir(next)
			if within(parent, roots) {
				return false // its making is an event in a watched folder
			}
			// Watched each time: a folder removed and made again is not
			// watched any more. The parent first, so that its removal
			// after the check below is seen.
			watchFor(parent)
			if err := watchFor(next); err != nil {
				if !isDir(parent) {
					continue // removed meanwhile: look from higher up
				}
				s.logf("watch: %s: %v; a %s folder made later will not be seen until serve restarts", parent, err, d)
				return false
			}
			if !isDir(parent) {
				continue
			}
			// next may have been made before the watch began.
			if !isDir(next) {
				return false
			}
		}
		return false
	}
	waiting := func() {
		var still []string
		for _, d := range missing {
			if !await(d) {
				still = append(still, d)
			}
		}
		missing = still
	}
	waiting()
	// forget puts the roots at or below name, which was removed or moved
	// away, back among the missing folders, so that one made again is
	// watched, and stops watching what is left of them (a folder moved away,
	// or removed while a build has it open, is still watched under its old
	// name). It looks again for the missing folders at or below name, whose
	// way may have gone with it, and reports whether a root was lost.
	forget := func(name string) bool {
		var kept, lost []string
		for _, r := range roots {
			if within(r, []string{name}) {
				lost = append(lost, r)
			} else {
				kept = append(kept, r)
			}
		}
		if len(lost) > 0 {
			roots = kept
			for _, p := range w.WatchList() {
				if within(p, lost) {
					w.Remove(p)
				}
			}
			missing = append(missing, lost...)
		}
		for _, d := range missing {
			if within(d, []string{name}) {
				waiting()
				break
			}
		}
		return len(lost) > 0
	}
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	changed := map[string]bool{} // full paths
	schedule := func(name string) {
		changed[name] = true
		if timer != nil {
			timer.Stop()
		}
		timer = time.AfterFunc(Debounce, func() {
			select {
			case fire <- struct{}{}:
			default:
			}
		})
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			name := filepath.Clean(ev.Name) // a watch of "." names ./themes
			dir := filepath.Dir(name)
			if (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) && forget(name) {
				schedule(name) // the site lost a folder, or has a new one
				continue
			}
			if ignored(name) || (onlyFor[dir] && !awaited[name] && !within(dir, roots)) {
				continue
			}
			if awaited[name] && !within(name, roots) {
				// A folder on the way to a missing one: look further down.
				if !ev.Has(fsnotify.Create) {
					continue
				}
				before := len(missing)
				waiting()
				if len(missing) == before {
					continue
				}
			} else if ev.Has(fsnotify.Create) {
				if isDir(name) {
					s.addTree(w, name)
				}
			}
			schedule(name)
		case <-fire:
			if len(changed) == 0 {
				// A signal sent just before an event stopped its timer,
				// whose changes the rebuild it led to took already.
				continue
			}
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

// isDir reports whether p is a folder.
func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
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
// watches, say) is reported: edits in it would otherwise go unseen. A dir
// that is a symbolic link (content -> site-content) is walked where it
// leads, since WalkDir does not follow a link it starts at, and watched
// under its own name, so that events name the folder serve was given.
func (s *Server) addTree(w *fsnotify.Watcher, dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		s.logf("watch: %v", err)
		return
	}
	filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			s.logf("watch: %v", err)
			return nil
		}
		if d.IsDir() {
			if rel, err := filepath.Rel(real, p); err == nil {
				p = filepath.Join(dir, rel)
			}
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
