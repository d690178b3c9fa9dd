package recipe

import (
	"go/ast"
	"go/types"
	"strings"
)

// checkPattern refuses what a before pattern cannot hold: a function
// literal (statements never match), a name declared in the recipe file
// (the target cannot see it), a call of a parameter, a variadic parameter
// anywhere but passed on last with "...".
func (r *Recipe) checkPattern(errs *ErrorList) {
	w := &walker{r: r, params: r.before.uses, fn: r.before.fn.Name.Name, errs: errs}
	w.expr(r.before.expr)
}

// checkTemplate refuses what an after template cannot hold, as
// checkPattern, and records the packages it names.
func (r *Recipe) checkTemplate(errs *ErrorList) {
	r.paths = map[string]string{}
	w := &walker{r: r, params: r.after.uses, fn: r.after.fn.Name.Name, errs: errs, paths: r.paths}
	w.expr(r.after.expr)
}

// A walker checks the expression of one recipe function.
type walker struct {
	r      *Recipe
	params map[*ast.Ident]*wildcard // the function's parameter uses
	fn     string                   // its name, for messages
	errs   *ErrorList
	paths  map[string]string // packages named, by qualifier; nil for a pattern
}

func (w *walker) errorf(n ast.Node, format string, args ...any) {
	w.errs.errorf(w.r.file.fset, n.Pos(), "%s "+format, append([]any{w.fn}, args...)...)
}

func (w *walker) expr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Ident:
		if p := w.params[e]; p != nil {
			if p.variadic {
				w.errorf(e, "uses the variadic parameter %s: pass it on only as the last argument of a call, %s...", e.Name, e.Name)
			}
			return
		}
		w.freeIdent(e)
	case *ast.BasicLit:
	case *ast.ParenExpr:
		w.expr(e.X)
	case *ast.SelectorExpr:
		if p, ok := qualifierPath(e, w.r.file); ok && w.params[fn2ident(e.X)] == nil {
			w.notePath(e, p)
			return
		}
		w.expr(e.X)
	case *ast.CallExpr:
		w.call(e)
	case *ast.StarExpr:
		w.expr(e.X)
	case *ast.UnaryExpr:
		w.expr(e.X)
	case *ast.BinaryExpr:
		w.expr(e.X)
		w.expr(e.Y)
	case *ast.IndexExpr:
		w.expr(e.X)
		w.expr(e.Index)
	case *ast.IndexListExpr:
		w.expr(e.X)
		for _, i := range e.Indices {
			w.expr(i)
		}
	case *ast.SliceExpr:
		for _, x := range []ast.Expr{e.X, e.Low, e.High, e.Max} {
			if x != nil {
				w.expr(x)
			}
		}
	case *ast.TypeAssertExpr:
		w.expr(e.X)
		if e.Type == nil {
			w.errorf(e, "holds a type switch guard, which is not an expression")
			return
		}
		w.typ(e.Type)
	case *ast.CompositeLit:
		w.compositeLit(e)
	case *ast.FuncLit:
		w.errorf(e, "holds a function literal: a recipe rewrites expressions, not statements (make the function a parameter of the recipe, or move it into the auth module)")
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.InterfaceType, *ast.StructType:
		w.typ(e)
	default:
		w.errorf(e, "holds %s, which a recipe does not support", types.ExprString(e))
	}
}

// fn2ident is e as an identifier, or nil.
func fn2ident(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}

// notePath records a package a template names.
func (w *walker) notePath(sel *ast.SelectorExpr, path string) {
	if w.paths != nil {
		w.paths[sel.X.(*ast.Ident).Name] = path
	}
}

func (w *walker) call(call *ast.CallExpr) {
	fun := ast.Unparen(call.Fun)
	if p := w.params[fn2ident(fun)]; p != nil {
		w.errorf(fun, "calls its parameter %s: a recipe calls a library's functions or methods, by name", p.name)
		return
	}
	w.expr(fun)
	for i, a := range call.Args {
		if p := w.params[fn2ident(a)]; p != nil && p.variadic {
			if i != len(call.Args)-1 || !call.Ellipsis.IsValid() {
				w.errorf(a, "uses the variadic parameter %s: pass it on only as the last argument of a call, %s...", p.name, p.name)
			}
			continue
		}
		w.expr(a)
	}
}

func (w *walker) compositeLit(lit *ast.CompositeLit) {
	if lit.Type != nil {
		w.typ(lit.Type)
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			w.expr(elt)
			continue
		}
		// A key that is a bare name other than a parameter is a struct
		// field's name.
		if id, ok := kv.Key.(*ast.Ident); !ok || w.params[id] != nil {
			w.expr(kv.Key)
		}
		w.expr(kv.Value)
	}
}

