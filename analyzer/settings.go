package analyzer

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// settings is a Config compiled for one package: patterns resolved against
// the config's base directory and compiled once, lists turned into sets.
type settings struct {
	file         string // the config file in effect, "" if none
	authWritten  []string
	auth         []*pkgPattern
	libs         *libraryMatcher
	tests        bool
	disabled     map[string]bool
	baseDir      string // exclude globs are relative to it
	exclude      []string
	replacements map[string]string // symbolRef.key() -> use
	// replacementList keeps the replacements in config order, for the
	// import rule's advice.
	replacementList []Replacement
	names           *secretNamer
}

func compileSettings(cfg Config, loc location) *settings {
	s := &settings{
		file:            loc.file,
		authWritten:     cfg.Auth,
		libs:            newLibraryMatcher(cfg.Libraries),
		tests:           cfg.Tests != nil && *cfg.Tests,
		disabled:        map[string]bool{},
		baseDir:         loc.baseDir,
		exclude:         cfg.Exclude,
		replacements:    map[string]string{},
		replacementList: cfg.Replacements,
		names:           &secretNamer{},
	}
	for _, p := range cfg.Auth {
		s.auth = append(s.auth, compilePattern(resolvePattern(p, loc.basePath)))
	}
	for _, id := range cfg.Disable {
		s.disabled[id] = true
	}
	for _, r := range cfg.Replacements {
		s.replacements[splitSymbol(r.Symbol).key()] = strings.TrimSpace(r.Use)
	}
	for _, p := range cfg.SecretNames {
		s.names.extra = append(s.names.extra, regexp.MustCompile(p)) // validated by Config.check
	}
	return s
}

// isAuth reports whether pkgPath is one of the auth packages. An external
// test package (auth_test) belongs to the package it tests.
func (s *settings) isAuth(pkgPath string) bool {
	pkgPath = strings.TrimSuffix(pkgPath, "_test")
	for _, p := range s.auth {
		if p.match(pkgPath) {
			return true
		}
	}
	return false
}

func (s *settings) enabled(rule string) bool { return !s.disabled[rule] }

// excluded reports whether an exclude glob matches filename, taken relative
// to the config's base directory.
func (s *settings) excluded(filename string) bool {
	if len(s.exclude) == 0 {
		return false
	}
	rel, err := filepath.Rel(s.baseDir, filename)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range s.exclude {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}
