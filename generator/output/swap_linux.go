//go:build linux

package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the new folder in place of dir in one atomic step
// (renameat2 with RENAME_EXCHANGE), then removes the old one. Where the
// file system refuses the exchange, it falls back to swapByRename.
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
	// tmp now holds the previous output. The new site is in place whatever
	// happens next: a folder that cannot be removed now is removed by the
	// next build, so it does not fail this one.
	_ = os.RemoveAll(tmp)
	return nil
}
