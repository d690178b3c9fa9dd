package recipe

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// A Match is a call that a recipe's pattern matched, with the expressions
// each wildcard bound.
type Match struct {
	Recipe *Recipe
	Call   *ast.CallExpr

	target *Target
	bind   []binding // by wildcard index
	// stmt is set when the call is a statement of its own (an expression,
	// go or defer statement): its results are not used.
	stmt bool
	// parent is the node that holds the call.
	parent ast.Node
}

// A binding is what a wildcard matched: one expression, or for a variadic
// wildcard the arguments it took (none, several, or one spread with ...).
type binding struct {
	set    bool
	exprs  []ast.Expr
	spread bool
	// prefix is "&" or "*" when a method's receiver was matched through
	// Go's implicit address or dereference.
	prefix string
}

// A matcher matches one recipe's pattern against one call.
type matcher struct {
	t     *Target
	r     *Recipe
	bind  []binding
	types map[*wildcard]types.Type
}

// match matches r against call; it returns a *Refusal when the pattern
// matched but rewriting the call would be unsafe.
func match(t *Target, r *Recipe, call *ast.CallExpr) (*Match, error) {
	m := &matcher{t: t, r: r, bind: make([]binding, len(r.wildcards)), types: map[*wildcard]types.Type{}}
	if !m.expr(r.before.expr, call) || !m.resultsFit(call) {
		return nil, nil
	}
	res := &Match{Recipe: r, Call: call, target: t, bind: m.bind}
	if reason := res.context(); reason != "" {
		if reason == voidMismatch {
			return nil, nil
		}
		return nil, &Refusal{Recipe: r, Reason: reason}
	}
	if reason := res.evaluation(); reason != "" {
		return nil, &Refusal{Recipe: r, Reason: reason}
	}
	return res, nil
}

// typeOf is a wildcard's type in the target's world, nil if the target
// cannot have values of it.
func (m *matcher) typeOf(w *wildcard) types.Type {
	t, ok := m.types[w]
	if !ok {
		t = resolveType(w.typ, m.r.file, m.t.lookup)
		m.types[w] = t
	}
	return t
}

// expr matches the pattern p against the target expression x.
func (m *matcher) expr(p, x ast.Expr) bool {
	p, x = ast.Unparen(p), ast.Unparen(x)
	if w := m.r.before.uses[fn2ident(p)]; w != nil {
		return m.wildcard(w, x, "")
	}
	switch p := p.(type) {
	case *ast.Ident:
		obj := m.t.objectOf(x)
		return obj != nil && obj == types.Universe.Lookup(p.Name)
	case *ast.BasicLit:
		v := m.t.Info.Types[x].Value
		return v != nil && sameConstant(constant.MakeFromLiteral(p.Value, p.Kind, 0), v)
	case *ast.SelectorExpr:
		if path, ok := qualifierPath(p, m.r.file); ok && m.r.before.uses[fn2ident(p.X)] == nil {
			return m.isObject(x, path, p.Sel.Name)
		}
		return m.selector(p, x)
	case *ast.CallExpr:
		x, ok := x.(*ast.CallExpr)
		return ok && m.call(p, x)
	case *ast.StarExpr:
		x, ok := x.(*ast.StarExpr)
		return ok && m.expr(p.X, x.X)
	case *ast.UnaryExpr:
		x, ok := x.(*ast.UnaryExpr)
		return ok && p.Op == x.Op && m.expr(p.X, x.X)
	case *ast.BinaryExpr:
		x, ok := x.(*ast.BinaryExpr)
		return ok && p.Op == x.Op && m.expr(p.X, x.X) && m.expr(p.Y, x.Y)
	case *ast.IndexExpr:
		x, ok := x.(*ast.IndexExpr)
		return ok && m.expr(p.X, x.X) && m.operand(p.Index, x.Index)
	case *ast.SliceExpr:
		x, ok := x.(*ast.SliceExpr)
		return ok && p.Slice3 == x.Slice3 && m.expr(p.X, x.X) &&
			m.optional(p.Low, x.Low) && m.optional(p.High, x.High) && m.optional(p.Max, x.Max)
	case *ast.TypeAssertExpr:
		x, ok := x.(*ast.TypeAssertExpr)
		return ok && x.Type != nil && m.expr(p.X, x.X) && m.sameType(p.Type, m.t.Info.Types[x.Type].Type)
	case *ast.CompositeLit:
		x, ok := x.(*ast.CompositeLit)
		return ok && m.compositeLit(p, x)
	}
	return false
}

