package flow

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// An Oracle answers what the engine cannot see in the package: the
// behaviour of other packages' functions and variables (the analyzer's
// facts and catalogue), and which calls read a setting.
type Oracle interface {
	// Read reports whether call reads a setting (os.Getenv, a config
	// library's getter, a secret store, a function whose facts say it reads
	// the setting its parameter names), and where its name and value are.
	Read(call *ast.CallExpr) (Source, bool)
	// Transform reports what a function of another package does to its
	// arguments' values, if it returns them as they are or transformed.
	Transform(fn *types.Func) (Transform, bool)
	// Summary returns what a function of another package returns, or nil
	// if nothing is known.
	Summary(fn *types.Func) *Summary
	// VarValues returns the literals and reads a package-level variable of
	// another package may hold, with their origins.
	VarValues(v *types.Var) Values
	// FieldValues returns the literals and reads the package that declares
	// a struct field assigns to it; owner is the type it is selected from.
	FieldValues(f *types.Var, owner types.Type) Values
	// Origin describes an object of another package for a message:
	// "devcfg.DevKey (devcfg/keys.go:12)".
	Origin(obj types.Object) string
	// Field returns the field a summary's FieldRef names among the fields
	// the package gives values, or nil.
	Field(ref FieldRef) *types.Var
}

// A FieldRef names a struct field in a summary: a function of another
// package returns what the field holds (a config type's getter returning
// its receiver's field), including what the calling package writes into
// it. Its package's path, its name and its declaration's position name it
// as every package that imports its package sees it.
type FieldRef struct {
	Pkg, Name, Pos string
	Mode           Mode
}

// A Source says how a call reads a setting.
type Source struct {
	// NameArg is the argument that names the setting, or -1.
	NameArg int
	// Name is the setting's name when no argument gives it: the name a
	// chain of calls or a request's field carries ("" if none).
	Name string
	// Result is the result that holds the value.
	Result int
	// Kind says what it reads from, for a source that names no setting:
	// "a file", "the database", "a secret store" ("" for a setting).
	Kind string
	// Expand: the name argument is a template whose $NAMEs are the
	// settings read (os.ExpandEnv).
	Expand bool
	// CalleeName names the source for messages when the call's callee is
	// no function (a variable that holds one: var Unmarshal = toml.Unmarshal).
	CalleeName string
}

// A TransformClass says how a function's result relates to its arguments.
type TransformClass uint8

// The classes of Transform.
const (
	// AsIs returns one of its arguments' values as it is, or nearly
	// (cmp.Or, strings.TrimSpace).
	AsIs TransformClass = iota + 1
	// Transforms returns one argument's value changed: decoded, encoded,
	// hashed, repeated. A literal given to it is still the key, written
	// another way.
	Transforms
	// Combines builds its result from several arguments (fmt.Sprintf,
	// strings.Join): a hardcoded key only when every part is a literal.
	Combines
)

// A Transform is what a function does to the values of its arguments.
type Transform struct {
	Class TransformClass
	// Args are the arguments whose values flow to the result (nil: all);
	// Elems are the arguments whose elements do (strings.Join's elems).
	Args, Elems []int
	// Via describes it in a message: "base64-decoded", "hashed".
	Via string
	// Eval computes the result from constant arguments, for folding a
	// combination of literals; nil if it cannot.
	Eval func(args []Const) (string, bool)
}

// A Const is a constant argument of a folded combination: a string, an
// integer, or a list of strings (strings.Join's elements).
type Const struct {
	Str  string
	Int  int64
	List []string
	Kind ConstKind
}

// ConstKind is what a Const holds.
type ConstKind uint8

// The kinds of Const.
const (
	ConstString ConstKind = iota
	ConstInt
	ConstList
)

// Values are the literals and reads an object of another package holds.
type Values struct {
	Lits  []ForeignLit
	Reads []ForeignRead
}

// A ForeignLit is a literal of another package, as its facts carry it.
type ForeignLit struct {
	Value  string
	Origin string
	Via    string
}

