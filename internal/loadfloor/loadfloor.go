// Package loadfloor is the floor of jwtssot's performance measurements
// (docs/performance.md): it does the least any type-aware analysis of the
// same packages must do, and nothing else. Load loads the packages with
// golang.org/x/tools/go/packages in the mode the analyzer needs (names,
// files, imports, module, syntax, types and type information), with the
// dependencies' types read from export data (no NeedDeps), and walks every
// file's syntax tree once with ast.Inspect. The command is
// internal/devtools/loadfloor, which scripts/bench.sh builds.
package loadfloor

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/packages"
)

// Mode is what jwtssot's analysis needs of a package. Without NeedDeps, the
// dependencies come from export data, which `go list -export` builds (or
// finds in the build cache).
const Mode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesInfo |
	packages.NeedSyntax | packages.NeedModule

// Counts is what Load saw.
type Counts struct {
	Packages, Files, Nodes int
	Errors                 int // errors of the packages: parse, type and list errors
}

// String renders c as the command prints it:
//
//	loadfloor: 105 packages, 478 files, 1234567 nodes, 0 errors
func (c Counts) String() string {
	return fmt.Sprintf("loadfloor: %d packages, %d files, %d nodes, %d errors", c.Packages, c.Files, c.Nodes, c.Errors)
}

// Load loads the packages of patterns with cfg, its Mode set to Mode, and
// counts their files, the nodes of their syntax trees and their errors. The
// error is a failure to load at all; errors of packages are counted, and
// the packages returned for packages.PrintErrors.
func Load(cfg *packages.Config, patterns ...string) (Counts, []*packages.Package, error) {
	cfg.Mode = Mode
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return Counts{}, nil, err
	}
	c := Counts{Packages: len(pkgs)}
	for _, p := range pkgs {
		c.Errors += len(p.Errors)
		for _, f := range p.Syntax {
			c.Files++
			ast.Inspect(f, func(n ast.Node) bool {
				if n != nil {
					c.Nodes++
				}
				return true
			})
		}
	}
	return c, pkgs, nil
}
