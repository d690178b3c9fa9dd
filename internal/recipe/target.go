package recipe

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
)

// A Target is a type-checked file of the package under analysis, in which
// calls are matched and rewritten.
type Target struct {
	Fset *token.FileSet
	File *ast.File
	// Src is the file's content, as parsed: bindings keep their text
	// (comments included) in a rewrite.
	Src []byte
	Pkg *types.Package
	// Info needs Types, Defs, Uses, Selections, Instances and Implicits.
	Info *types.Info

	tok  *token.File
	pkgs map[string]*types.Package
}

// NewTarget checks that src is the content the file was parsed from (a
// file changed since would get edits at the wrong places) and returns the
// target.
func NewTarget(fset *token.FileSet, file *ast.File, src []byte, pkg *types.Package, info *types.Info) (*Target, error) {
	tok := fset.File(file.FileStart)
	if tok == nil {
		return nil, fmt.Errorf("the file is not in the file set")
	}
	if tok.Size() != len(src) {
		return nil, fmt.Errorf("%s changed since it was parsed (%d bytes, now %d)", tok.Name(), tok.Size(), len(src))
	}
	return &Target{Fset: fset, File: file, Src: src, Pkg: pkg, Info: info, tok: tok}, nil
}

// lookup finds, by path, a package the target imports or refers to: its
// own imports (set by its type check) and the packages of the objects its
// files use. It never walks the imports of an imported package: a loader
// that shares export data between goroutines may still be filling those
// (go test -race caught a read of Imports() during such a write).
func (t *Target) lookup(path string) *types.Package {
	if t.pkgs == nil {
		t.pkgs = map[string]*types.Package{t.Pkg.Path(): t.Pkg}
		for _, imp := range t.Pkg.Imports() {
			t.pkgs[imp.Path()] = imp
		}
		for _, obj := range t.Info.Uses {
			if p := obj.Pkg(); p != nil {
				if _, seen := t.pkgs[p.Path()]; !seen {
					t.pkgs[p.Path()] = p
				}
			}
		}
	}
	return t.pkgs[path]
}

// importOf returns the name an import of the file declares, the package
// it imports, and its package name object (nil for a blank or dot
// import). It does without Info.Implicits, which the project's loaders do
// not fill: the object is found in the file's scope.
func (t *Target) importOf(spec *ast.ImportSpec) (string, *types.Package, *types.PkgName) {
	path, err := strconv.Unquote(spec.Path.Value)
	if err != nil {
		return "", nil, nil
	}
	pkg := t.lookup(path)
	var name string
	switch {
	case spec.Name != nil:
		name = spec.Name.Name
	case pkg != nil:
		name = pkg.Name()
	default:
		return "", nil, nil
	}
	if name == "_" || name == "." {
		return name, pkg, nil
	}
	if spec.Name != nil {
		if pn, ok := t.Info.Defs[spec.Name].(*types.PkgName); ok {
			return name, pn.Imported(), pn
		}
	}
	for scope := range t.Pkg.Scope().Children() {
		if scope.Contains(t.File.Package) {
			if pn, ok := scope.Lookup(name).(*types.PkgName); ok && pn.Imported().Path() == path {
				return name, pn.Imported(), pn
			}
		}
	}
	return name, pkg, nil
}

// ancestors returns the nodes that hold n, innermost first. It walks only
// the top-level declaration around n, found by a binary search of the
// file's declarations (sorted by position): a file of many calls costs no
// walk of the whole file per call.
func (t *Target) ancestors(n ast.Node) []ast.Node {
	decls := t.File.Decls
	i := sort.Search(len(decls), func(i int) bool { return decls[i].End() >= n.End() })
	if i == len(decls) || decls[i].Pos() > n.Pos() {
		return nil
	}
	var stack, found []ast.Node
	ast.Inspect(decls[i], func(c ast.Node) bool {
		if found != nil {
			return false
		}
		if c == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if c == n {
			found = append([]ast.Node(nil), stack...)
			slices.Reverse(found)
			found = append(found, t.File)
			return false
		}
		if c.Pos() > n.Pos() || c.End() < n.End() {
			return false
		}
		stack = append(stack, c)
		return true
	})
	return found
}

// inFile reports whether pos is in the target's file.
func (t *Target) inFile(pos token.Pos) bool {
	return t.tok.Base() <= int(pos) && int(pos) <= t.tok.Base()+t.tok.Size()
}

// offset is the byte offset of pos in the file.
func (t *Target) offset(pos token.Pos) int { return t.tok.Offset(pos) }

// text is the source text of a node.
func (t *Target) text(n ast.Node) string { return string(t.Src[t.offset(n.Pos()):t.offset(n.End())]) }

// objectOf is the object a name or a qualified name refers to.
func (t *Target) objectOf(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return t.Info.ObjectOf(e)
	case *ast.SelectorExpr:
		if id, ok := e.X.(*ast.Ident); ok {
			if _, isPkg := t.Info.Uses[id].(*types.PkgName); isPkg {
				return t.Info.Uses[e.Sel]
			}
		}
	}
	return nil
}

// pure reports whether evaluating e has no side effects, so that a rewrite
// may drop it, repeat it or move it: a name, a literal (function literals
// included), a field or qualified name of such, a composite literal, an
// address, a conversion or an arithmetic of such. A call, a receive or a
// type assertion (which may panic) is not.
func (t *Target) pure(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.SelectorExpr:
		return t.objectOf(e) != nil || t.pure(e.X)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if !t.pure(kv.Value) {
					return false
				}
				if _, isField := kv.Key.(*ast.Ident); !isField && !t.pure(kv.Key) {
					return false
				}
				continue
			}
			if !t.pure(elt) {
				return false
			}
		}
		return true
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && t.pure(e.X)
	case *ast.StarExpr:
		return t.pure(e.X)
	case *ast.BinaryExpr:
		return t.pure(e.X) && t.pure(e.Y)
	case *ast.CallExpr:
		return t.Info.Types[e.Fun].IsType() && len(e.Args) == 1 && t.pure(e.Args[0])
	case *ast.IndexExpr:
		return t.pure(e.X) && t.pure(e.Index)
	}
	return false
}

// sameValue reports whether two pure expressions denote the same value:
// the same object, constant or field path.
func (t *Target) sameValue(a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	if va, vb := t.Info.Types[a].Value, t.Info.Types[b].Value; va != nil && vb != nil {
		return sameConstant(va, vb)
	}
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		return ok && t.Info.ObjectOf(a) != nil && t.Info.ObjectOf(a) == t.Info.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		if !ok || a.Sel.Name != b.Sel.Name {
			return false
		}
		if oa := t.objectOf(a); oa != nil {
			return oa == t.objectOf(b)
		}
		return t.sameValue(a.X, b.X)
	}
	return false
}
