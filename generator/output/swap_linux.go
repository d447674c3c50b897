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
	return os.RemoveAll(tmp) // tmp now holds the previous output
}
