//go:build !linux

package output

import (
	"errors"
	"fmt"
	"os"
)

// swap moves the previous output aside and the new folder into its place
// (swapByRename); the next run repairs a kill between the two renames.
func swap(tmp, dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("move new output into place: %w", err)
		}
		return nil
	}
	return swapByRename(tmp, dir)
}
