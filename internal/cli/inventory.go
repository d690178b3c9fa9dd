package cli

import (
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/report"
)

// site turns one of the analyzer's JWT operations into an inventory row:
// where it is, as the report names it, and what is known of it as it is.
func (s *scanState) site(p *packages.Package, a analyzer.Site) report.Site {
	pos := p.Fset.Position(a.Pos)
	return report.Site{
		File: s.relative(pos.Filename), Line: pos.Line, Column: pos.Column,
		Package: p.PkgPath, Function: a.Function, InAuth: a.InAuth,
		Facts: a.Facts,
	}
}
