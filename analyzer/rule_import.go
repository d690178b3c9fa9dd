package analyzer

import (
	"go/ast"
	"strconv"
	"strings"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// checkImport implements the import rule: any import of a JWT library
// package (plain, aliased, dot or blank) outside the auth packages, reported
// on the import spec.
func (c *checker) checkImport(spec *ast.ImportSpec) {
	if c.inAuth {
		return
	}
	path, err := strconv.Unquote(spec.Path.Value)
	if err != nil || c.s.Libs.Match(path) == "" {
		return
	}
	body := "import of JWT library " + path + c.outsideAuth() + c.importAdvice(path)
	c.report(rules.Import, spec.Pos(), spec.End(), path, body)
}

// outsideAuth says where the use is: outside the configured auth packages,
// or nowhere allowed because none are configured.
func (c *checker) outsideAuth() string {
	if len(c.s.AuthWritten) == 0 {
		return ""
	}
	return " outside the auth packages (" + strings.Join(c.s.AuthWritten, ", ") + ")"
}

// noAuthAdvice tells a user with no auth packages how to declare them.
const noAuthAdvice = "; no auth packages are configured, so every JWT use is a violation: " +
	"declare the auth module with auth: [./internal/auth/...] in .jwtssot.yaml"

// importAdvice names the replacement for an imported library package: a
// replacement whose symbol is the package itself, else the package of the
// first replacement of one of its symbols.
func (c *checker) importAdvice(path string) string {
	if len(c.s.AuthWritten) == 0 {
		return noAuthAdvice
	}
	if use, ok := c.s.PackageReplacement(path); ok {
		return "; use " + use + " instead"
	}
	return "; use the auth module's API instead"
}
