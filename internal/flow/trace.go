package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Node is an opaque value of the graph, for the analyzer to query.
type Node = *node

// Trace returns the node of an expression of the package in a mode. Nodes
// are built once: tracing the same expression again returns the same node.
func (e *Engine) Trace(x ast.Expr, m Mode) Node { return e.trace(x, m) }

func (e *Engine) trace(x ast.Expr, m Mode) *node {
	x = ast.Unparen(x)
	k := memoKey{x, m}
	if n, ok := e.memo[k]; ok {
		return n
	}
	n := &node{}
	e.memo[k] = n // before building: a cycle finds this node
	e.build(n, x, m)
	return n
}

func (e *Engine) build(n *node, x ast.Expr, m Mode) {
	if m == Value {
		if tv, ok := e.info.Types[x]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			e.constant(n, x, constant.StringVal(tv.Value))
			return
		}
	}
	switch x := x.(type) {
	case *ast.CompositeLit:
		e.composite(n, x, m)
	case *ast.CallExpr:
		e.buildCall(n, x, m)
	case *ast.Ident:
		e.object(n, e.objectOf(x), m, x)
	case *ast.SelectorExpr:
		if sel, ok := e.info.Selections[x]; ok {
			switch sel.Kind() {
			case types.FieldVal:
				e.field(n, sel.Obj().(*types.Var), x, m)
			case types.MethodVal, types.MethodExpr:
				if fn, ok := sel.Obj().(*types.Func); ok && m == Keyfunc {
					n.kids = append(n.kids, e.funcValue(fn))
				}
			}
			return
		}
		e.object(n, e.objectOf(x.Sel), m, x) // a qualified identifier
	case *ast.StarExpr:
		n.kids = append(n.kids, e.trace(x.X, m))
	case *ast.UnaryExpr:
		switch {
		case x.Op == token.ARROW && m == Value: // <-ch: an element sent on it
			n.kids = append(n.kids, e.trace(x.X, Elems))
		case x.Op == token.ARROW && m == Elems: // for k, v := range <-ch: the elements of what was sent
			if obj := e.containerOf(ast.Unparen(x.X)); obj != nil {
				for _, v := range e.elems[obj] {
					n.kids = append(n.kids, e.trace(v, Elems))
				}
			}
		case x.Op != token.ARROW:
			n.kids = append(n.kids, e.trace(x.X, m))
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD && m == Value {
			// s + t of strings that are not constants: a combination.
			n.kids = append(n.kids, e.pure(x, Transform{Class: Combines, Via: "+"}, []*node{e.trace(x.X, Value), e.trace(x.Y, Value)}))
		}
	case *ast.TypeAssertExpr:
		n.kids = append(n.kids, e.trace(x.X, m))
	case *ast.IndexExpr:
		switch m {
		case Value:
			// An element holds what was stored in its container, and what
			// was read into it (secret.Data["jwt"] of a secret read).
			n.kids = append(n.kids, e.trace(x.X, Elems), e.readsOnly(e.trace(x.X, Value)))
		case Elems:
			// The elements of an element (a map of keys in a secret's
			// data) hold what was read into the container.
			n.kids = append(n.kids, e.readsOnly(e.trace(x.X, Value)))
		}
	case *ast.SliceExpr:
		n.kids = append(n.kids, e.trace(x.X, m))
	case *ast.FuncLit:
		if m == Keyfunc {
			// The literal's returns, in the enclosing function's context:
			// a closure may return its enclosing function's parameter.
			if fi := e.funcs[x]; fi != nil {
				n.kids = append(n.kids, e.ret(fi, Value, 0))
			}
		}
	}
}

