package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// A source alias is a package-level variable that holds a source of the
// catalogue: an application's own name for its loader (gin-admin's
// `var Unmarshal = toml.Unmarshal` in its encoding package). A call of the
// variable reads as a call of the source does. The walk notes the
// variables (bind) and the calls of package-level variables; settle
// records the reads once every file is seen, as the declaration may come
// after a call; the variable's fact carries the source to the packages
// that call it.

// A sourceAlias is the source a variable holds: its catalogue key, its row,
// and the variable as a reader sees it ("enc.Unmarshal").
type sourceAlias struct {
	key, name string
	src       jwtlib.Source
}

// noteSourceAlias records v as an alias when rhs is a function, or a
// method value, that the catalogue lists as a source.
func (ix *index) noteSourceAlias(v *types.Var, rhs ast.Expr) {
	var obj types.Object
	switch x := ast.Unparen(rhs).(type) {
	case *ast.Ident:
		obj = ix.info.Uses[x]
	case *ast.SelectorExpr:
		obj = ix.info.Uses[x.Sel]
	}
	key := ""
	switch o := obj.(type) {
	case *types.Func:
		key = ix.s.Catalog.SourceKey(o.Origin())
	case *types.Var: // an alias of an alias (of another package: this one's comes later)
		if a, ok := ix.aliasOf(o); ok {
			key = a.key
		}
	}
	src, ok := ix.s.Catalog.SourceByKey(key)
	if !ok {
		return
	}
	if ix.seen.sourceAliases == nil {
		ix.seen.sourceAliases = map[*types.Var]sourceAlias{}
	}
	ix.seen.sourceAliases[v] = sourceAlias{key: key, name: v.Pkg().Name() + "." + v.Name(), src: src}
}

// aliasCalled returns the alias a call calls, if it calls one.
func (ix *index) aliasCalled(call *ast.CallExpr) (sourceAlias, bool) {
	v, ok := typeutil.Callee(ix.info, call).(*types.Var)
	if !ok {
		return sourceAlias{}, false
	}
	return ix.aliasOf(v)
}

// aliasOf returns the source a package-level variable holds: one of this
// package the walk noted, or one of another package whose fact names a
// source.
func (ix *index) aliasOf(v *types.Var) (sourceAlias, bool) {
	if v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return sourceAlias{}, false
	}
	if v.Pkg() == ix.pass.Pkg {
		a, ok := ix.seen.sourceAliases[v]
		return a, ok
	}
	var f varFact
	if !ix.pass.ImportObjectFact(v, &f) || f.Source == "" {
		return sourceAlias{}, false
	}
	src, ok := ix.s.Catalog.SourceByKey(f.Source)
	return sourceAlias{key: f.Source, name: v.Pkg().Name() + "." + v.Name(), src: src}, ok
}

// recordAliasReads records the reads of the calls of aliases.
func (ix *index) recordAliasReads() {
	for _, call := range ix.seen.varCalls {
		if a, ok := ix.aliasCalled(call); ok {
			read := flow.Read{Site: call, CalleeName: a.name, Kind: a.src.Kind.Reads()}
			ix.recordSourceRead(call, a.src, read, a.name, a.key)
		}
	}
}

// exportSourceAliases exports the source each exported alias holds.
func (ix *index) exportSourceAliases() {
	for v, a := range ix.seen.sourceAliases {
		if v.Exported() {
			ix.pass.ExportObjectFact(v, &varFact{Source: a.key})
		}
	}
}
