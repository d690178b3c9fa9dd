package recipe

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"

	"github.com/jwtssot/jwtssot/internal/fix"
)

// An importAdd is an import the rewrite adds to the target file.
type importAdd struct {
	path, name string
	// explicit is set when the import must spell its name: the package's
	// own name is not name, or is unknown.
	explicit bool
}

// spec is the import's text as gofmt writes it.
func (a *importAdd) spec() string {
	if a.explicit {
		return a.name + " " + strconv.Quote(a.path)
	}
	return strconv.Quote(a.path)
}

// qualify returns how the rewrite of rw names the package path whose
// names (those the template uses) it refers to with qualifier q in the
// recipe: "" in the package itself or through a dot import, "name." through
// an import of the file whose name no local declaration hides at the call,
// else through a new import with a name that nothing in the file uses.
func (p *planner) qualify(rw *rewrite, path, q string, names []string) (string, error) {
	t, site := p.t, rw.m.Call.Pos()
	scope := t.Pkg.Scope().Innermost(site)
	if path == t.Pkg.Path() {
		for _, n := range names {
			if obj := lookupAt(scope, n, site); obj == nil || obj.Parent() != t.Pkg.Scope() {
				return "", fmt.Errorf("%s would name %s, which a declaration at the call hides", n, n)
			}
		}
		return "", nil
	}
	for _, spec := range t.File.Imports {
		name, pkg, pn := t.importOf(spec)
		if pkg == nil || pkg.Path() != path {
			continue
		}
		switch {
		case name == "." && p.visibleUnqualified(scope, site, pkg, names):
			rw.kept = append(rw.kept, spec)
			return "", nil
		case pn != nil && lookupAt(scope, name, site) == types.Object(pn):
			rw.kept = append(rw.kept, spec)
			return name + ".", nil
		}
	}
	add := p.newImport(path, q)
	rw.adds = append(rw.adds, add)
	return add.name + ".", nil
}

func lookupAt(scope *types.Scope, name string, pos token.Pos) types.Object {
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// visibleUnqualified reports whether each name resolves at the call to
// the package-level object of pkg (dot-imported).
func (p *planner) visibleUnqualified(scope *types.Scope, site token.Pos, pkg *types.Package, names []string) bool {
	for _, n := range names {
		obj := lookupAt(scope, n, site)
		if obj == nil || obj.Pkg() != pkg || pkg.Scope().Lookup(n) != obj {
			return false
		}
	}
	return true
}

// newImport plans an import of path to add to the file: one per path for
// the whole file, so that every fix adds the same line. Its name is the
// package's own (known from the target's imports or the recipe file's
// syntax; else the recipe's qualifier), numbered if the file already uses
// it for anything: a package-level or local declaration, an import.
func (p *planner) newImport(path, q string) *importAdd {
	if a := p.adds[path]; a != nil {
		return a
	}
	own := p.packageName(path)
	base := own
	if base == "" {
		base = q
	}
	name := base
	for i := 2; p.nameTaken(name); i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	a := &importAdd{path: path, name: name, explicit: name != own}
	p.adds[path] = a
	p.taken[name] = true
	return a
}

// packageName is the name the package path declares, "" if unknown.
func (p *planner) packageName(path string) string {
	if pkg := p.t.lookup(path); pkg != nil {
		return pkg.Name()
	}
	for _, r := range p.recipeFiles {
		if n := r.names[path]; n != "" {
			return n
		}
	}
	return ""
}

// nameTaken reports whether name is declared anywhere in the target file
// or its package, imported in the file, predeclared, or planned for
// another new import.
func (p *planner) nameTaken(name string) bool {
	return p.taken[name] || p.t.Pkg.Scope().Lookup(name) != nil || types.Universe.Lookup(name) != nil || token.IsKeyword(name)
}

// takenNames are the names declared in the target file or imported by it.
func takenNames(t *Target) map[string]bool {
	taken := map[string]bool{}
	for id, obj := range t.Info.Defs {
		if obj != nil && t.inFile(id.Pos()) {
			taken[id.Name] = true
		}
	}
	for _, spec := range t.File.Imports {
		name, _, _ := t.importOf(spec)
		if name == "" {
			name = fix.AssumedName(importPath(spec))
		}
		taken[name] = true
	}
	return taken
}