// field adds what a field selected at x holds: every value assigned to it
// in the package, what the package that declares it assigns to it (its
// facts), and the reads of the value it is selected from (out.SecretString
// of a secret store's output).
func (e *Engine) field(n *node, f *types.Var, x *ast.SelectorExpr, m Mode) {
	f = f.Origin()
	n.kids = append(n.kids, e.global(f, m))
	if f.Pkg() != nil && f.Pkg() != e.pkg && m == Value {
		vals := e.oracle.FieldValues(f, e.info.TypeOf(x.X))
		for _, l := range vals.Lits {
			n.lits = append(n.lits, &Lit{Expr: x, Value: l.Value, Origin: l.Origin, Via: l.Via})
		}
		for _, r := range vals.Reads {
			n.reads = append(n.reads, r.At(x))
		}
	}
	if m == Value {
		n.kids = append(n.kids, e.readsOnly(e.trace(x.X, Value)))
	}
}

// readsOnly is a node that holds only the reads of n: a part of a value
// that was read is read too, but the literals and parameters of the whole
// do not flow into the part.
func (e *Engine) readsOnly(n *node) *node {
	return &node{kind: kindReadsOf, kids: []*node{n}}
}

// constant adds a constant-valued expression: a literal where it stands; a
// named constant of the package, traced to its declaration; a constant of
// another package, at this use, with its origin, unless its own package
// reports it already.
func (e *Engine) constant(n *node, x ast.Expr, v string) {
	var c *types.Const
	switch x := x.(type) {
	case *ast.Ident:
		c, _ = e.objectOf(x).(*types.Const)
	case *ast.SelectorExpr:
		c, _ = e.objectOf(x.Sel).(*types.Const)
	case *ast.CallExpr: // string("...") or a conversion to a named string type
		if len(x.Args) == 1 {
			n.kids = append(n.kids, e.trace(x.Args[0], Value))
			return
		}
	}
	switch {
	case c == nil:
		n.lits = append(n.lits, &Lit{Expr: x, Value: v})
	case c.Pkg() == e.pkg:
		for _, decl := range e.assigns[c] {
			n.kids = append(n.kids, e.trace(decl, Value))
		}
	default:
		if origin := e.oracle.Origin(c); origin != "" {
			n.lits = append(n.lits, &Lit{Expr: x, Value: v, Origin: origin})
		}
	}
}

// composite adds a composite literal: a []byte{...} of constants is a
// literal; a map, slice or array literal holds its elements.
func (e *Engine) composite(n *node, x *ast.CompositeLit, m Mode) {
	switch m {
	case Value:
		if v, ok := e.byteSlice(x); ok {
			n.lits = append(n.lits, &Lit{Expr: x, Value: v})
		}
	case Elems:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			n.kids = append(n.kids, e.trace(elt, Value))
		}
	}
}

// byteSlice returns the value of a []byte{...} or [N]byte{...} literal
// whose elements are all constants.
func (e *Engine) byteSlice(lit *ast.CompositeLit) (string, bool) {
	t := e.info.TypeOf(lit)
	if t == nil {
		return "", false
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return "", false
	}
	if !IsByte(elem) || len(lit.Elts) == 0 {
		return "", false
	}
	b := make([]byte, 0, len(lit.Elts))
	for _, elt := range lit.Elts {
		tv, ok := e.info.Types[elt]
		if !ok || tv.Value == nil {
			return "", false
		}
		v, ok := constant.Int64Val(constant.ToInt(tv.Value))
		if !ok {
			return "", false
		}
		b = append(b, byte(v))
	}
	return string(b), true
}

// IsByte reports whether t is byte (uint8).
func IsByte(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && (b.Kind() == types.Byte || b.Kind() == types.Uint8)
}