// A Summary is what a function's results hold, per mode, as far as the
// package that declares it could tell: the facts that carry it let calls in
// other packages bind it to their arguments.
type Summary struct {
	Results [numModes]ResultSummary
}

// A ResultSummary is what result 0 of a function holds in one mode.
type ResultSummary struct {
	Lits   []ForeignLit
	Params []Arg // the function's parameters that flow to the result
	Reads  []ForeignRead
	// ReadParams are the parameters whose value names a setting that is
	// read and returned: getenv(key, def) returns the setting key names.
	ReadParams []int
	// Parts are the parameters that flow to the result only combined with
	// other values (fmt.Sprintf("%x", p)): a setting read into one is part
	// of the result, which carries the read, but no key is one of them.
	Parts []Arg
	// Fields are the struct fields whose values flow to the result.
	Fields []FieldRef
}

// Empty reports whether the summary says nothing.
func (s *Summary) Empty() bool {
	for _, r := range s.Results {
		if len(r.Lits)+len(r.Params)+len(r.Reads)+len(r.ReadParams)+len(r.Parts)+len(r.Fields) > 0 {
			return false
		}
	}
	return true
}

// An Engine is the value graph of one package. The analyzer feeds it from
// its single walk (Func, Return, Assign, AssignTuple, Range, Call), then
// queries it. Its state comes in four parts, each filled at its own time:
// what the walk indexed, the nodes built from it on demand, the caches of
// literal folding and of interface dispatch, and the queries' memos.
type Engine struct {
	info   *types.Info
	pkg    *types.Package
	oracle Oracle

	index         // what the walk indexed
	nodes         // the graph, built lazily from the index
	folds         // literals of transformations and combinations
	dispatchCache // implementations of interface methods

	q query // the query state, see query.go
}

// index is what the walk records: where each value comes from.
type index struct {
	assigns map[types.Object][]ast.Expr // variable, field or constant -> values assigned
	elems   map[types.Object][]ast.Expr // container -> values stored in its elements (m[k] = v, ch <- v)
	fills   map[memoKey][]Read          // variable or field, in a mode -> the reads that fill it
	lits    map[types.Object][]*Lit     // variable or field -> literals given outside the code
	tuples  map[types.Object][]tuple    // variable -> result i of a call
	ranges  map[types.Object][]ast.Expr // range variable -> the ranged expression
	funcs   map[ast.Node]*fnInfo        // *ast.FuncDecl or *ast.FuncLit -> info
	decls   map[*types.Func]*fnInfo
	params  map[*types.Var]paramRef
	calls   map[*types.Func][]*ast.CallExpr // function of the package -> its calls here
}

// nodes are the graph's nodes, one per expression, result, parameter and
// package-level object and mode, built when a query first needs them.
type nodes struct {
	memo    map[memoKey]*node
	rets    map[retKey]*node
	paramAt map[Param]*node
	globals map[memoKey]*node
}

// folds memoizes what transformations and combinations of literals give.
type folds struct {
	pureMemo map[*node][]*Lit // literals of transformations
	foldMemo map[*node]*Lit   // folded combinations
}

// dispatchCache memoizes the implementations of interface methods.
type dispatchCache struct {
	impls    map[*types.Func][]*types.Func     // interface method -> implementations
	ifaces   map[*types.Interface][]types.Type // interface -> the types that implement it
	concrete []*types.Named                    // the types implementations are looked for in
}

// An Arg is a parameter of a function given by position, as facts carry
// it: the value given to parameter Index, traced in Mode.
type Arg struct {
	Index int
	Mode  Mode
}

type tuple struct {
	call  ast.Expr
	index int
}

type paramRef struct {
	fn    *types.Func // nil for a parameter of a function literal: never bound
	index int
}

type fnInfo struct {
	fn      *types.Func // nil for a function literal
	returns []*ast.ReturnStmt
	results []*types.Var // named results, nil where unnamed
}

type memoKey struct {
	x    any // ast.Expr or types.Object
	mode Mode
}

type retKey struct {
	fn     *fnInfo
	mode   Mode
	result int
}

