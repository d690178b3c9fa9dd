package cli

import (
	"os"
	"path"
	"path/filepath"
	"strings"
)

// repoPrefix returns the path of the scan root relative to the root of the
// git repository it is in, slash-separated: "server" for a module in the
// server/ directory of its repository, "" at the repository root or outside
// any repository. The repository root is the nearest directory, from the
// scan root up, with a .git entry (a directory, or a file in a worktree or
// a submodule): what `git rev-parse --show-toplevel` answers, without
// needing git, so a machine without git, or a tree that is no repository,
// still scans and keeps paths relative to the scan root.
func repoPrefix(root string) string {
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	for dir := root; ; {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			rel, err := filepath.Rel(dir, root)
			if err != nil || rel == "." {
				return ""
			}
			return filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// cleanPathPrefix checks and normalizes -path-prefix: a relative,
// slash-separated path inside the repository ("server/", "./server" and
// "server" are the same); "" or "." is none.
func cleanPathPrefix(p string) (string, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return "", nil
	}
	if strings.Contains(p, `\`) || path.IsAbs(p) || filepath.IsAbs(p) || filepath.VolumeName(p) != "" {
		return "", usagef("-path-prefix %q: want a slash-separated path relative to the repository root, such as server/", p)
	}
	c := path.Clean(p)
	if c == "." {
		return "", nil
	}
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", usagef("-path-prefix %q leaves the repository: want a path relative to the repository root, such as server/", p)
	}
	return c, nil
}
