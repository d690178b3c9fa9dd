package config

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// A pkgPattern matches import paths the way `go list` patterns do: "..." is
// a wildcard matching any string (slashes included), and a pattern ending in
// "/..." also matches the path without that suffix, so "example.com/app/auth/..."
// matches "example.com/app/auth" itself.
type pkgPattern struct {
	text string // the resolved import-path pattern
	re   *regexp.Regexp
}

// validatePattern checks the syntax of an auth pattern as the user wrote it.
func validatePattern(p string) error {
	switch {
	case p == "":
		return fmt.Errorf("empty package pattern")
	case strings.ContainsAny(p, " \t\n\\"):
		return fmt.Errorf("package pattern %q contains a space or a backslash", p)
	case strings.HasPrefix(p, "/"):
		return fmt.Errorf("package pattern %q is a file path: write a module-relative pattern (./internal/auth/...) or an import path", p)
	}
	return nil
}

// resolvePattern turns a module-relative pattern ("./internal/auth/...",
// "../shared/auth") into an import-path pattern, given the import path of the
// directory it is relative to. Import-path patterns are returned unchanged.
func resolvePattern(p, baseImportPath string) string {
	if p != "." && p != ".." && !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../") {
		return p
	}
	// path.Join keeps "..." as an ordinary element: "./internal/auth/..."
	// relative to "example.com/app" is "example.com/app/internal/auth/...".
	return path.Join(baseImportPath, p)
}

func compilePattern(p string) *pkgPattern {
	re := regexp.QuoteMeta(p)
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	// "x/..." matches "x" too, as in `go list`.
	if strings.HasSuffix(re, `/.*`) {
		re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
	}
	return &pkgPattern{text: p, re: regexp.MustCompile(`^` + re + `$`)}
}

func (p *pkgPattern) match(importPath string) bool { return p.re.MatchString(importPath) }