// operand matches an index, which is a type in an instantiation.
func (m *matcher) operand(p, x ast.Expr) bool {
	if tv := m.t.Info.Types[x]; tv.IsType() {
		return m.sameType(p, tv.Type)
	}
	return m.expr(p, x)
}

func (m *matcher) optional(p, x ast.Expr) bool {
	if p == nil || x == nil {
		return p == nil && x == nil
	}
	return m.expr(p, x)
}

// sameType reports whether the recipe type expression p denotes t.
func (m *matcher) sameType(p ast.Expr, t types.Type) bool {
	pt := resolveType(p, m.r.file, m.t.lookup)
	return pt != nil && t != nil && types.Identical(pt, t)
}

// isObject reports whether x names the package-level object path.name.
func (m *matcher) isObject(x ast.Expr, path, name string) bool {
	obj := m.t.objectOf(x)
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != path || obj.Name() != name {
		return false
	}
	if fn, ok := obj.(*types.Func); ok {
		obj = fn.Origin()
	}
	return obj.Pkg().Scope().Lookup(name) == obj
}

// wildcard binds w to x when x's type fits: assignable to w's type, or,
// for a method's receiver (prefix "&" or "*"), through Go's implicit
// address or dereference. A wildcard met again must meet the same value.
func (m *matcher) wildcard(w *wildcard, x ast.Expr, prefix string) bool {
	tv, ok := m.t.Info.Types[x]
	wt := m.typeOf(w)
	if !ok || !tv.IsValue() || wt == nil {
		return false
	}
	if prefix == "" && !types.AssignableTo(tv.Type, wt) {
		return false
	}
	b := &m.bind[w.index]
	if b.set {
		// Two occurrences have the same value only if they are the same
		// side-effect-free expression: lib.F(next(), next()) never
		// matches F(x, x).
		old := b.exprs[0]
		return b.prefix == prefix && m.t.pure(old) && m.t.pure(x) && m.t.sameValue(old, x)
	}
	*b = binding{set: true, exprs: []ast.Expr{x}, prefix: prefix}
	return true
}

// selector matches p.X.Sel against x, a field or method selection.
func (m *matcher) selector(p *ast.SelectorExpr, x ast.Expr) bool {
	xs, ok := x.(*ast.SelectorExpr)
	if !ok || xs.Sel.Name != p.Sel.Name {
		return false
	}
	w := m.r.before.uses[fn2ident(ast.Unparen(p.X))]
	if w == nil {
		return m.expr(p.X, xs.X)
	}
	wt := m.typeOf(w)
	sel := m.t.Info.Selections[xs]
	if wt == nil || sel == nil {
		return false
	}
	xt := m.t.Info.TypeOf(xs.X)
	prefix := ""
	switch {
	case types.AssignableTo(xt, wt):
	case types.Identical(wt, types.NewPointer(xt)) && addressable(m.t, xs.X):
		prefix = "&"
	case types.Identical(xt, types.NewPointer(wt)):
		prefix = "*"
	default:
		return false
	}
	if !m.wildcard(w, xs.X, prefix) {
		return false
	}
	// The selection must be the one the wildcard's type makes: the same
	// field or method, or any method of an interface type, which the call
	// dispatches to the target's.
	obj, _, _ := types.LookupFieldOrMethod(wt, true, sel.Obj().Pkg(), p.Sel.Name)
	if obj == nil {
		return false
	}
	if types.IsInterface(wt) {
		_, isFunc := obj.(*types.Func)
		return isFunc
	}
	return obj == originOf(sel.Obj())
}

func originOf(obj types.Object) types.Object {
	switch o := obj.(type) {
	case *types.Func:
		return o.Origin()
	case *types.Var:
		return o.Origin()
	}
	return obj
}

// addressable reports whether &x is valid and means x: a variable, or a
// field path of one.
func addressable(t *Target, x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		_, isVar := t.Info.ObjectOf(x).(*types.Var)
		return isVar
	case *ast.SelectorExpr:
		if sel := t.Info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			return addressable(t, x.X) || isPointer(t.Info.TypeOf(x.X))
		}
		_, isVar := t.objectOf(x).(*types.Var)
		return isVar
	}
	return false
}

func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).Underlying().(*types.Pointer)
	return ok
}

// call matches a call of the pattern: the function, then the arguments, a
// variadic wildcard taking whatever arguments remain.
func (m *matcher) call(p, x *ast.CallExpr) bool {
	if !m.fun(ast.Unparen(p.Fun), ast.Unparen(x.Fun)) {
		return false
	}
	n := len(p.Args)
	if n > 0 {
		if w := m.r.before.uses[fn2ident(p.Args[n-1])]; w != nil && w.variadic {
			return len(x.Args) >= n-1 && m.args(p.Args[:n-1], x.Args[:n-1]) && m.variadic(w, x.Args[n-1:], x.Ellipsis.IsValid())
		}
	}
	return p.Ellipsis.IsValid() == x.Ellipsis.IsValid() && len(p.Args) == len(x.Args) && m.args(p.Args, x.Args)
}

