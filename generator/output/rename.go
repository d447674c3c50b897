package output

import (
	"fmt"
	"os"
	"path/filepath"
)

// swapByRename is the swap where renameat2's RENAME_EXCHANGE is missing
// (other systems, or file systems that refuse it): the previous output is
// moved aside to a .hirebook-old- folder, then the new folder moved in. A
// kill between the two renames leaves no output folder but the previous
// output aside, which cleanStale puts back on the next run before anything
// else.
func swapByRename(tmp, dir string) error {
	old, err := moveAside(tmp, dir)
	if err != nil {
		return err
	}
	return moveIn(tmp, dir, old)
}

// moveAside renames the previous output dir to a .hirebook-old- folder
// named after the new folder tmp, and returns that name.
func moveAside(tmp, dir string) (string, error) {
	old := filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".hirebook-old-"+filepath.Base(tmp))
	if err := os.Rename(dir, old); err != nil {
		return "", fmt.Errorf("move previous output aside: %w", err)
	}
	return old, nil
}

// moveIn renames the new folder tmp to dir, then removes the previous
// output old; when the rename fails, old goes back in place.
func moveIn(tmp, dir, old string) error {
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		return fmt.Errorf("move new output into place: %w", err)
	}
	// The new site is in place; a previous output that cannot be removed
	// now is removed by the next build.
	_ = os.RemoveAll(old)
	return nil
}
