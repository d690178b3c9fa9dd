package recipe

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// A recipe's types are written in its file, whose imports the target
// package may not have: under go vet only the target's dependencies have
// export data. So a type is kept as its syntax with each package qualifier
// resolved to an import path. In that form two types are compared (a
// before and an after must have the same signature), printed for a
// message, and resolved, in the target, into the types.Type a wildcard's
// argument must be assignable to.

// canonicalType writes the type expression e with import paths for
// package qualifiers and the predeclared aliases spelled one way (byte is
// uint8, rune is int32, interface{} is any), so that equal strings mean
// identical types. It fails on what it cannot resolve from the syntax
// alone, with the reason.
func canonicalType(e ast.Expr, f *File) (string, error) {
	var b strings.Builder
	if err := writeType(&b, e, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeType(b *strings.Builder, e ast.Expr, f *File) error {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return writeType(b, e.X, f)
	case *ast.Ident:
		return writeIdentType(b, e, f)
	case *ast.SelectorExpr:
		path, ok := qualifierPath(e, f)
		if !ok {
			return fmt.Errorf("%s is not a type of an imported package", types.ExprString(e))
		}
		b.WriteString(path + "." + e.Sel.Name)
		return nil
	case *ast.StarExpr:
		b.WriteString("*")
		return writeType(b, e.X, f)
	case *ast.Ellipsis:
		b.WriteString("...")
		return writeType(b, e.Elt, f)
	case *ast.ArrayType:
		return writeArrayType(b, e, f)
	case *ast.MapType:
		b.WriteString("map[")
		if err := writeType(b, e.Key, f); err != nil {
			return err
		}
		b.WriteString("]")
		return writeType(b, e.Value, f)
	case *ast.ChanType:
		b.WriteString(map[ast.ChanDir]string{ast.SEND: "chan<-(", ast.RECV: "<-chan(", ast.SEND | ast.RECV: "chan("}[e.Dir])
		if err := writeType(b, e.Value, f); err != nil {
			return err
		}
		b.WriteString(")")
		return nil
	case *ast.FuncType:
		return writeFuncType(b, e, f)
	case *ast.InterfaceType:
		if len(e.Methods.List) > 0 {
			return fmt.Errorf("an interface literal is not supported as a recipe type: name the interface type")
		}
		b.WriteString("any")
		return nil
	case *ast.StructType:
		if len(e.Fields.List) > 0 {
			return fmt.Errorf("a struct literal type is not supported as a recipe type: name the struct type")
		}
		b.WriteString("struct{}")
		return nil
	case *ast.IndexExpr:
		return writeInstance(b, e.X, []ast.Expr{e.Index}, f)
	case *ast.IndexListExpr:
		return writeInstance(b, e.X, e.Indices, f)
	}
	return fmt.Errorf("%s is not a type a recipe supports", types.ExprString(e))
}

// writeIdentType writes a predeclared type; any other unqualified name is
// declared in the recipe file itself, which the target cannot see.
func writeIdentType(b *strings.Builder, id *ast.Ident, f *File) error {
	tn, ok := types.Universe.Lookup(id.Name).(*types.TypeName)
	if !ok || f.declared[id.Name] {
		return fmt.Errorf("type %s is declared in the recipe file: a recipe's types must be predeclared or come from imported packages, which the scanned code can name", id.Name)
	}
	if tn.Name() == "comparable" {
		return fmt.Errorf("comparable is a constraint, not a type")
	}
	switch id.Name {
	case "byte":
		b.WriteString("uint8")
	case "rune":
		b.WriteString("int32")
	default:
		b.WriteString(id.Name)
	}
	return nil
}

func writeArrayType(b *strings.Builder, e *ast.ArrayType, f *File) error {
	if e.Len == nil {
		b.WriteString("[]")
		return writeType(b, e.Elt, f)
	}
	n, ok := arrayLen(e.Len)
	if !ok {
		return fmt.Errorf("the length of array type %s must be an integer literal", types.ExprString(e))
	}
	fmt.Fprintf(b, "[%d]", n)
	return writeType(b, e.Elt, f)
}

// arrayLen is the value of an array length written as an integer literal.
func arrayLen(e ast.Expr) (int64, bool) {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	if !ok || lit.Kind != token.INT {
		return 0, false
	}
	return constant.Int64Val(constant.MakeFromLiteral(lit.Value, lit.Kind, 0))
}

func writeFuncType(b *strings.Builder, e *ast.FuncType, f *File) error {
	if e.TypeParams != nil {
		return fmt.Errorf("a generic function type is not supported")
	}
	b.WriteString("func(")
	if err := writeFieldTypes(b, e.Params, f); err != nil {
		return err
	}
	b.WriteString(")(")
	if err := writeFieldTypes(b, e.Results, f); err != nil {
		return err
	}
	b.WriteString(")")
	return nil
}

// writeFieldTypes writes the types of a parameter or result list, one per
// name, without the names.
func writeFieldTypes(b *strings.Builder, fl *ast.FieldList, f *File) error {
	for i, t := range fieldTypes(fl) {
		if i > 0 {
			b.WriteString(",")
		}
		if err := writeType(b, t, f); err != nil {
			return err
		}
	}
	return nil
}

func writeInstance(b *strings.Builder, x ast.Expr, args []ast.Expr, f *File) error {
	if err := writeType(b, x, f); err != nil {
		return err
	}
	b.WriteString("[")
	for i, a := range args {
		if i > 0 {
			b.WriteString(",")
		}
		if err := writeType(b, a, f); err != nil {
			return err
		}
	}
	b.WriteString("]")
	return nil
}

// fieldTypes lists the type of each parameter (or result) of fl, repeating
// a type written once for several names.
func fieldTypes(fl *ast.FieldList) []ast.Expr {
	if fl == nil {
		return nil
	}
	var ts []ast.Expr
	for _, f := range fl.List {
		n := max(len(f.Names), 1)
		for range n {
			ts = append(ts, f.Type)
		}
	}
	return ts
}

// qualifierPath returns the import path of a qualified name pkg.Name
// written in a recipe file.
func qualifierPath(sel *ast.SelectorExpr, f *File) (string, bool) {
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", false
	}
	path, ok := f.imports[id.Name]
	return path, ok && id.Obj == nil
}

