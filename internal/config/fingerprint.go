package config

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
)

// A Set is every config file a run started in some directory can read: the
// file the run names ($JWTSSOT_CONFIG or -config), and every config file
// under the root of each module the run can reach, which is the module
// containing the directory or, in a go.work workspace, each of its modules.
type Set struct {
	// Anchor is the directory the files' names in the fingerprint are
	// relative to: the go.work directory or the module root.
	Anchor string
	// Explicit is the named file, "" if none.
	Explicit string
	// Files are the discovered files, sorted; each has been read and
	// validated.
	Files []File
}

// A File is one config file of a Set with its decoded settings.
type File struct {
	Path   string // absolute
	Config Config
	data   []byte
}

// Load finds and reads every config file of the run started in dir with
// the explicit config file flagFile (or "", then $JWTSSOT_CONFIG counts).
// Every file is read and validated: a config that cannot be read or does
// not validate is an error, never skipped, so the standalone scan stops
// before loading any package and go vet fails before it can trust a cached
// result.
func Load(dir, flagFile string) (*Set, error) {
	explicit, err := explicitFile(flagFile)
	if err != nil {
		return nil, err
	}
	roots, anchor := moduleRoots(dir)
	set := &Set{Anchor: anchor, Explicit: explicit}
	var errs []error
	add := func(p string) {
		data, err := readRegular(p)
		if err == nil {
			var cfg Config
			cfg, err = Parse(p, data)
			set.Files = append(set.Files, File{Path: p, Config: cfg, data: data})
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if explicit != "" {
		add(explicit)
	}
	var found []string
	for _, root := range roots {
		found = append(found, configFiles(root)...)
	}
	slices.Sort(found)
	for _, p := range slices.Compact(found) {
		if p != explicit {
			add(p)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return set, nil
}

// Fingerprint hashes the names (relative to the anchor) and contents of
// every file of the set. Two checkouts of the same tree in different
// directories have the same fingerprint, so go vet's cache serves both.
func (s *Set) Fingerprint() string {
	h := sha256.New()
	for _, f := range s.Files {
		name := filepath.ToSlash(f.Path)
		if rel, err := filepath.Rel(s.Anchor, f.Path); err == nil && !strings.HasPrefix(rel, "..") {
			name = filepath.ToSlash(rel)
		}
		if f.Path == s.Explicit {
			name = "$" + EnvConfig + ":" + name
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(f.data))
		h.Write(f.data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// AnyTests reports whether the explicit file, or else any discovered file,
// sets tests: true. The standalone scan must then list test packages; each
// package's own config still decides whether its test files are analyzed.
func (s *Set) AnyTests() bool {
	for _, f := range s.Files {
		if s.Explicit != "" && f.Path != s.Explicit {
			continue
		}
		if f.Config.TestsOn() {
			return true
		}
	}
	return false
}

// moduleRoots returns the roots of the modules a run in dir can reach and
// the directory to name files from: the modules of the go.work in effect
// (GOWORK, or a go.work in dir or above, as the go command finds it), else
// the module containing dir, else dir itself.
func moduleRoots(dir string) (roots []string, anchor string) {
	mod := findUp(dir, "go.mod")
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
				if mod != "" && !slices.Contains(roots, filepath.Dir(mod)) {
					roots = append(roots, filepath.Dir(mod))
				}
				return roots, base
			}
		}
	}
	if mod != "" {
		return []string{filepath.Dir(mod)}, filepath.Dir(mod)
	}
	return []string{dir}, dir
}

// workFile is the go.work file the go command would use in dir.
func workFile(dir string) string {
	switch w := os.Getenv("GOWORK"); {
	case w == "off":
		return ""
	case w != "":
		return w
	}
	return findUp(dir, "go.work")
}

// findUp returns the path of name in dir or its nearest parent having it.
func findUp(dir, name string) string {
	for d := dir; ; {
		p := filepath.Join(d, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// configFiles lists the config files under a module root, skipping the
// directories the go command ignores (testdata, vendor, _ and . prefixes)
// and nested modules, whose packages are not the module's.
func configFiles(root string) []string {
	var files []string
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable directory holds no package the go command can list
		}
		name := d.Name()
		if slices.Contains(fileNames, name) {
			files = append(files, path)
			if d.IsDir() {
				return filepath.SkipDir // a directory named like a config: ReadFile says what is wrong
			}
			return nil
		}
		if d.IsDir() && path != root {
			if name == "testdata" || name == "vendor" || name == "node_modules" ||
				strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		return nil
	})
	return files
}
