package recipe

import (
	"go/ast"
	"go/types"
)

// usage is where the target file uses its imports and reads its local
// variables: a rewrite that removes the last use of one would leave an
// import (or a variable) unused, which does not compile.
type usage struct {
	pkgUses map[*types.PkgName][]int
	// reads are the reads of each local variable declared in the file
	// (not a parameter): an assignment to it is no use.
	reads map[*types.Var][]int
	decl  map[*types.Var]int
}

func newUsage(t *Target) *usage {
	u := &usage{pkgUses: map[*types.PkgName][]int{}, reads: map[*types.Var][]int{}, decl: map[*types.Var]int{}}
	params := map[*ast.Ident]bool{}
	assigned := map[*ast.Ident]bool{}
	ast.Inspect(t.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			for _, fl := range []*ast.FieldList{n.Params, n.Results} {
				if fl == nil {
					continue
				}
				for _, f := range fl.List {
					for _, id := range f.Names {
						params[id] = true
					}
				}
			}
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
					assigned[id] = true
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				assigned[id] = true
			}
		case *ast.Ident:
			u.note(t, n, params, assigned)
		}
		return true
	})
	return u
}

func (u *usage) note(t *Target, id *ast.Ident, params, assigned map[*ast.Ident]bool) {
	if obj, ok := t.Info.Defs[id].(*types.Var); ok && !params[id] && !obj.IsField() && obj.Parent() != t.Pkg.Scope() && id.Name != "_" {
		u.decl[obj] = t.offset(id.Pos())
		return
	}
	switch obj := t.Info.Uses[id].(type) {
	case *types.PkgName:
		u.pkgUses[obj] = append(u.pkgUses[obj], t.offset(id.Pos()))
	case *types.Var:
		if _, local := u.decl[obj]; local && !assigned[id] {
			u.reads[obj] = append(u.reads[obj], t.offset(id.Pos()))
		}
	}
}

// removedBy returns the rewrite whose removed text holds off, as a list
// of none or one.
func removedBy(rws []*rewrite, off int) []*rewrite {
	rw := rewriteAt(rws, off)
	if rw == nil {
		return nil
	}
	for _, s := range rw.removed {
		if s.holds(off) {
			return []*rewrite{rw}
		}
	}
	return nil
}

// allRemoved reports whether the rewrites remove every offset of offs.
func allRemoved(rws []*rewrite, offs []int) bool {
	for _, off := range offs {
		if len(removedBy(rws, off)) == 0 {
			return false
		}
	}
	return true
}

// strandedVars returns, for each rewrite that removes the last reads of a
// local variable declared outside the removed text, the first such
// variable: the rewrites together would leave it unused.
func (u *usage) strandedVars(rws []*rewrite) map[*rewrite]*types.Var {
	out := map[*rewrite]*types.Var{}
	for v, reads := range u.reads {
		if len(removedBy(rws, u.decl[v])) > 0 || !allRemoved(rws, reads) {
			continue
		}
		for _, off := range reads {
			for _, rw := range removedBy(rws, off) {
				if old, ok := out[rw]; !ok || old.Pos() > v.Pos() {
					out[rw] = v
				}
			}
		}
	}
	return out
}

// unusedImports returns the import specs that the rewrites leave unused,
// each with the rewrites that remove its uses.
func (u *usage) unusedImports(p *planner, rws []*rewrite) map[*ast.ImportSpec][]*rewrite {
	kept := map[*ast.ImportSpec]bool{}
	for _, rw := range rws {
		for _, s := range rw.kept {
			kept[s] = true
		}
	}
	out := map[*ast.ImportSpec][]*rewrite{}
	for _, spec := range p.t.File.Imports {
		_, _, pn := p.t.importOf(spec)
		if pn == nil || kept[spec] {
			continue
		}
		uses := u.pkgUses[pn]
		if len(uses) == 0 || !allRemoved(rws, uses) {
			continue
		}
		seen := map[*rewrite]bool{}
		for _, off := range uses {
			for _, rw := range removedBy(rws, off) {
				if !seen[rw] {
					seen[rw] = true
					out[spec] = append(out[spec], rw)
				}
			}
		}
	}
	return out
}