// object adds what an object holds, used at the expression at.
func (e *Engine) object(n *node, obj types.Object, m Mode, at ast.Expr) {
	switch obj := obj.(type) {
	case *types.Var:
		switch {
		case obj.Pkg() != e.pkg && !obj.IsField():
			if m == Value {
				vals := e.oracle.VarValues(obj)
				for _, l := range vals.Lits {
					n.lits = append(n.lits, &Lit{Expr: at, Value: l.Value, Origin: l.Origin, Via: l.Via})
				}
				for _, r := range vals.Reads {
					n.reads = append(n.reads, r.At(at))
				}
			}
		case isPackageLevel(obj):
			n.kids = append(n.kids, e.global(obj, m))
		default:
			n.kids = append(n.kids, e.local(obj, m))
		}
	case *types.Func:
		if m == Keyfunc {
			n.kids = append(n.kids, e.funcValue(obj))
		}
	}
}

// funcValue is a function used as a keyfunc without being called: the
// library calls it, so what it returns counts and its parameters are never
// bound by the package.
func (e *Engine) funcValue(fn *types.Func) *node {
	fn = fn.Origin()
	switch {
	case e.decls[fn] != nil:
		return &node{kind: kindCall, callee: fn, mode: Value}
	case fn.Pkg() != e.pkg:
		if s := e.oracle.Summary(fn); s != nil {
			return e.foreign(fn, s, Value, nil)
		}
	}
	return &node{}
}

// local is the node of a local variable or parameter: what is assigned to
// it, and, for a parameter of a declared function, the parameter itself.
func (e *Engine) local(v *types.Var, m Mode) *node {
	k := memoKey{v, m}
	if n, ok := e.memo[k]; ok {
		return n
	}
	n := &node{}
	e.memo[k] = n
	if ref, ok := e.params[v]; ok && ref.fn != nil {
		n.params = []Param{{Fn: ref.fn, Index: ref.index, Mode: m}}
	}
	e.assigned(n, v, m)
	return n
}

// global is the node of a package-level variable or a field: every value
// assigned to it anywhere in the package, each in the context of its own
// function (the queries bind a parameter assigned to it to every argument
// given to that parameter).
func (e *Engine) global(obj types.Object, m Mode) *node {
	k := memoKey{obj, m}
	if n, ok := e.globals[k]; ok {
		return n
	}
	n := &node{kind: kindGlobal, obj: obj, mode: m}
	e.globals[k] = n
	e.assigned(n, obj, m)
	return n
}

// assigned adds the values assigned to obj, and the reads that fill it.
func (e *Engine) assigned(n *node, obj types.Object, m Mode) {
	n.reads = append(n.reads, e.fills[memoKey{obj, m}]...)
	if m == Value {
		n.lits = append(n.lits, e.lits[obj]...)
	}
	for _, rhs := range e.assigns[obj] {
		n.kids = append(n.kids, e.trace(rhs, m))
	}
	for _, t := range e.tuples[obj] {
		n.kids = append(n.kids, e.tupleNode(t, m))
	}
	switch m {
	case Value:
		for _, x := range e.ranges[obj] {
			n.kids = append(n.kids, e.trace(x, Elems))
		}
	case Elems:
		for _, v := range e.elems[obj] {
			n.kids = append(n.kids, e.trace(v, Value))
		}
	}
}

// tupleNode is result t.index of the call t.call, or the value of a
// comma-ok form (v, ok := m[k]; v, ok := x.(T)).
func (e *Engine) tupleNode(t tuple, m Mode) *node {
	var call *ast.CallExpr
	switch x := ast.Unparen(t.call).(type) {
	case *ast.CallExpr:
		call = x
	case *ast.IndexExpr:
		if t.index == 0 && m == Value {
			return e.trace(x.X, Elems)
		}
		return &node{}
	case *ast.TypeAssertExpr:
		if t.index == 0 {
			return e.trace(x.X, m)
		}
		return &node{}
	default:
		return &node{}
	}
	if t.index == 0 {
		// The first result is what the call is as a value: a read, a
		// transformation (key, err := base64.StdEncoding.DecodeString(s)),
		// a function of the package, an interface method's implementations,
		// another package's summary, a function value (key, err := keyFor(kid)).
		return e.trace(call, m)
	}
	if m == Value {
		if src, ok := e.oracle.Read(call); ok && src.Result == t.index {
			return e.readOf(call, src)
		}
	}
	if fn := e.calleeOf(call); fn != nil && e.decls[fn] != nil {
		return &node{kind: kindCall, callee: fn, mode: m, result: t.index, call: call}
	}
	return &node{}
}

