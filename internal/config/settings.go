package config

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/secretname"
)

// Settings is a Config compiled for the packages of one config location:
// patterns resolved against the config's base directory and compiled once,
// lists turned into sets. The analyzer asks it every question a rule needs
// answered about the configuration.
type Settings struct {
	// File is the config file in effect, "" if none.
	File string
	// AuthWritten is the auth patterns as the user wrote them, for messages.
	AuthWritten []string
	// Libs matches the JWT libraries: the built-in ones and libraries.
	Libs *jwtlib.Matcher
	// Tests is the tests setting.
	Tests bool
	// Names is the secret-name heuristic with the secret-names patterns.
	Names *secretname.Namer
	// Catalog is the catalogue of sources, sinks and transformations.
	Catalog *jwtlib.Catalog
	// Recipes are the recipe files, absolute.
	Recipes []string
	// Libraries are the libraries setting's prefixes, for a key of the
	// JWT libraries in effect.
	Libraries []string

	auth         []*pkgPattern
	disabled     map[string]bool
	enabled      map[string]bool
	baseDir      string // exclude globs are relative to it
	basePath     string // the import path of baseDir
	exclude      []string
	replacements map[string]string // symbolRef.key() -> use
	// replacementList keeps the replacements in config order, for the
	// import rule's advice.
	replacementList []Replacement
}

// Compile compiles a validated cfg for the location it applies to.
func Compile(cfg Config, loc Location) *Settings {
	s := &Settings{
		File:            loc.File,
		AuthWritten:     cfg.Auth,
		Libs:            jwtlib.NewMatcher(cfg.Libraries),
		Tests:           cfg.TestsOn(),
		disabled:        map[string]bool{},
		enabled:         map[string]bool{},
		baseDir:         loc.BaseDir,
		basePath:        loc.BasePath,
		Recipes:         recipePaths(cfg.Recipes, loc.BaseDir),
		Libraries:       cfg.Libraries,
		exclude:         cfg.Exclude,
		replacements:    map[string]string{},
		replacementList: cfg.Replacements,
	}
	for _, p := range cfg.Auth {
		s.auth = append(s.auth, compilePattern(resolvePattern(p, loc.BasePath)))
	}
	for _, id := range cfg.Disable {
		s.disabled[id] = true
	}
	for _, id := range cfg.Enable {
		s.enabled[id] = true
	}
	for _, r := range cfg.Replacements {
		s.replacements[splitSymbol(r.Symbol).key()] = strings.TrimSpace(r.Use)
	}
	var extra []*regexp.Regexp
	for _, p := range cfg.SecretNames {
		extra = append(extra, regexp.MustCompile(p)) // validated by Config.check
	}
	s.Names = secretname.New(extra)
	s.Catalog = catalogOf(cfg)
	return s
}

// IsAuth reports whether pkgPath is one of the auth packages. An external
// test package (auth_test) belongs to the package it tests.
func (s *Settings) IsAuth(pkgPath string) bool {
	pkgPath = strings.TrimSuffix(pkgPath, "_test")
	for _, p := range s.auth {
		if p.match(pkgPath) {
			return true
		}
	}
	return false
}

// AuthPatterns returns the auth patterns resolved to import-path patterns.
func (s *Settings) AuthPatterns() []string {
	out := make([]string, len(s.auth))
	for i, p := range s.auth {
		out[i] = p.text
	}
	return out
}

// Enabled reports whether a rule is on: on by default or enabled, and not
// disabled.
func (s *Settings) Enabled(rule string) bool {
	return !s.disabled[rule] && (rules.OnByDefault(rule) || s.enabled[rule])
}

// Excluded reports whether an exclude glob matches filename, taken relative
// to the config's base directory.
func (s *Settings) Excluded(filename string) bool {
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

// Replacement returns the auth API that replaces a library symbol, given
// as "path.Func", "path.Type.Method" or a package path.
func (s *Settings) Replacement(symbol string) (string, bool) {
	use, ok := s.replacements[symbol]
	return use, ok
}

// Replacements returns the replacements in the config's order.
func (s *Settings) Replacements() []Replacement { return s.replacementList }

// Base returns the directory module-relative patterns are relative to (the
// config file's, or the module root) and its import path.
func (s *Settings) Base() (dir, importPath string) { return s.baseDir, s.basePath }

// PackageReplacement names the replacement for an imported library
// package: a replacement whose symbol is the package itself, else the
// package of the first replacement of one of its symbols.
func (s *Settings) PackageReplacement(path string) (string, bool) {
	if use, ok := s.replacements[path]; ok {
		return use, true
	}
	for _, r := range s.replacementList {
		if splitSymbol(r.Symbol).pkg == path {
			return splitSymbol(r.Use).pkg, true
		}
	}
	return "", false
}

// catalogOf is the catalogue with the rows of the sources and sinks
// settings (positions count from 1 there, from 0 in the catalogue).
func catalogOf(cfg Config) *jwtlib.Catalog {
	if len(cfg.Sources)+len(cfg.Sinks) == 0 {
		return jwtlib.BuiltinCatalog()
	}
	var sources []jwtlib.Source
	for _, r := range cfg.Sources {
		ref := splitSymbol(r.Symbol)
		recv, name := memberParts(ref.member)
		sources = append(sources, jwtlib.UserSource(ref.pkg, recv, name, r.Name-1, max(r.Result-1, 0), r.Fills-1))
	}
	var sinks []jwtlib.Sink
	for _, r := range cfg.Sinks {
		ref := splitSymbol(r.Symbol)
		sinks = append(sinks, jwtlib.Sink{Symbol: ref.pkg + "." + ref.member, Arg: r.Arg - 1, Use: jwtlib.KeyUseOf(r.Kind)})
	}
	return jwtlib.NewCatalog(sources, sinks)
}

// memberParts splits a symbol's member into its receiver type and name:
// "Type.Method" or "Func".
func memberParts(member string) (recv, name string) {
	if i := strings.LastIndex(member, "."); i >= 0 {
		return member[:i], member[i+1:]
	}
	return "", member
}
