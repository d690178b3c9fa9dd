package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// flowIndex is the package-wide index the walk builds so that a key
// expression can be traced back to the literals it may hold: through
// constants, variables, struct fields, conversions, calls of the package's
// own functions (with their arguments) and keyfuncs' returns. It is
// flow-insensitive: every value ever assigned to a variable or field counts.
type flowIndex struct {
	assigns   map[types.Object][]ast.Expr     // variable or field -> values assigned to it
	tuples    map[types.Object][]tupleSource  // variable -> result i of a call
	consts    map[*types.Const]ast.Expr       // constant declared here -> its value
	decls     map[*types.Func]*ast.FuncDecl   // function declared here -> declaration
	returns   map[ast.Node][]*ast.ReturnStmt  // FuncDecl or FuncLit -> its returns
	results   map[ast.Node][]*types.Var       // FuncDecl or FuncLit -> named results
	params    map[*types.Var]paramRef         // parameter -> its function and index
	callSites map[*types.Func][]*ast.CallExpr // function declared here -> its calls
	envVars   map[types.Object]string         // variable -> JWT secret env key read into it
	cmpOr     []*ast.CallExpr                 // cmp.Or calls, resolved after the walk
}

type tupleSource struct {
	call  ast.Expr
	index int
}

type paramRef struct {
	fn    *types.Func
	index int
}

func newFlowIndex() *flowIndex {
	return &flowIndex{
		assigns:   map[types.Object][]ast.Expr{},
		tuples:    map[types.Object][]tupleSource{},
		consts:    map[*types.Const]ast.Expr{},
		decls:     map[*types.Func]*ast.FuncDecl{},
		returns:   map[ast.Node][]*ast.ReturnStmt{},
		results:   map[ast.Node][]*types.Var{},
		params:    map[*types.Var]paramRef{},
		callSites: map[*types.Func][]*ast.CallExpr{},
		envVars:   map[types.Object]string{},
	}
}

// addFunc indexes a function's parameters and named results. fn is nil for
// a function literal, whose parameters have no call sites to trace.
func (x *flowIndex) addFunc(node ast.Node, ft *ast.FuncType, info *types.Info) {
	x.addFuncDecl(node, nil, ft, info)
}

func (x *flowIndex) addFuncDecl(node ast.Node, fn *types.Func, ft *ast.FuncType, info *types.Info) {
	if fn != nil && ft.Params != nil {
		i := 0
		for _, field := range ft.Params.List {
			if len(field.Names) == 0 {
				i++
				continue
			}
			for _, name := range field.Names {
				if v, ok := info.Defs[name].(*types.Var); ok {
					x.params[v] = paramRef{fn, i}
				}
				i++
			}
		}
	}
	if ft.Results != nil {
		var named []*types.Var
		for _, field := range ft.Results.List {
			for _, name := range field.Names {
				v, _ := info.Defs[name].(*types.Var)
				named = append(named, v)
			}
		}
		if len(named) > 0 {
			x.results[node] = named
		}
	}
}

func (x *flowIndex) addReturn(cur inspector.Cursor, ret *ast.ReturnStmt) {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		x.returns[fn.Node()] = append(x.returns[fn.Node()], ret)
		return
	}
}

// A frame binds the parameters of a function being traced into to the
// arguments of the call that led there, so that tracing getenv("JWT_SECRET",
// "dev") finds "dev" and not the defaults of every other getenv call.
type frame struct {
	call   *ast.CallExpr
	fn     *types.Func
	parent *frame
}

// emitFunc receives each literal found: the literal expression (a string
// literal, a constant expression or a byte-slice literal) and its value.
type emitFunc func(lit ast.Expr, value string)

// tracer follows one key expression back to its literals.
type tracer struct {
	info  *types.Info
	x     *flowIndex
	pkg   *types.Package
	emit  emitFunc
	seen  map[tracePoint]bool
	depth int
}

type tracePoint struct {
	node    any
	fr      *frame
	keyfunc bool
}

const maxTraceDepth = 32

func (c *checker) newTracer(emit emitFunc) *tracer {
	return &tracer{info: c.info, x: c.flow, pkg: c.pass.Pkg, emit: emit, seen: map[tracePoint]bool{}}
}