// A packageLookup finds a package of the target's import graph by path,
// or returns nil.
type packageLookup func(path string) *types.Package

// resolveType returns the type that the recipe type expression e denotes
// in the target's world, or nil when a package or name it needs is not
// there (no value of the target can then have that type).
func resolveType(e ast.Expr, f *File, lookup packageLookup) types.Type {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return resolveType(e.X, f, lookup)
	case *ast.Ident:
		if tn, ok := types.Universe.Lookup(e.Name).(*types.TypeName); ok {
			return tn.Type()
		}
	case *ast.SelectorExpr:
		if path, ok := qualifierPath(e, f); ok {
			if pkg := lookup(path); pkg != nil {
				if tn, ok := pkg.Scope().Lookup(e.Sel.Name).(*types.TypeName); ok {
					return tn.Type()
				}
			}
		}
	case *ast.StarExpr:
		return wrap(resolveType(e.X, f, lookup), func(t types.Type) types.Type { return types.NewPointer(t) })
	case *ast.Ellipsis:
		return wrap(resolveType(e.Elt, f, lookup), func(t types.Type) types.Type { return types.NewSlice(t) })
	case *ast.ArrayType:
		return resolveArrayType(e, f, lookup)
	case *ast.MapType:
		k, v := resolveType(e.Key, f, lookup), resolveType(e.Value, f, lookup)
		if k != nil && v != nil {
			return types.NewMap(k, v)
		}
	case *ast.ChanType:
		dir := map[ast.ChanDir]types.ChanDir{ast.SEND: types.SendOnly, ast.RECV: types.RecvOnly, ast.SEND | ast.RECV: types.SendRecv}[e.Dir]
		return wrap(resolveType(e.Value, f, lookup), func(t types.Type) types.Type { return types.NewChan(dir, t) })
	case *ast.FuncType:
		return resolveFuncType(e, f, lookup)
	case *ast.InterfaceType:
		return types.Universe.Lookup("any").Type()
	case *ast.StructType:
		return types.NewStruct(nil, nil)
	case *ast.IndexExpr:
		return resolveInstance(e.X, []ast.Expr{e.Index}, f, lookup)
	case *ast.IndexListExpr:
		return resolveInstance(e.X, e.Indices, f, lookup)
	}
	return nil
}

func wrap(t types.Type, f func(types.Type) types.Type) types.Type {
	if t == nil {
		return nil
	}
	return f(t)
}

func resolveArrayType(e *ast.ArrayType, f *File, lookup packageLookup) types.Type {
	elem := resolveType(e.Elt, f, lookup)
	if elem == nil {
		return nil
	}
	if e.Len == nil {
		return types.NewSlice(elem)
	}
	n, ok := arrayLen(e.Len)
	if !ok {
		return nil
	}
	return types.NewArray(elem, n)
}

func resolveFuncType(e *ast.FuncType, f *File, lookup packageLookup) types.Type {
	params, variadic, ok := resolveTuple(e.Params, f, lookup)
	if !ok {
		return nil
	}
	results, _, ok := resolveTuple(e.Results, f, lookup)
	if !ok {
		return nil
	}
	return types.NewSignatureType(nil, nil, nil, params, results, variadic)
}

// resolveTuple resolves a parameter or result list; variadic reports a
// final ...T parameter.
func resolveTuple(fl *ast.FieldList, f *File, lookup packageLookup) (*types.Tuple, bool, bool) {
	var vars []*types.Var
	variadic := false
	for _, te := range fieldTypes(fl) {
		t := resolveType(te, f, lookup)
		if t == nil {
			return nil, false, false
		}
		_, variadic = te.(*ast.Ellipsis)
		vars = append(vars, types.NewParam(token.NoPos, nil, "", t))
	}
	return types.NewTuple(vars...), variadic, true
}

func resolveInstance(x ast.Expr, args []ast.Expr, f *File, lookup packageLookup) types.Type {
	generic := resolveType(x, f, lookup)
	if generic == nil {
		return nil
	}
	targs := make([]types.Type, len(args))
	for i, a := range args {
		if targs[i] = resolveType(a, f, lookup); targs[i] == nil {
			return nil
		}
	}
	t, err := types.Instantiate(nil, generic, targs, true)
	if err != nil {
		return nil
	}
	return t
}
