// Package atomicfile writes a report or a baseline without ever destroying
// what the name stands for: a regular file is replaced atomically (readers
// see the old content or the new, never a half-written file: the baseline
// that CI compares against must not be truncated by an interrupted run); a
// symlink is followed and its target replaced; a named pipe, a device or a
// /dev/stdout-style name is written in place; a directory is an error.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Write writes data to name as the package comment says.
func Write(name string, data []byte, perm os.FileMode) error {
	fi, err := os.Stat(name) // follows symlinks, /dev/stdout and /dev/fd/N included
	switch {
	case errors.Is(err, fs.ErrNotExist):
		target, lerr := resolveDangling(name)
		if lerr != nil {
			return lerr
		}
		return replace(target, data, perm)
	case err != nil:
		return err
	case fi.IsDir():
		return fmt.Errorf("%s is a directory: name a file to write", name)
	case !fi.Mode().IsRegular():
		return writeInPlace(name, data)
	}
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	return replace(target, data, fi.Mode().Perm())
}

// resolveDangling returns the file a name that does not exist stands for:
// itself, or the missing target of a symlink, which is then created.
func resolveDangling(name string) (string, error) {
	target := name
	for range 40 { // as the kernel, give up on a chain longer than 40 links
		fi, err := os.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			return target, nil
		}
		if err != nil {
			return "", err
		}
		if fi.Mode()&os.ModeSymlink == 0 {
			return target, nil
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", name)
}

// writeInPlace writes to a named pipe, a device or a terminal, which must
// not be replaced by a regular file.
func writeInPlace(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// replace writes data to a temporary file next to name, syncs it and
// renames it over name.
func replace(name string, data []byte, perm os.FileMode) (err error) {
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

// SameFile reports whether two names stand for the same file, after
// symlinks, "./" and relative paths: an existing file by its identity, a
// file to be created by its absolute, symlink-resolved path.
func SameFile(a, b string) bool {
	fa, erra := os.Stat(a)
	fb, errb := os.Stat(b)
	if erra == nil && errb == nil {
		return os.SameFile(fa, fb)
	}
	return canonical(a) == canonical(b)
}

// canonical is a name's absolute path with the symlinks of its directory
// (and of itself, when it is a dangling link) resolved.
func canonical(name string) string {
	if target, err := resolveDangling(name); err == nil {
		name = target
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return name
	}
	dir, base := filepath.Split(abs)
	if resolved, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(resolved, base)
	}
	return abs
}
