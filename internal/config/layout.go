package config

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
)

// This file is the one place that knows how a tree of Go code is laid out
// for jwtssot: which directory holds a config file, where a module's root
// is, which go.work is in effect and which modules it uses. The Resolver
// (each package's config, walking up), Load (every config file of a run,
// walking down) and the standalone scan's "is this a module" all ask here,
// so they cannot disagree about which file counts.

// fileNames are the names jwtssot looks for, in this order, in each
// directory from a package's directory up to its module root.
var fileNames = []string{".jwtssot.yaml", ".jwtssot.yml"}

// FileNames returns the names of config files that discovery finds.
func FileNames() []string { return slices.Clone(fileNames) }

// configIn returns the config file of a directory, if it has one: the first
// of fileNames present. Any directory entry with a config file's name
// counts, whatever it is: a directory, a dangling symlink or a FIFO named
// .jwtssot.yaml is a config that ReadFile reports as broken, in every front
// end, rather than no config at all.
func configIn(dir string) string {
	for _, name := range fileNames {
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err == nil {
			return p
		}
	}
	return ""
}

// isModuleRoot reports whether dir holds a go.mod file (a symlink to one
// counts, a directory named go.mod does not).
func isModuleRoot(dir string) bool { return isFile(filepath.Join(dir, "go.mod")) }

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// moduleRoot returns dir or its nearest parent that is a module root, ""
// if none is.
func moduleRoot(dir string) string {
	for d := dir; ; {
		if isModuleRoot(d) {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// workFile is the go.work file the go command would use in dir: $GOWORK
// (off: none; auto or empty: search), else go.work in dir or its nearest
// parent having one.
func workFile(dir string) string {
	switch w := os.Getenv("GOWORK"); w {
	case "off":
		return ""
	case "", "auto":
	default:
		return w
	}
	for d := dir; ; {
		if p := filepath.Join(d, "go.work"); isFile(p) {
			return p
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// InModule reports whether the go command, run in dir, has a main module or
// a go.work workspace.
func InModule(dir string) bool { return moduleRoot(dir) != "" || workFile(dir) != "" }

// moduleRoots returns the roots of the modules a run in dir can reach and
// the directory to name files from: the modules of the go.work in effect,
// else the module containing dir, else dir itself.
func moduleRoots(dir string) (roots []string, anchor string) {
	mod := moduleRoot(dir)
	if work := workFile(dir); work != "" {
		if data, err := os.ReadFile(work); err == nil {
			if wf, err := modfile.ParseWork(work, data, nil); err == nil {
				base := filepath.Dir(work)
				for _, u := range wf.Use {
					p := u.Path
					if !filepath.IsAbs(p) {
						p = filepath.Join(base, p)
					}
					roots = append(roots, filepath.Clean(p))
				}
				if mod != "" && !slices.Contains(roots, mod) {
					roots = append(roots, mod)
				}
				return roots, base
			}
		}
	}
	if mod != "" {
		return []string{mod}, mod
	}
	return []string{dir}, dir
}

// configFiles lists the config file of each directory under a module root
// (the one configIn finds, which is the one the Resolver reads), skipping
// the directories the go command ignores (testdata, vendor, _ and .
// prefixes) and nested modules, whose packages are not the module's.
func configFiles(root string) []string {
	var files []string
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable directory holds no package the go command can list
		}
		name := d.Name()
		if slices.Contains(fileNames, name) {
			if configIn(filepath.Dir(path)) == path {
				files = append(files, path)
			}
			if d.IsDir() {
				return filepath.SkipDir // a directory named like a config: ReadFile says what is wrong
			}
			return nil
		}
		if d.IsDir() && path != root {
			if name == "testdata" || name == "vendor" || name == "node_modules" ||
				strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || isModuleRoot(path) {
				return filepath.SkipDir
			}
		}
		return nil
	})
	return files
}