// New returns an empty engine for a type-checked package.
func New(info *types.Info, pkg *types.Package, oracle Oracle) *Engine {
	return &Engine{
		info:   info,
		pkg:    pkg,
		oracle: oracle,
		index: index{
			assigns: map[types.Object][]ast.Expr{},
			elems:   map[types.Object][]ast.Expr{},
			fills:   map[memoKey][]Read{},
			lits:    map[types.Object][]*Lit{},
			tuples:  map[types.Object][]tuple{},
			ranges:  map[types.Object][]ast.Expr{},
			funcs:   map[ast.Node]*fnInfo{},
			decls:   map[*types.Func]*fnInfo{},
			params:  map[*types.Var]paramRef{},
			calls:   map[*types.Func][]*ast.CallExpr{},
		},
		nodes: nodes{
			memo:    map[memoKey]*node{},
			rets:    map[retKey]*node{},
			paramAt: map[Param]*node{},
			globals: map[memoKey]*node{},
		},
		folds:         folds{pureMemo: map[*node][]*Lit{}, foldMemo: map[*node]*Lit{}},
		dispatchCache: dispatchCache{impls: map[*types.Func][]*types.Func{}, ifaces: map[*types.Interface][]types.Type{}},
		q:             newQuery(),
	}
}

// Func indexes a function declaration (fn set) or literal (fn nil): its
// parameters and named results.
func (e *Engine) Func(decl ast.Node, fn *types.Func, ft *ast.FuncType) {
	fi := &fnInfo{fn: fn}
	e.funcs[decl] = fi
	if fn != nil {
		e.decls[fn] = fi
	}
	if ft.Params != nil {
		i := 0
		for _, field := range ft.Params.List {
			if len(field.Names) == 0 {
				i++
				continue
			}
			for _, name := range field.Names {
				if v, ok := e.info.Defs[name].(*types.Var); ok {
					e.params[v] = paramRef{fn, i}
				}
				i++
			}
		}
	}
	if ft.Results != nil {
		for _, field := range ft.Results.List {
			if len(field.Names) == 0 {
				fi.results = append(fi.results, nil)
				continue
			}
			for _, name := range field.Names {
				v, _ := e.info.Defs[name].(*types.Var)
				fi.results = append(fi.results, v)
			}
		}
	}
}

// Return indexes a return statement of the function fn (the innermost
// *ast.FuncDecl or *ast.FuncLit around it).
func (e *Engine) Return(fn ast.Node, ret *ast.ReturnStmt) {
	if fi := e.funcs[fn]; fi != nil {
		fi.returns = append(fi.returns, ret)
	}
}

// Assign indexes lhs = rhs: to a variable, a constant, a struct field, or
// an element of a map, slice or array.
func (e *Engine) Assign(lhs, rhs ast.Expr) {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if obj := e.objectOf(l); obj != nil {
			e.assigns[obj] = append(e.assigns[obj], rhs)
		}
	case *ast.SelectorExpr:
		if sel, ok := e.info.Selections[l]; ok && sel.Kind() == types.FieldVal {
			e.assigns[sel.Obj()] = append(e.assigns[sel.Obj()], rhs)
		} else if obj := e.objectOf(l.Sel); obj != nil {
			e.assigns[obj] = append(e.assigns[obj], rhs) // pkg.Var = rhs
		}
	case *ast.IndexExpr:
		if obj := e.containerOf(l.X); obj != nil {
			e.elems[obj] = append(e.elems[obj], rhs)
		}
	case *ast.StarExpr:
		e.Assign(l.X, rhs)
	}
}

// AssignObject indexes a value given to a variable or field outside an
// assignment statement: a struct literal's field.
func (e *Engine) AssignObject(obj types.Object, rhs ast.Expr) {
	e.assigns[obj] = append(e.assigns[obj], rhs)
}

// AssignLit indexes a literal given to a variable or field outside the
// code: a struct tag's default, which a loader assigns to its field.
func (e *Engine) AssignLit(obj types.Object, l *Lit) {
	if v, ok := obj.(*types.Var); ok {
		obj = v.Origin()
	}
	e.lits[obj] = append(e.lits[obj], l)
}

