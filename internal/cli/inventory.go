package cli

import (
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/report"
)

// site turns one of the analyzer's JWT operations into an inventory row.
func (s *scanState) site(p *packages.Package, a analyzer.Site) report.Site {
	pos := p.Fset.Position(a.Pos)
	return report.Site{
		File: s.relative(pos.Filename), Line: pos.Line, Column: pos.Column,
		Package: p.PkgPath, Function: a.Function, InAuth: a.InAuth,
		Op: a.Op, Library: a.Library, Symbol: a.Symbol,
		Algorithms: a.Algorithms, AlgorithmsRestricted: a.AlgorithmsRestricted, AnyAlgorithm: a.AnyAlgorithm,
		Claims: report.ClaimChecks{
			ExpirationRequired: a.ExpirationRequired, Audience: a.Audience, Issuer: a.Issuer,
			Leeway: a.Leeway, Skipped: a.ClaimsSkipped, Unverified: a.Unverified,
		},
		KeySource: a.KeySource, KeyDetail: a.KeyDetail,
	}
}
