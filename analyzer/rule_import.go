package analyzer

import (
	"strconv"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// checkImports implements the import rule: any import of a JWT library
// package (plain, aliased, dot or blank) outside the auth packages, reported
// on the import spec.
func checkImports(ix *index) {
	if ix.inAuth {
		return
	}
	for _, spec := range ix.seen.imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil || ix.s.Libs.Match(path) == "" {
			continue
		}
		body := "import of JWT library " + path + ix.outsideAuth() + ix.importAdvice(path)
		ix.report(rules.Import, spec.Pos(), spec.End(), path, body)
	}
}

// importAdvice names the replacement for an imported library package: a
// replacement whose symbol is the package itself, else the package of the
// first replacement of one of its symbols.
func (ix *index) importAdvice(path string) string {
	if len(ix.s.AuthWritten) == 0 {
		return noAuthAdvice
	}
	if use, ok := ix.s.PackageReplacement(path); ok {
		return "; use " + use + " instead"
	}
	return "; use the auth module's API instead"
}
