package config

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
)

// EnvConfig names the environment variable that, like -config, names the
// config file to use instead of discovering one. go vet asks the tool for
// its ID (-V=full) without the analyzer's flags but with the environment,
// so a file named here is part of the ID and an edit to it is never
// answered from go vet's cache; a file named by -jwtssot.config could not
// be, which is why go vet refuses that flag.
const EnvConfig = "JWTSSOT_CONFIG"

// explicitFile is the config file named by the run, if any: the -config
// flag's value, else $JWTSSOT_CONFIG, which must be absolute (go vet runs
// the analyzer in each package's directory).
func explicitFile(flagValue string) (string, error) {
	if flagValue != "" {
		abs, err := filepath.Abs(flagValue)
		if err != nil {
			return "", &Error{File: flagValue, Msg: errText(err)}
		}
		return abs, nil
	}
	env := os.Getenv(EnvConfig)
	if env == "" {
		return "", nil
	}
	if !filepath.IsAbs(env) {
		return "", &Error{File: env, Msg: EnvConfig + " must be an absolute path (go vet runs jwtssot in each package's directory): " +
			EnvConfig + "=$PWD/" + filepath.ToSlash(env)}
	}
	return filepath.Clean(env), nil
}

// A Location says where a package's configuration comes from and what
// module-relative patterns and exclude globs are relative to.
type Location struct {
	File     string // the config file, "" if none
	BaseDir  string // the config file's directory, or the module root
	BasePath string // the import path of BaseDir ("" at a GOPATH src root)
}

// A Resolver finds and compiles the configuration of each package. It is
// owned by one analyzer instance and safe for concurrent passes; it looks
// at each directory and reads each config file once.
type Resolver struct {
	mu       sync.Mutex
	dirs     map[string]dirEntry
	files    map[string]fileResult
	compiled map[Location]compiledResult
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
	s   *Settings
	err error
}

// NewResolver returns an empty Resolver.
func NewResolver() *Resolver {
	return &Resolver{
		dirs:     map[string]dirEntry{},
		files:    map[string]fileResult{},
		compiled: map[Location]compiledResult{},
	}
}

// For returns the settings of the package in pkgDir with import path
// pkgPath: the discovered config file, or the one the run names
// (explicit.ConfigFile, else $JWTSSOT_CONFIG), overlaid by explicit.
func (r *Resolver) For(pkgDir, pkgPath string, explicit Config) (*Settings, error) {
	file, err := explicitFile(explicit.ConfigFile)
	if err != nil {
		return nil, err
	}
	loc := r.Locate(pkgDir, strings.TrimSuffix(pkgPath, "_test"), file)
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.compiled[loc]; ok {
		return c.s, c.err
	}
	cfg := Config{}
	if loc.File != "" {
		fr, ok := r.files[loc.File]
		if !ok {
			fr.cfg, fr.err = ReadFile(loc.File)
			r.files[loc.File] = fr
		}
		if fr.err != nil {
			r.compiled[loc] = compiledResult{err: fr.err}
			return nil, fr.err
		}
		cfg = fr.cfg
	}
	merged := cfg.Overlay(explicit)
	// The file was valid and so was each flag; what can still fail is a
	// flag's replacement symbol against the libraries in effect.
	if err := merged.Check(); err != nil {
		r.compiled[loc] = compiledResult{err: err}
		return nil, err
	}
	s := Compile(merged, loc)
	r.compiled[loc] = compiledResult{s: s}
	return s, nil
}

// Locate walks up from pkgDir. It stops at the first directory with a
// config file, at the module root (go.mod), or where the import path runs
// out (the src directory of a GOPATH tree): directories above those are not
// part of the package's tree. While walking it keeps the import path of each
// directory, which module-relative patterns need; if the directory layout
// does not mirror the import path, it reads the module path from go.mod.
// With explicitFile set, that file is the config of every package.
func (r *Resolver) Locate(pkgDir, pkgPath, explicitFile string) Location {
	dir, ip := pkgDir, pkgPath
	tracked := pathEndsWith(ip, filepath.Base(dir))
	pathOf := map[string]string{}
	for {
		if tracked {
			pathOf[dir] = ip
		}
		e := r.entry(dir)
		if explicitFile == "" && e.config != "" {
			return r.finish(Location{File: e.config, BaseDir: dir}, pathOf)
		}
		parent := filepath.Dir(dir)
		if e.goMod || parent == dir || (tracked && ip == "") {
			loc := Location{BaseDir: dir}
			if explicitFile != "" {
				loc.File = explicitFile
				if d := filepath.Dir(explicitFile); isKey(pathOf, d) {
					loc.BaseDir = d
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
func (r *Resolver) finish(loc Location, pathOf map[string]string) Location {
	if p, ok := pathOf[loc.BaseDir]; ok {
		loc.BasePath = p
		return loc
	}
	for dir := loc.BaseDir; ; {
		if r.entry(dir).goMod {
			if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
				if mod := modfile.ModulePath(data); mod != "" {
					rel, _ := filepath.Rel(dir, loc.BaseDir)
					loc.BasePath = path.Join(mod, filepath.ToSlash(rel))
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

func (r *Resolver) entry(dir string) dirEntry {
	r.mu.Lock()
	e, ok := r.dirs[dir]
	r.mu.Unlock()
	if ok {
		return e
	}
	e.config = configIn(dir)
	e.goMod = isModuleRoot(dir)
	r.mu.Lock()
	r.dirs[dir] = e
	r.mu.Unlock()
	return e
}

// ErrVetConfigFlag is the error go vet gives for -jwtssot.config.
func ErrVetConfigFlag(value string) error {
	return fmt.Errorf("-jwtssot.config=%s cannot be used with go vet: go vet caches results under the tool's ID, "+
		"which it asks for without the analyzer's flags, so an edit to that file would replay stale findings; "+
		"set %s=<absolute path> instead (go vet passes it on, and its contents are part of the ID), or keep "+
		".jwtssot.yaml in the module", value, EnvConfig)
}
