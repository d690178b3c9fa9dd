package config

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
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
	// recipes are the recipe files the config files name, read for the
	// fingerprint.
	recipes []File
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
	for _, f := range set.Files {
		recipes, err := recipeData(f)
		set.recipes = append(set.recipes, recipes...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return set, nil
}

// Fingerprint hashes the names (relative to the anchor) and contents of
// every file of the set, and of the recipe files they name. Two checkouts of the same tree in different
// directories have the same fingerprint, so go vet's cache serves both.
func (s *Set) Fingerprint() string {
	h := sha256.New()
	for _, f := range slices.Concat(s.Files, s.recipes) {
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
