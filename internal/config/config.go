// Package config is jwtssot's configuration, for every front end: the
// settings struct and its schema, the one decoder that reads a
// .jwtssot.yaml file, golangci-lint's settings and the analyzer's flags
// alike, validation, discovery of the file that applies to a package, and
// the fingerprint of every file a scan's configuration depends on (the go vet
// tool ID). Nothing else in jwtssot opens a config file, so the standalone
// scan, go vet and golangci-lint cannot disagree about which files count.
package config

import (
	"errors"
	"regexp"
	"strings"
)

// Config is jwtssot's configuration. The .jwtssot.yaml file, the analyzer's
// flags and golangci-lint's settings all decode into this one struct, so the
// same settings mean the same findings in every front end. Keys are kebab-case
// and no setting is a map keyed by import paths: golangci-lint's loader
// lowercases map keys and splits them on dots.
//
// A nil field is unset: when a Config overlays another (flags over the file),
// only its set fields win.
//
// Each field but ConfigFile is a setting of allSettings (table.go), whose
// entry says how it is decoded, checked, merged, given as a flag and
// documented; the field's yaml and json tags are its key.
type Config struct {
	// Auth lists the auth packages, the single source of truth allowed to use
	// JWT libraries: module-relative patterns ("./internal/auth/...") or import
	// paths, with "..." as in `go list`.
	Auth []string `json:"auth,omitempty" yaml:"auth"`
	// Libraries adds import-path prefixes to the built-in JWT libraries.
	Libraries []string `json:"libraries,omitempty" yaml:"libraries"`
	// Tests makes jwtssot analyze _test.go files (default false).
	Tests *bool `json:"tests,omitempty" yaml:"tests"`
	// Disable lists rule ids to turn off.
	Disable []string `json:"disable,omitempty" yaml:"disable"`
	// Enable lists rule ids to turn on that are off by default
	// (insecure-parse). Disable wins over Enable.
	Enable []string `json:"enable,omitempty" yaml:"enable"`
	// Exclude lists file globs ("**" allowed), relative to the directory of
	// the config file (or the module root), whose files are not analyzed.
	Exclude []string `json:"exclude,omitempty" yaml:"exclude"`
	// Replacements name the auth module's API to use instead of a library
	// symbol; messages quote them.
	Replacements []Replacement `json:"replacements,omitempty" yaml:"replacements"`
	// Recipes name Go files of migration recipes (before/after pairs,
	// internal/recipe), relative to the config file's directory (or the
	// module root): a call finding that one matches carries its rewrite as
	// a fix.
	Recipes []string `json:"recipes,omitempty" yaml:"recipes"`
	// Sources add rows to the catalogue of functions that read a setting:
	// an in-house settings library, one jwtssot cannot see into.
	Sources []SourceRow `json:"sources,omitempty" yaml:"sources"`
	// Sinks add rows to the catalogue of parameters that take a key.
	Sinks []SinkRow `json:"sinks,omitempty" yaml:"sinks"`
	// SecretNames adds regular expressions for names of JWT secrets
	// (identifiers, env vars, config keys, flag names).
	SecretNames []string `json:"secret-names,omitempty" yaml:"secret-names"`

	// ConfigFile, when set, is the config file to read instead of
	// discovering .jwtssot.yaml. It is an option of the run (the -config
	// flag, the JWTSSOT_CONFIG variable), not a setting of a file.
	ConfigFile string `json:"-" yaml:"-"`
}

// A SourceRow describes a function or method that reads a setting, the
// way the catalogue's sources are (docs/libraries.md#sources). Positions
// count from 1; 0 is none.
type SourceRow struct {
	Symbol string `json:"symbol" yaml:"symbol"`
	Name   int    `json:"name,omitempty" yaml:"name"`     // the argument that names the setting
	Result int    `json:"result,omitempty" yaml:"result"` // the result that holds the value (0: the first)
	Fills  int    `json:"fills,omitempty" yaml:"fills"`   // the argument whose pointee it fills
}

