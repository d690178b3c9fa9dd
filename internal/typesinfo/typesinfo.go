// Package typesinfo is what the drivers that type-check a package for the
// analyzer share (internal/load for the standalone scan, internal/vet for
// go vet's protocol): the type information the analyzer reads, and an
// importer made of a function.
package typesinfo

import (
	"go/ast"
	"go/types"
)

// New returns the types.Info the analyzer reads: types, definitions, uses,
// instances, selections and file versions. The scopes and implicit
// objects, which it never reads, are left out: filling them costs an
// allocation per block and per case clause.
func New() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// Importer is a types.Importer made of a function.
type Importer func(path string) (*types.Package, error)

// Import imports the package of a path.
func (f Importer) Import(path string) (*types.Package, error) { return f(path) }