// AssignTuple indexes lhs, ... = rhs where rhs has several results: lhs
// is result i of the call rhs.
func (e *Engine) AssignTuple(lhs, rhs ast.Expr, i int) {
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
		if v, ok := e.objectOf(id).(*types.Var); ok {
			e.tuples[v] = append(e.tuples[v], tuple{rhs, i})
		}
	}
}

// Range indexes a range statement: its value variable holds the elements
// of the ranged expression (its key variable, for a channel).
func (e *Engine) Range(r *ast.RangeStmt) {
	elem := r.Value
	if t := e.info.TypeOf(r.X); t != nil {
		if _, isChan := t.Underlying().(*types.Chan); isChan {
			elem = r.Key
		}
	}
	if elem == nil {
		return
	}
	if id, ok := ast.Unparen(elem).(*ast.Ident); ok {
		if v, ok := e.objectOf(id).(*types.Var); ok {
			e.ranges[v] = append(e.ranges[v], r.X)
		}
	}
}

// Send indexes ch <- v: the channel's elements hold v.
func (e *Engine) Send(s *ast.SendStmt) {
	if obj := e.containerOf(s.Chan); obj != nil {
		e.elems[obj] = append(e.elems[obj], s.Value)
	}
}

// Fill indexes a read that fills the variable or field target points to
// (flag.StringVar(&v, ...), row.Scan(&v)), or, for a map, slice or
// channel, its elements.
func (e *Engine) Fill(target ast.Expr, r Read) {
	x := ast.Unparen(target)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	obj := e.containerOf(x)
	if obj == nil {
		return
	}
	m := Value
	if t := obj.Type(); t != nil && isContainer(t) {
		m = Elems
	}
	e.FillObject(obj, m, r)
}

// FillObject indexes a read that fills a variable or field, in a mode: a
// struct-tag loader fills each field of the struct it is given.
func (e *Engine) FillObject(obj types.Object, m Mode, r Read) {
	if v, ok := obj.(*types.Var); ok {
		obj = v.Origin()
	}
	k := memoKey{obj, m}
	e.fills[k] = append(e.fills[k], r)
}

// isContainer reports whether values of t (or *t) hold their values in
// elements: a map, slice or channel that is not a []byte.
func isContainer(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Map, *types.Chan:
		return true
	case *types.Slice:
		return !IsByte(u.Elem())
	}
	return false
}

// Call indexes a call of a function of the package, whose parameters the
// engine may have to follow back to every argument given to them.
func (e *Engine) Call(call *ast.CallExpr, callee *types.Func) {
	if callee.Pkg() == e.pkg {
		callee = callee.Origin()
		e.calls[callee] = append(e.calls[callee], call)
	}
}

// Object returns the node of a variable, field or constant of the package.
func (e *Engine) Object(obj types.Object, m Mode) Node {
	n := &node{}
	e.object(n, obj, m, nil)
	if c, ok := obj.(*types.Const); ok && m == Value {
		for _, decl := range e.assigns[c] {
			n.kids = append(n.kids, e.trace(decl, Value))
		}
	}
	return n
}

// Result returns the node of result 0 of a function declared in the
// package, or nil.
func (e *Engine) Result(fn *types.Func, m Mode) Node {
	fi := e.decls[fn.Origin()]
	if fi == nil {
		return nil
	}
	return e.ret(fi, m, 0)
}

// Arg returns the node of argument i of a call, as the callee's parameter i
// receives it.
func (e *Engine) Arg(call *ast.CallExpr, i int, m Mode) Node { return e.argNode(call, i, m) }

// FuncLitResult returns the node of what a function literal returns.
func (e *Engine) FuncLitResult(lit *ast.FuncLit, m Mode) Node {
	if fi := e.funcs[lit]; fi != nil {
		return e.ret(fi, m, 0)
	}
	return &node{}
}

// Assigned returns the values assigned to a variable, field or constant of
// the package, in source order: the expressions of its assignments, and
// the calls whose results it receives (tok, err := jwt.ParseSigned(...)).
func (e *Engine) Assigned(obj types.Object) []ast.Expr {
	out := slices.Clone(e.assigns[obj])
	if v, ok := obj.(*types.Var); ok {
		for _, t := range e.tuples[v] {
			out = append(out, t.call)
		}
	}
	slices.SortFunc(out, func(a, b ast.Expr) int { return cmp.Compare(a.Pos(), b.Pos()) })
	return out
}