// readOf is the value a call reads: its name, if an argument gives it, is
// every value that argument may hold.
func (e *Engine) readOf(call *ast.CallExpr, src Source) *node {
	n := &node{kind: kindReadOf, call: call, callee: e.calleeOf(call), source: src}
	if src.NameArg >= 0 && src.NameArg < len(call.Args) {
		n.kids = []*node{e.trace(call.Args[src.NameArg], Value)}
	}
	return n
}

func (e *Engine) buildCall(n *node, call *ast.CallExpr, m Mode) {
	if tv, ok := e.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 { // a conversion: []byte(s), jwt.Keyfunc(f)
			n.kids = append(n.kids, e.trace(call.Args[0], m))
		}
		return
	}
	if x, ok := e.unsafeView(call); ok { // unsafe.String(unsafe.SliceData(b), len(b))
		n.kids = append(n.kids, e.trace(x, m))
		return
	}
	if m == Elems {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) > 0 {
			if b, ok := e.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				n.kids = append(n.kids, e.trace(call.Args[0], Elems))
				for _, a := range call.Args[1:] {
					if call.Ellipsis.IsValid() {
						n.kids = append(n.kids, e.trace(a, Elems))
					} else {
						n.kids = append(n.kids, e.trace(a, Value))
					}
				}
				return
			}
		}
	}
	if m == Value {
		if src, ok := e.oracle.Read(call); ok {
			if src.Result == 0 {
				n.kids = append(n.kids, e.readOf(call, src))
			}
			return
		}
		if e.appendValue(n, call) {
			return
		}
	}
	fn := e.calleeOf(call)
	if fn == nil {
		// A call of a function value (a parameter, a variable, a
		// field): it returns what that function returns, so the value's
		// keyfunc mode is the call's value: lookup(kid) inside a keyfunc
		// returns what the caller's lookup returns.
		if m == Value && isFuncValue(e.info, call.Fun) {
			n.kids = append(n.kids, e.trace(call.Fun, Keyfunc))
		}
		return
	}
	switch {
	case e.decls[fn] != nil:
		n.kids = append(n.kids, &node{kind: kindCall, callee: fn, mode: m, call: call})
	case e.abstract(fn):
		n.kids = append(n.kids, e.dispatch(call, fn, m)...)
	case fn.Pkg() != e.pkg:
		if m == Value {
			if xf, ok := e.oracle.Transform(fn); ok {
				n.kids = append(n.kids, e.transform(call, xf))
				return
			}
		}
		if s := e.oracle.Summary(fn); s != nil {
			n.kids = append(n.kids, e.foreign(fn, s, m, call))
		} else if m == Value && len(call.Args) == 0 {
			// A getter of a value that was read reads it too:
			// resp.GetPayload().GetData() of a secret store's response.
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && e.info.Selections[sel] != nil {
				n.kids = append(n.kids, e.readsOnly(e.trace(sel.X, Value)))
			}
		}
	}
}

// appendValue adds append(b, ...) in Value mode: a combination of its
// arguments (append([]byte(prefix), suffix...)).
func (e *Engine) appendValue(n *node, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) == 0 {
		return false
	}
	if b, ok := e.info.Uses[id].(*types.Builtin); !ok || b.Name() != "append" {
		return false
	}
	kids := make([]*node, len(call.Args))
	for i, a := range call.Args {
		kids[i] = e.trace(a, Value)
	}
	n.kids = append(n.kids, e.pure(call, Transform{Class: Combines, Via: "append"}, kids))
	return true
}