// typ checks a type written in a pattern or template (a composite
// literal's, a conversion's, an assertion's): it must resolve from the
// syntax, and a template needs the packages it names.
func (w *walker) typ(t ast.Expr) {
	if _, err := canonicalType(t, w.r.file); err != nil {
		w.errorf(t, "holds a type the scanned code cannot resolve: %v", err)
		return
	}
	ast.Inspect(t, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if p, ok := qualifierPath(sel, w.r.file); ok {
				w.notePath(sel, p)
			}
			return false
		}
		return true
	})
}

// checkFreeIdent accepts a name that is neither a parameter nor a package
// qualifier only if it is predeclared (nil, true, len, string).
func (w *walker) freeIdent(id *ast.Ident) {
	declared := w.r.file.declared[id.Name]
	if !declared && types.Universe.Lookup(id.Name) != nil {
		return
	}
	if declared {
		w.errorf(id, "uses %s, which is declared in the recipe file: the scanned code cannot see it (use a parameter, or an imported package's name)", id.Name)
		return
	}
	w.errorf(id, "uses %s, which is neither a parameter, an imported package's name nor predeclared", id.Name)
}

// checkCallee refuses a before whose expression is not a call of a
// library's function or method, and records the callee.
func (r *Recipe) checkCallee(opts Options, errs *ErrorList) {
	call, ok := ast.Unparen(r.before.expr).(*ast.CallExpr)
	if !ok {
		errs.errorf(r.file.fset, r.before.expr.Pos(), "%s must return a call of a JWT library's function or method, not %s", r.before.fn.Name.Name, types.ExprString(r.before.expr))
		return
	}
	name, reason := r.callee(call, opts, true)
	if reason != "" {
		errs.errorf(r.file.fset, call.Pos(), "%s: %s", r.before.fn.Name.Name, reason)
		return
	}
	r.Callee = name
}

// callee names the function or method a call of the pattern calls, and
// says why it is not a library's when it is not. At the root, it also
// sets the recipe's index key and receiver wildcard.
func (r *Recipe) callee(call *ast.CallExpr, opts Options, root bool) (string, string) {
	fun := stripInstance(ast.Unparen(call.Fun), r.file)
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return "", "the expression must be a call of a JWT library's function or method, not of " + types.ExprString(call.Fun)
	}
	if p, ok := qualifierPath(sel, r.file); ok && r.before.uses[fn2ident(sel.X)] == nil {
		if !opts.IsLibrary(p) {
			return "", types.ExprString(sel) + " is not of a JWT library (" + p + ")"
		}
		if root {
			r.key = p + "." + sel.Sel.Name
		}
		return p + "." + sel.Sel.Name, ""
	}
	recv := ast.Unparen(sel.X)
	if root {
		r.key = "." + sel.Sel.Name
	}
	if w := r.before.uses[fn2ident(recv)]; w != nil {
		c, _ := canonicalType(w.typ, r.file)
		p := namedPath(c)
		if p == "" || !opts.IsLibrary(p) {
			return "", "method " + sel.Sel.Name + " is called on " + w.name + " of type " + types.ExprString(w.typ) + ", not a JWT library's type"
		}
		return "(" + c + ")." + sel.Sel.Name, ""
	}
	inner, ok := ast.Unparen(recv).(*ast.CallExpr)
	if !ok {
		return "", "method " + sel.Sel.Name + " must be called on a parameter of a JWT library's type or on the result of a library call, not on " + types.ExprString(recv)
	}
	name, reason := r.callee(inner, opts, false)
	if reason != "" {
		return "", reason
	}
	return "(" + name + "(...))." + sel.Sel.Name, ""
}

// stripInstance removes the explicit instantiation of a generic function,
// pkg.F[T], leaving pkg.F.
func stripInstance(fun ast.Expr, f *File) ast.Expr {
	var x ast.Expr
	switch f := fun.(type) {
	case *ast.IndexExpr:
		x = f.X
	case *ast.IndexListExpr:
		x = f.X
	default:
		return fun
	}
	if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok {
		if _, ok := qualifierPath(sel, f); ok {
			return sel
		}
	}
	return fun
}

// namedPath returns the import path of the named type a canonical type
// string denotes, through one pointer: "" for any other type.
func namedPath(c string) string {
	c = strings.TrimPrefix(c, "*")
	if i := strings.IndexByte(c, '['); i >= 0 {
		c = c[:i]
	}
	i := strings.LastIndexByte(c, '.')
	if i < 0 || strings.ContainsAny(c[:i], "*[]()") {
		return ""
	}
	return c[:i]
}
