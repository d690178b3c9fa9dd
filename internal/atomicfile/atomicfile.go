// Package atomicfile writes a file so that readers see the old content or
// the new, never a half-written file: the baseline that CI compares
// against must not be truncated by an interrupted run.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write writes data to a temporary file next to name, syncs it and renames
// it over name.
func Write(name string, data []byte, perm os.FileMode) (err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			// The write already failed: that is the error to report.
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