// HasValues reports whether the package gives a variable or field any
// value: without one, it holds nothing its facts could carry.
func (e *Engine) HasValues(obj types.Object) bool {
	if v, ok := obj.(*types.Var); ok {
		obj = v.Origin()
		if len(e.tuples[v]) > 0 {
			return true
		}
	}
	return len(e.assigns[obj])+len(e.ranges[obj])+len(e.lits[obj])+len(e.elems[obj]) > 0 || e.Filled(obj)
}

// Filled reports whether a read fills the variable or field (a loader
// fills each field of the struct it is given).
func (e *Engine) Filled(obj types.Object) bool {
	if v, ok := obj.(*types.Var); ok {
		obj = v.Origin()
	}
	return len(e.fills[memoKey{obj, Value}])+len(e.fills[memoKey{obj, Elems}]) > 0
}

// ForeignFields returns the fields of other packages' structs that the
// package gives a value (assigns, fills, composite literals), in source
// order.
func (e *Engine) ForeignFields() []*types.Var {
	seen := map[*types.Var]bool{}
	var out []*types.Var
	add := func(obj types.Object) {
		if v, ok := obj.(*types.Var); ok && v.IsField() && v.Pkg() != nil && v.Pkg() != e.pkg && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	for obj := range e.assigns {
		add(obj)
	}
	for obj := range e.lits {
		add(obj)
	}
	for k := range e.fills {
		if obj, ok := k.x.(types.Object); ok {
			add(obj)
		}
	}
	slices.SortFunc(out, func(a, b *types.Var) int {
		return cmp.Or(cmp.Compare(a.Pkg().Path(), b.Pkg().Path()), cmp.Compare(a.Pos(), b.Pos()), cmp.Compare(a.Name(), b.Name()))
	})
	return out
}

// MayMix reports whether a variable or field may hold values of more
// than one origin: it is given more than one value, or one that is a call
// (which may return a setting or its default). A fallback (a setting's
// value or a literal) needs one of the two.
func (e *Engine) MayMix(obj types.Object) bool {
	n := len(e.assigns[obj]) + len(e.ranges[obj]) + len(e.lits[obj]) + len(e.fills[memoKey{obj, Value}])
	if v, ok := obj.(*types.Var); ok {
		n += len(e.tuples[v])
		if len(e.tuples[v]) > 0 {
			return true
		}
	}
	if n != 1 || len(e.assigns[obj]) != 1 {
		return n > 1
	}
	_, isCall := ast.Unparen(e.assigns[obj][0]).(*ast.CallExpr)
	return isCall
}

// CallsOf returns the calls of a function of the package.
func (e *Engine) CallsOf(fn *types.Func) []*ast.CallExpr { return e.calls[fn.Origin()] }

// Declared reports whether fn is declared in the package with a body.
func (e *Engine) Declared(fn *types.Func) bool { return e.decls[fn.Origin()] != nil }

func (e *Engine) objectOf(id *ast.Ident) types.Object {
	if obj := e.info.Uses[id]; obj != nil {
		return obj
	}
	return e.info.Defs[id]
}

// containerOf returns the variable or field whose elements e indexes.
func (e *Engine) containerOf(x ast.Expr) types.Object {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return e.objectOf(x)
	case *ast.SelectorExpr:
		if sel, ok := e.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		return e.objectOf(x.Sel)
	}
	return nil
}

// calleeOf returns the function a call calls, if known statically.
func (e *Engine) calleeOf(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(e.info, call).(*types.Func)
	if fn != nil {
		fn = fn.Origin()
	}
	return fn
}

// isPackageLevel reports whether obj is declared at package level or is a
// field: its values come from anywhere in the package.
func isPackageLevel(obj types.Object) bool {
	if v, ok := obj.(*types.Var); ok && v.IsField() {
		return true
	}
	return obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope()
}