// enter guards against cycles (x = y; y = x) and runaway recursion.
func (t *tracer) enter(node any, fr *frame, keyfunc bool) bool {
	p := tracePoint{node, fr, keyfunc}
	if t.seen[p] || t.depth >= maxTraceDepth {
		return false
	}
	t.seen[p] = true
	return true
}

// value traces an expression that is itself the key.
func (t *tracer) value(e ast.Expr, fr *frame) {
	e = ast.Unparen(e)
	if !t.enter(e, fr, false) {
		return
	}
	t.depth++
	defer func() { t.depth-- }()

	if tv, ok := t.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		t.constant(e, constant.StringVal(tv.Value))
		return
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		if v, ok := t.byteSliceLiteral(e); ok {
			t.emit(e, v)
		}
	case *ast.CallExpr:
		t.call(e, fr, false)
	case *ast.Ident:
		t.object(t.objectOf(e), fr, false)
	case *ast.SelectorExpr:
		t.selector(e, fr, false)
	case *ast.StarExpr:
		t.value(e.X, fr)
	case *ast.UnaryExpr:
		t.value(e.X, fr)
	case *ast.TypeAssertExpr:
		t.value(e.X, fr)
	}
}

// keyfunc traces an expression that is a function returning the key (a
// jwt.Keyfunc): its returns' first results are keys.
func (t *tracer) keyfunc(e ast.Expr, fr *frame) {
	e = ast.Unparen(e)
	if !t.enter(e, fr, true) {
		return
	}
	t.depth++
	defer func() { t.depth-- }()

	switch e := e.(type) {
	case *ast.FuncLit:
		t.returnsOf(e, fr, false)
	case *ast.CallExpr:
		t.call(e, fr, true)
	case *ast.Ident:
		t.object(t.objectOf(e), fr, true)
	case *ast.SelectorExpr:
		t.selector(e, fr, true)
	}
}

// constant reports a constant-valued expression: a literal where it stands,
// or, for a named constant declared in this package, its declaration.
func (t *tracer) constant(e ast.Expr, v string) {
	switch e := e.(type) {
	case *ast.BasicLit, *ast.BinaryExpr:
		t.emit(e, v)
	case *ast.Ident:
		if c, ok := t.objectOf(e).(*types.Const); ok {
			if decl, ok := t.x.consts[c]; ok {
				t.value(decl, nil)
			}
		}
	case *ast.SelectorExpr:
		if c, ok := t.objectOf(e.Sel).(*types.Const); ok {
			if decl, ok := t.x.consts[c]; ok {
				t.value(decl, nil)
			}
		}
	case *ast.CallExpr: // string("...") or a conversion to a named string type
		if len(e.Args) == 1 {
			t.value(e.Args[0], nil)
		}
	}
}

func (t *tracer) call(call *ast.CallExpr, fr *frame, keyfunc bool) {
	if tv, ok := t.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 { // a conversion: []byte(s), jwt.Keyfunc(f)
			t.trace(call.Args[0], fr, keyfunc)
		}
		return
	}
	callee := typeutil.Callee(t.info, call)
	fn, ok := callee.(*types.Func)
	if !ok {
		return
	}
	fn = fn.Origin()
	if !keyfunc && fn.Pkg() != nil && fn.Pkg().Path() == "cmp" && fn.Name() == "Or" {
		for _, a := range call.Args {
			t.value(a, fr)
		}
		return
	}
	decl, ok := t.x.decls[fn]
	if !ok {
		return // a function of another package: its result is not a literal we can place
	}
	t.returnsOf(decl, &frame{call: call, fn: fn, parent: fr}, keyfunc)
}

// returnsOf traces the first result of every return of a function. With
// keyfunc set, that result is itself a keyfunc (a factory of keyfuncs).
func (t *tracer) returnsOf(fn ast.Node, fr *frame, keyfunc bool) {
	for _, ret := range t.x.returns[fn] {
		if len(ret.Results) > 0 {
			t.trace(ret.Results[0], fr, keyfunc)
		} else if named := t.x.results[fn]; len(named) > 0 && named[0] != nil {
			t.object(named[0], fr, keyfunc)
		}
	}
}