// isFuncValue reports whether x is a variable, parameter or field of
// function type, rather than a declared function or method.
func isFuncValue(info *types.Info, x ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	_, isVar := info.Uses[id].(*types.Var)
	return isVar
}

// ret is the node of result j of a function of the package in mode m: the
// union of that result of every return statement.
func (e *Engine) ret(fi *fnInfo, m Mode, j int) *node {
	k := retKey{fi, m, j}
	if n, ok := e.rets[k]; ok {
		return n
	}
	n := &node{}
	e.rets[k] = n // a recursive call finds this node: the graph gets a cycle
	for _, r := range fi.returns {
		switch {
		case len(r.Results) > j && (len(r.Results) > 1 || j == 0):
			n.kids = append(n.kids, e.trace(r.Results[j], m))
		case len(r.Results) == 1 && j > 0: // return f(), f having several results
			n.kids = append(n.kids, e.tupleNode(tuple{r.Results[0], j}, m))
		case len(r.Results) == 0 && j < len(fi.results) && fi.results[j] != nil:
			n.kids = append(n.kids, e.local(fi.results[j], m))
		}
	}
	return n
}

// argNode is the node of argument i of a call, spreading a variadic
// parameter over the trailing arguments (all of them count).
func (e *Engine) argNode(call *ast.CallExpr, i int, m Mode) *node {
	if call == nil || i >= len(call.Args) {
		return &node{}
	}
	if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
		return e.trace(call.Args[i], Elems)
	}
	fn := e.calleeOf(call)
	if fn != nil {
		sig := fn.Signature()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			// The variadic parameter is a slice of the trailing
			// arguments: its elements, and (flow-insensitively) the
			// slice itself, hold their values.
			n := &node{}
			for _, a := range call.Args[i:] {
				n.kids = append(n.kids, e.trace(a, Value))
			}
			return n
		}
	}
	return e.trace(call.Args[i], m)
}

// paramAtNode is every argument given to a parameter, at every call site
// in the package.
func (e *Engine) paramAtNode(p Param) *node {
	if n, ok := e.paramAt[p]; ok {
		return n
	}
	n := &node{kind: kindParamAt, param: p}
	e.paramAt[p] = n
	for _, c := range e.calls[p.Fn] {
		n.kids = append(n.kids, e.argNode(c, p.Index, p.Mode))
	}
	return n
}

// unsafeViews are the functions of package unsafe that view the memory
// of their first argument as another type, without a copy: the zero-copy
// conversion idiom (unsafe.String(unsafe.SliceData(b), len(b))) is a
// conversion, and its result holds what the argument holds.
var unsafeViews = map[string]bool{"String": true, "StringData": true, "Slice": true, "SliceData": true}

// unsafeView returns the argument a call of one of unsafeViews views.
func (e *Engine) unsafeView(call *ast.CallExpr) (ast.Expr, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return nil, false
	}
	b, ok := e.info.Uses[sel.Sel].(*types.Builtin)
	if !ok || !unsafeViews[b.Name()] {
		return nil, false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, false
	}
	if pn, ok := e.info.Uses[id].(*types.PkgName); !ok || pn.Imported().Path() != "unsafe" {
		return nil, false
	}
	return call.Args[0], true
}

// foreign is the node of a call of another package's function that has a
// summary; the fields the summary names are its kids, holding the reads
// this package writes into them (the function's package said what it
// writes). Their literals do not count: a getter of a generic field (a
// config table's Value, by key) returns one of them, not all of them, and
// flow-insensitively every default of every key would reach the key.
func (e *Engine) foreign(fn *types.Func, s *Summary, m Mode, call *ast.CallExpr) *node {
	n := &node{kind: kindForeign, callee: fn, summary: s, mode: m, call: call}
	for _, ref := range s.Results[m].Fields {
		if f := e.oracle.Field(ref); f != nil {
			n.kids = append(n.kids, e.readsOnly(e.global(f, ref.Mode)))
		}
	}
	return n
}
