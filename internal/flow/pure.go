package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// transform is the node of a call of a function that returns its
// arguments' values as they are or transformed (the oracle's Transform).
func (e *Engine) transform(call *ast.CallExpr, xf Transform) *node {
	var kids []*node
	add := func(i int, m Mode) {
		if i < len(call.Args) {
			kids = append(kids, e.argNode(call, i, m))
		}
	}
	if xf.Args == nil && xf.Elems == nil {
		for i := range call.Args {
			add(i, Value)
		}
	}
	for _, i := range xf.Args {
		add(i, Value)
	}
	for _, i := range xf.Elems {
		add(i, Elems)
	}
	if xf.Class == AsIs {
		return &node{kids: kids} // the value itself: a union
	}
	return e.pure(call, xf, kids)
}

// pure is the node of a transformation at the expression at (a call, or
// a + of strings) of the values of kids.
func (e *Engine) pure(at ast.Expr, xf Transform, kids []*node) *node {
	return &node{kind: kindPure, at: at, xform: xf, kids: kids}
}

// pureLits emits the literals a transformation's result holds. A value
// transformed on its own (decoded, hashed) is still the literal it was
// given, written another way: its literals pass, marked with the
// transformation. A combination of several values is a literal only when
// every part is one: then the combination itself, folded.
func (e *Engine) pureLits(x *node, emit func(*Lit)) {
	switch x.xform.Class {
	case Transforms:
		for _, l := range e.transformedLits(x) {
			emit(l)
		}
	case Combines:
		if l := e.folded(x); l != nil {
			emit(l)
		}
	}
}

// transformedLits returns the literals of a Transforms node's arguments,
// marked with the transformation, computed once per node.
func (e *Engine) transformedLits(x *node) []*Lit {
	if lits, ok := e.pureMemo[x]; ok {
		return lits
	}
	e.pureMemo[x] = nil // a cycle through x sees none
	var out []*Lit
	seen := map[*node]bool{}
	for _, k := range x.kids {
		e.Literals(k, seen, func(l *Lit) {
			via := x.xform.Via
			if l.Via != "" {
				via = l.Via + ", " + via
			}
			out = append(out, &Lit{Expr: l.Expr, Value: l.Value, Origin: l.Origin, Via: via})
		})
	}
	e.pureMemo[x] = out
	return out
}

// folded returns the literal a combination of literals folds to, or nil
// when a part is not a literal (a setting, a parameter, anything unknown).
func (e *Engine) folded(x *node) *Lit {
	if l, ok := e.foldMemo[x]; ok {
		return l
	}
	var l *Lit
	if v, ok := e.fold(x.at, 0); ok && v.Kind == ConstString && v.Str != "" {
		l = &Lit{Expr: x.at, Value: v.Str, Via: "built from literals by " + x.xform.Via}
	}
	e.foldMemo[x] = l
	return l
}

// maxFoldDepth bounds how deep fold follows variables and calls: a
// combination of literals is written in a few steps, and the bound keeps a
// long chain of assignments from costing more than its length.
const maxFoldDepth = 6

// fold evaluates an expression built only from literals: constants,
// variables of the package whose every assignment folds (to one value),
// conversions, + of strings, and calls of the oracle's transformations
// that can evaluate (Sprintf, Join, Repeat, ...). It fails on anything
// else: a parameter, a setting, a call it cannot evaluate.
func (e *Engine) fold(x ast.Expr, depth int) (Const, bool) {
	if depth > maxFoldDepth {
		return Const{}, false
	}
	x = ast.Unparen(x)
	if tv, ok := e.info.Types[x]; ok && tv.Value != nil {
		return constOf(tv.Value)
	}
	switch x := x.(type) {
	case *ast.Ident:
		return e.foldVar(e.objectOf(x), depth)
	case *ast.SelectorExpr:
		if _, isField := e.info.Selections[x]; !isField {
			return e.foldVar(e.objectOf(x.Sel), depth)
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			a, ok1 := e.fold(x.X, depth+1)
			b, ok2 := e.fold(x.Y, depth+1)
			if ok1 && ok2 && a.Kind == ConstString && b.Kind == ConstString {
				return Const{Str: a.Str + b.Str}, true
			}
		}
	case *ast.CompositeLit:
		return e.foldList(x, depth)
	case *ast.CallExpr:
		return e.foldCall(x, depth)
	}
	return Const{}, false
}

// foldVar folds a variable of the package assigned exactly one value that
// folds.
func (e *Engine) foldVar(obj types.Object, depth int) (Const, bool) {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() != e.pkg || e.params[v].fn != nil || len(e.tuples[v]) > 0 || len(e.ranges[v]) > 0 ||
		len(e.fills[memoKey{v, Value}]) > 0 {
		return Const{}, false
	}
	if _, isParam := e.params[v]; isParam {
		return Const{}, false
	}
	values := e.assigns[v]
	if len(values) != 1 {
		return Const{}, false
	}
	return e.fold(values[0], depth+1)
}

// foldList folds a []string{...} of literals.
func (e *Engine) foldList(lit *ast.CompositeLit, depth int) (Const, bool) {
	if _, ok := e.info.TypeOf(lit).Underlying().(*types.Slice); !ok {
		return Const{}, false
	}
	out := Const{Kind: ConstList}
	for _, elt := range lit.Elts {
		c, ok := e.fold(elt, depth+1)
		if !ok || c.Kind != ConstString {
			return Const{}, false
		}
		out.List = append(out.List, c.Str)
	}
	return out, true
}

// foldCall folds a conversion or a call of a transformation that can
// evaluate.
func (e *Engine) foldCall(call *ast.CallExpr, depth int) (Const, bool) {
	if tv, ok := e.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return e.fold(call.Args[0], depth+1)
		}
		return Const{}, false
	}
	fn := e.calleeOf(call)
	if fn == nil || fn.Pkg() == e.pkg {
		return Const{}, false
	}
	xf, ok := e.oracle.Transform(fn)
	if !ok || xf.Eval == nil || call.Ellipsis.IsValid() {
		return Const{}, false
	}
	args := make([]Const, len(call.Args))
	for i, a := range call.Args {
		if args[i], ok = e.fold(a, depth+1); !ok {
			return Const{}, false
		}
	}
	s, ok := xf.Eval(args)
	return Const{Str: s}, ok
}

// constOf converts a constant of the type checker.
func constOf(v constant.Value) (Const, bool) {
	switch v.Kind() {
	case constant.String:
		return Const{Str: constant.StringVal(v)}, true
	case constant.Int:
		if i, exact := constant.Int64Val(v); exact {
			return Const{Int: i, Kind: ConstInt}, true
		}
	}
	return Const{}, false
}