func (t *tracer) trace(e ast.Expr, fr *frame, keyfunc bool) {
	if keyfunc {
		t.keyfunc(e, fr)
	} else {
		t.value(e, fr)
	}
}

func (t *tracer) selector(e *ast.SelectorExpr, fr *frame, keyfunc bool) {
	if sel, ok := t.info.Selections[e]; ok {
		switch sel.Kind() {
		case types.FieldVal:
			// Every value assigned to the field anywhere in the package.
			for _, v := range t.x.assigns[sel.Obj()] {
				t.trace(v, nil, keyfunc)
			}
		case types.MethodVal, types.MethodExpr:
			if keyfunc {
				t.object(sel.Obj(), nil, true)
			}
		}
		return
	}
	t.object(t.objectOf(e.Sel), fr, keyfunc) // a qualified identifier
}

func (t *tracer) object(obj types.Object, fr *frame, keyfunc bool) {
	if obj == nil || !t.enter(obj, fr, keyfunc) {
		return
	}
	switch obj := obj.(type) {
	case *types.Func:
		if keyfunc {
			if decl, ok := t.x.decls[obj.Origin()]; ok {
				t.returnsOf(decl, nil, false)
			}
		}
	case *types.Var:
		// A parameter holds its arguments and, like any variable, what the
		// body assigns to it: if len(key) == 0 { key = []byte("dev") }.
		if ref, ok := t.x.params[obj]; ok {
			t.param(ref, fr, keyfunc)
		}
		for _, v := range t.x.assigns[obj] {
			t.trace(v, fr, keyfunc)
		}
		for _, ts := range t.x.tuples[obj] {
			t.tuple(ts, fr, keyfunc)
		}
	}
}

// param traces a parameter: to the argument of the call being traced into,
// or, when tracing started inside the function, to the argument of every
// call of it in the package.
func (t *tracer) param(ref paramRef, fr *frame, keyfunc bool) {
	for f := fr; f != nil; f = f.parent {
		if f.fn == ref.fn {
			if arg := argAt(f.call, ref.index); arg != nil {
				t.trace(arg, f.parent, keyfunc)
			}
			return
		}
	}
	for _, call := range t.x.callSites[ref.fn] {
		if arg := argAt(call, ref.index); arg != nil {
			t.trace(arg, nil, keyfunc)
		}
	}
}

// tuple traces `a, b := f()`: result i of every return of f.
func (t *tracer) tuple(ts tupleSource, fr *frame, keyfunc bool) {
	call, ok := ast.Unparen(ts.call).(*ast.CallExpr)
	if !ok {
		return
	}
	fn, ok := typeutil.Callee(t.info, call).(*types.Func)
	if !ok {
		return
	}
	decl, ok := t.x.decls[fn.Origin()]
	if !ok {
		return
	}
	inner := &frame{call: call, fn: fn.Origin(), parent: fr}
	for _, ret := range t.x.returns[decl] {
		if ts.index < len(ret.Results) && len(ret.Results) > 1 {
			t.trace(ret.Results[ts.index], inner, keyfunc)
		}
	}
}

func argAt(call *ast.CallExpr, i int) ast.Expr {
	if i < len(call.Args) && !call.Ellipsis.IsValid() {
		return call.Args[i]
	}
	return nil
}

func (t *tracer) objectOf(id *ast.Ident) types.Object {
	if obj := t.info.Uses[id]; obj != nil {
		return obj
	}
	return t.info.Defs[id]
}

// byteSliceLiteral returns the value of a []byte{...} or [N]byte{...}
// literal whose elements are all constants.
func (t *tracer) byteSliceLiteral(lit *ast.CompositeLit) (string, bool) {
	var elem types.Type
	switch u := t.info.TypeOf(lit).Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return "", false
	}
	if !isByte(elem) || len(lit.Elts) == 0 {
		return "", false
	}
	b := make([]byte, 0, len(lit.Elts))
	for _, e := range lit.Elts {
		tv, ok := t.info.Types[e]
		if !ok || tv.Value == nil {
			return "", false
		}
		n, ok := constant.Int64Val(constant.ToInt(tv.Value))
		if !ok {
			return "", false
		}
		b = append(b, byte(n))
	}
	return string(b), true
}
