//go:build !linux

package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// swap moves the previous output aside and the new folder into its place.
// A kill between the two renames leaves the previous output in a
// .hirebook-old- folder, which Recover puts back on the next run.
func swap(tmp, dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("move new output into place: %w", err)
		}
		return nil
	}
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
