//go:build linux

package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// swap puts the new folder in place of dir in one atomic step
// (renameat2 with RENAME_EXCHANGE), then removes the old one.
func swap(tmp, dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("move new output into place: %w", err)
		}
		return nil
	}
	if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE); err != nil {
		return swapByRename(tmp, dir)
	}
	return os.RemoveAll(tmp) // tmp now holds the previous output
}

func swapByRename(tmp, dir string) error {
	old := filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".hirebook-old-"+filepath.Base(tmp))
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("move previous output aside: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		return fmt.Errorf("move new output into place: %w", err)
	}
	return os.RemoveAll(old)
}