func (m *matcher) args(ps, xs []ast.Expr) bool {
	for i := range ps {
		if !m.expr(ps[i], xs[i]) {
			return false
		}
	}
	return true
}

// variadic binds a variadic wildcard to the arguments it takes: each
// assignable to its element type, or one slice spread with ....
func (m *matcher) variadic(w *wildcard, xs []ast.Expr, spread bool) bool {
	slice, ok := m.typeOf(w).(*types.Slice)
	if !ok {
		return false
	}
	for _, x := range xs {
		want := slice.Elem()
		if spread {
			want = slice
		}
		if tv, ok := m.t.Info.Types[x]; !ok || !tv.IsValue() || !types.AssignableTo(tv.Type, want) {
			return false
		}
	}
	if spread && len(xs) != 1 {
		return false
	}
	m.bind[w.index] = binding{set: true, exprs: xs, spread: spread}
	return true
}

// fun matches a call's function: a library function named in the pattern
// matches its call with or without type arguments (the result types
// check the instance); type arguments in the pattern must be the call's.
func (m *matcher) fun(p, x ast.Expr) bool {
	switch pf := p.(type) {
	case *ast.IndexExpr:
		if sel, ok := stripInstance(pf, m.r.file).(*ast.SelectorExpr); ok && sel != p {
			return m.instance(sel, []ast.Expr{pf.Index}, x)
		}
	case *ast.IndexListExpr:
		if sel, ok := stripInstance(pf, m.r.file).(*ast.SelectorExpr); ok && sel != p {
			return m.instance(sel, pf.Indices, x)
		}
	case *ast.SelectorExpr:
		if path, ok := qualifierPath(pf, m.r.file); ok && m.r.before.uses[fn2ident(pf.X)] == nil {
			return m.isObject(stripTargetInstance(x), path, pf.Sel.Name)
		}
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.InterfaceType, *ast.StructType:
		tv := m.t.Info.Types[x]
		return tv.IsType() && m.sameType(p, tv.Type)
	}
	return m.expr(p, x)
}

// instance matches pkg.F[T...] against a call's function, whose type
// arguments may be written or inferred.
func (m *matcher) instance(sel *ast.SelectorExpr, targs []ast.Expr, x ast.Expr) bool {
	base := stripTargetInstance(x)
	path, _ := qualifierPath(sel, m.r.file)
	if !m.isObject(base, path, sel.Sel.Name) {
		return false
	}
	var id *ast.Ident
	switch b := base.(type) {
	case *ast.Ident:
		id = b
	case *ast.SelectorExpr:
		id = b.Sel
	default:
		return false
	}
	inst, ok := m.t.Info.Instances[id]
	if !ok || inst.TypeArgs.Len() != len(targs) {
		return false
	}
	for i, a := range targs {
		if !m.sameType(a, inst.TypeArgs.At(i)) {
			return false
		}
	}
	return true
}

// stripTargetInstance removes written type arguments from a call's
// function: F[int] is F.
func stripTargetInstance(x ast.Expr) ast.Expr {
	switch f := x.(type) {
	case *ast.IndexExpr:
		return ast.Unparen(f.X)
	case *ast.IndexListExpr:
		return ast.Unparen(f.X)
	}
	return x
}

func (m *matcher) compositeLit(p, x *ast.CompositeLit) bool {
	if (p.Type == nil) != (x.Type == nil) || len(p.Elts) != len(x.Elts) {
		return false
	}
	if p.Type != nil && !m.sameType(p.Type, m.t.Info.Types[x].Type) {
		return false
	}
	_, isStruct := m.t.Info.Types[x].Type.Underlying().(*types.Struct)
	for i := range p.Elts {
		pkv, pok := p.Elts[i].(*ast.KeyValueExpr)
		xkv, xok := x.Elts[i].(*ast.KeyValueExpr)
		if pok != xok {
			return false
		}
		if !pok {
			if !m.expr(p.Elts[i], x.Elts[i]) {
				return false
			}
			continue
		}
		if isStruct {
			pk, xk := fn2ident(pkv.Key), fn2ident(xkv.Key)
			if pk == nil || xk == nil || pk.Name != xk.Name {
				return false
			}
		} else if !m.expr(pkv.Key, xkv.Key) {
			return false
		}
		if !m.expr(pkv.Value, xkv.Value) {
			return false
		}
	}
	return true
}

