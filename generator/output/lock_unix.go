//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// ErrBusy says another build is writing the same output folder.
var ErrBusy = errors.New("another hirebook build is writing this output folder")

// lock is held by one Writer from Begin to Commit or Abort. It is a file
// beside the output, locked with flock, and removed when released, so no
// file stays behind. A build that finds it locked stops at once rather
// than clean up the other build's new folder under it.
type lock struct {
	f    *os.File
	path string
}

func acquire(parent, base string) (*lock, error) {
	path := lockPath(parent, base)
	for range 5 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("create %s: %w", path, err)
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, ErrBusy
			}
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		// The holder before us removes the file as it lets go: what we
		// locked may already be gone from the folder. Lock only the file
		// that is still there.
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return &lock{f: f, path: path}, nil
		}
		f.Close()
	}
	return nil, ErrBusy
}

func (l *lock) release() {
	if l == nil {
		return
	}
	os.Remove(l.path) // while still held: see acquire
	l.f.Close()
}

// drop lets go of the lock the way a killed build does: the lock file
// stays, unlocked, for the next build to take and remove.
func (l *lock) drop() {
	if l != nil {
		l.f.Close()
	}
}