// A SinkRow says that an argument of a function or method takes a key:
// a secret (HMAC secret or private key), a public key, or a keyfunc.
type SinkRow struct {
	Symbol string `json:"symbol" yaml:"symbol"`
	Arg    int    `json:"arg" yaml:"arg"`             // counts from 1
	Kind   string `json:"kind,omitempty" yaml:"kind"` // secret (default), public or keyfunc
}

// A Replacement names the auth module's API that replaces a JWT library
// symbol, e.g. {symbol: github.com/golang-jwt/jwt/v5.Parse, use:
// example.com/app/internal/auth.ValidateToken}. Symbol may also be a whole
// library package, whose imports are then pointed at Use.
type Replacement struct {
	Symbol string `json:"symbol" yaml:"symbol"`
	Use    string `json:"use" yaml:"use"`
}

// settingNames lists the keys, in the order of allSettings, which is the
// order docs/config.md gives them.
var settingNames = names(allSettings)

// Limits on what a configuration may hold. They are far above any real
// configuration and keep a hostile or broken one (a 600,000-item list, a
// megabyte-long pattern) from costing minutes and gigabytes, in every front
// end alike: the file's size is checked before it is read, the lists and
// strings as they are decoded.
const (
	MaxFileSize   = 1 << 20 // bytes of a config file
	MaxListLen    = 1000    // items of one list setting
	MaxItemLen    = 1000    // bytes of one item (a pattern, a glob, a regexp)
	maxAliasDepth = 8
)

// Overlay returns c with every set field of o replacing c's: each setting
// o sets (a list, even empty, or a boolean) and the config file it names.
func (c Config) Overlay(o Config) Config {
	for _, s := range allSettings {
		s.value.overlay(&c, &o)
	}
	if o.ConfigFile != "" {
		c.ConfigFile = o.ConfigFile
	}
	return c
}

// TestsOn reports whether the tests setting is true.
func (c Config) TestsOn() bool { return c.Tests != nil && *c.Tests }

// Check validates settings that did not come from a file (a driver's
// Config): every problem, each as an *Error naming its key.
func (c Config) Check() error {
	var errs []error
	for _, e := range c.check() {
		errs = append(errs, &Error{Key: e.path(), Msg: e.Msg})
	}
	return errors.Join(errs...)
}

// check validates every value of c and returns all the problems found, so a
// user fixes a config in one round.
func (c *Config) check() []settingError { return checkAll(allSettings, c) }

// symbolRef is a parsed replacement symbol: a package path and an optional
// member, "Func" or "Type.Method".
type symbolRef struct {
	pkg    string
	member string
}

// gopkgInVersion matches a gopkg.in last path element such as "go-jose.v2",
// whose dot is part of the package path, not a member separator.
var gopkgInVersion = regexp.MustCompile(`^[^.]+\.v[0-9]+`)

// splitSymbol parses "path.Func", "path.Type.Method", "(*path.Type).Method",
// "(path.Type).Method" or a bare package path.
func splitSymbol(s string) symbolRef {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") {
		if i := strings.Index(s, ")."); i > 0 {
			recv := strings.TrimPrefix(s[1:i], "*")
			ref := splitSymbol(recv)
			ref.member += "." + s[i+2:]
			return ref
		}
	}
	slash := strings.LastIndex(s, "/")
	last := s[slash+1:]
	skip := 0
	if m := gopkgInVersion.FindString(last); m != "" {
		skip = len(m)
	}
	dot := strings.Index(last[skip:], ".")
	if dot < 0 {
		return symbolRef{pkg: s}
	}
	cut := slash + 1 + skip + dot
	return symbolRef{pkg: s[:cut], member: s[cut+1:]}
}

func (r symbolRef) key() string {
	if r.member == "" {
		return r.pkg
	}
	return r.pkg + "." + r.member
}