// resultsFit reports whether the call's results have the types the recipe
// declares (for a recipe without results, any: the call must then be a
// statement, which context checks).
func (m *matcher) resultsFit(call *ast.CallExpr) bool {
	if len(m.r.results) == 0 {
		return true
	}
	got := m.t.Info.TypeOf(call)
	var gots []types.Type
	if tuple, ok := got.(*types.Tuple); ok {
		for v := range tuple.Variables() {
			gots = append(gots, v.Type())
		}
	} else if got != nil {
		gots = []types.Type{got}
	}
	if len(gots) != len(m.r.results) {
		return false
	}
	for i, rt := range m.r.results {
		if !m.sameType(rt, gots[i]) {
			return false
		}
	}
	return true
}

// sameConstant compares two constants of compatible kinds.
func sameConstant(a, b constant.Value) bool {
	numeric := func(k constant.Kind) bool { return k == constant.Int || k == constant.Float || k == constant.Complex }
	ka, kb := a.Kind(), b.Kind()
	if ka == constant.Unknown || kb == constant.Unknown || (ka != kb && (!numeric(ka) || !numeric(kb))) {
		return false
	}
	return constant.Compare(a, token.EQL, b)
}

// voidMismatch is context's answer for a recipe without results on a call
// whose results are used: not a match at all.
const voidMismatch = "\x00void"

// context checks where the call stands: a recipe without results matches
// only a call whose results are discarded, and a template that is not a
// call cannot replace a call that stands as a statement.
func (m *Match) context() string {
	path := m.target.ancestors(m.Call)
	var parent ast.Node
	if len(path) > 0 {
		m.parent = path[0]
	}
	for _, up := range path {
		if _, isParen := up.(*ast.ParenExpr); !isParen {
			parent = up
			break
		}
	}
	switch parent.(type) {
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		m.stmt = true
	}
	_, isCall := ast.Unparen(m.Recipe.after.expr).(*ast.CallExpr)
	if len(m.Recipe.results) == 0 && !m.stmt {
		return voidMismatch
	}
	if m.stmt && !isCall {
		if _, ok := parent.(*ast.ExprStmt); !ok || !isReceive(m.Recipe.after.expr) {
			return fmt.Sprintf("the call is a statement and %s's expression, not being a call, cannot be one", m.Recipe.after.fn.Name.Name)
		}
	}
	return ""
}

func isReceive(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// evaluation checks that the rewrite evaluates what the call evaluated:
// a binding the after drops or repeats must be free of side effects, and
// those that are not must keep their order.
func (m *Match) evaluation() string {
	r := m.Recipe
	var impureBefore []*wildcard
	for _, w := range r.wildcards {
		b := m.bind[w.index]
		pure := m.pureBinding(b)
		switch {
		case w.usesAfter == 0 && !pure:
			return fmt.Sprintf("%s drops %s, and %s may have side effects", r.after.fn.Name.Name, w.name, m.quote(b))
		case w.usesAfter > 1 && !pure:
			return fmt.Sprintf("%s uses %s %d times, which would evaluate %s as often", r.after.fn.Name.Name, w.name, w.usesAfter, m.quote(b))
		case !pure:
			impureBefore = append(impureBefore, w)
		}
	}
	if len(impureBefore) < 2 {
		return ""
	}
	sortByOrder(impureBefore)
	after := r.afterOrder()
	i := 0
	for _, w := range after {
		if !m.pureBinding(m.bind[w.index]) {
			if impureBefore[i] != w {
				return fmt.Sprintf("%s evaluates %s before %s, the other way round from the call, and both may have side effects", r.after.fn.Name.Name, w.name, impureBefore[i].name)
			}
			i++
		}
	}
	return ""
}

func (m *Match) pureBinding(b binding) bool {
	for _, e := range b.exprs {
		if !m.target.pure(e) {
			return false
		}
	}
	return true
}

// quote shows a binding's text in a message, on one line and cut short.
func (m *Match) quote(b binding) string {
	s := ""
	for i, e := range b.exprs {
		if i > 0 {
			s += ", "
		}
		s += m.target.text(e)
	}
	return quoteSnippet(s)
}

func sortByOrder(ws []*wildcard) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && ws[j].order < ws[j-1].order; j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// afterOrder lists the wildcards by their first occurrence in the after.
func (r *Recipe) afterOrder() []*wildcard {
	var ws []*wildcard
	seen := map[*wildcard]bool{}
	ast.Inspect(r.after.expr, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if w := r.after.uses[id]; w != nil && !seen[w] {
				seen[w] = true
				ws = append(ws, w)
			}
		}
		return true
	})
	return ws
}
