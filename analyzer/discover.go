package analyzer

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
)

// A location says where a package's configuration comes from and what
// module-relative patterns and exclude globs are relative to.
type location struct {
	file     string // the config file, "" if none
	baseDir  string // the config file's directory, or the module root
	basePath string // the import path of baseDir ("" at a GOPATH src root)
}

// resolver finds and compiles the configuration of each package. It is owned
// by one analyzer instance and safe for concurrent passes; it stats each
// directory and parses each config file once.
type resolver struct {
	mu       sync.Mutex
	dirs     map[string]dirEntry
	files    map[string]fileResult
	compiled map[location]compiledResult
}

type dirEntry struct {
	config string // path of the config file in this directory, if any
	goMod  bool
}

type fileResult struct {
	cfg Config
	err error
}

type compiledResult struct {
	s   *settings
	err error
}

func newResolver() *resolver {
	return &resolver{
		dirs:     map[string]dirEntry{},
		files:    map[string]fileResult{},
		compiled: map[location]compiledResult{},
	}
}

// settingsFor returns the settings of the package in pkgDir with import path
// pkgPath: the discovered (or explicit -config) file overlaid by explicit.
func (r *resolver) settingsFor(pkgDir, pkgPath string, explicit Config) (*settings, error) {
	loc := r.locate(pkgDir, strings.TrimSuffix(pkgPath, "_test"), explicit.ConfigFile)
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.compiled[loc]; ok {
		return c.s, c.err
	}
	cfg := Config{}
	if loc.file != "" {
		fr, ok := r.files[loc.file]
		if !ok {
			fr.cfg, fr.err = LoadConfigFile(loc.file)
			r.files[loc.file] = fr
		}
		if fr.err != nil {
			r.compiled[loc] = compiledResult{err: fr.err}
			return nil, fr.err
		}
		cfg = fr.cfg
	}
	s := compileSettings(cfg.overlay(explicit), loc)
	r.compiled[loc] = compiledResult{s: s}
	return s, nil
}

// locate walks up from pkgDir. It stops at the first directory with a config
// file, at the module root (go.mod), or where the import path runs out (the
// src directory of a GOPATH tree): directories above those are not part of
// the package's tree. While walking it keeps the import path of each
// directory, which module-relative patterns need; if the directory layout
// does not mirror the import path, it reads the module path from go.mod.
func (r *resolver) locate(pkgDir, pkgPath, explicitFile string) location {
	dir, ip := pkgDir, pkgPath
	tracked := pathEndsWith(ip, filepath.Base(dir))
	pathOf := map[string]string{}
	for {
		if tracked {
			pathOf[dir] = ip
		}
		e := r.entry(dir)
		if explicitFile == "" && e.config != "" {
			return r.finish(location{file: e.config, baseDir: dir}, pathOf)
		}
		parent := filepath.Dir(dir)
		if e.goMod || parent == dir || (tracked && ip == "") {
			loc := location{baseDir: dir}
			if explicitFile != "" {
				loc.file = explicitFile
				if d := filepath.Dir(explicitFile); isKey(pathOf, d) {
					loc.baseDir = d
				}
			}
			return r.finish(loc, pathOf)
		}
		if i := strings.LastIndex(ip, "/"); i >= 0 {
			ip = ip[:i]
		} else {
			ip = ""
		}
		dir = parent
		tracked = tracked && (ip == "" || pathEndsWith(ip, filepath.Base(dir)))
	}
}

// finish fills in the base import path: from the walk if it tracked the
// directory, else from the module path in the nearest go.mod above it.
func (r *resolver) finish(loc location, pathOf map[string]string) location {
	if p, ok := pathOf[loc.baseDir]; ok {
		loc.basePath = p
		return loc
	}
	for dir := loc.baseDir; ; {
		if r.entry(dir).goMod {
			if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
				if mod := modfile.ModulePath(data); mod != "" {
					rel, _ := filepath.Rel(dir, loc.baseDir)
					loc.basePath = path.Join(mod, filepath.ToSlash(rel))
				}
			}
			return loc
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return loc
		}
		dir = parent
	}
}

func isKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

func pathEndsWith(importPath, elem string) bool {
	return importPath == elem || strings.HasSuffix(importPath, "/"+elem)
}

func (r *resolver) entry(dir string) dirEntry {
	r.mu.Lock()
	e, ok := r.dirs[dir]
	r.mu.Unlock()
	if ok {
		return e
	}
	for _, name := range ConfigFileNames {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			e.config = p
			break
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !fi.IsDir() {
		e.goMod = true
	}
	r.mu.Lock()
	r.dirs[dir] = e
	r.mu.Unlock()
	return e
}
