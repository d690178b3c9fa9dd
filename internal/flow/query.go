package flow

import (
	"go/ast"
	"go/types"
	"os"
	"slices"
)

// maxRounds bounds the recomputation of a parameter or read set that
// depends on itself through recursion; stepBudget bounds the node visits of
// one query. Both are far above what real code needs: a set converges in
// two rounds for a function that calls itself, and the benchmarks' largest
// package stays far below the budget (docs/performance.md).
const (
	maxRounds  = 4
	stepBudget = 1 << 22
)

// query holds the memoized results of the engine's queries.
type query struct {
	params   map[*node][]Param // final parameter sets
	parts    map[*node][]Param // final sets of parameters, combined or not
	stored   map[*node][]Param // final sets of parameters stored in globals
	storedP  map[*node][]Param // the same, combined or not
	reads    map[*node][]Read  // final read sets
	overflow bool              // some query stopped at its budget
}

func newQuery() query {
	return query{params: map[*node][]Param{}, parts: map[*node][]Param{}, stored: map[*node][]Param{},
		storedP: map[*node][]Param{}, reads: map[*node][]Read{}}
}

// Params returns the parameters of the package's functions that flow into
// n through values of their own function: a parameter whose value reaches
// a key there, or a function's result. Parameters reach n through variables,
// conversions, closures and the results of calls, bound at each call to its
// arguments; not through package-level variables or fields, whose values
// come from every caller (Literals follows those).
func (e *Engine) Params(n Node) []Param {
	return fixpoint(e, n, e.q.params, func(s *setRun[Param], x *node) []Param { return e.paramsOf(s, x, false) })
}

// PartParams returns the parameters that flow into n as Params's do, or
// combined with other values (fmt.Sprintf("%x", p), "k-" + p): what a
// setting read into one of them is part of, which Reads follows, as it
// follows a read combined in place.
func (e *Engine) PartParams(n Node) []Param {
	return fixpoint(e, n, e.q.parts, func(s *setRun[Param], x *node) []Param { return e.paramsOf(s, x, true) })
}

// StoredParams returns the parameters that flow into n through a
// package-level variable or a field: a constructor's parameter stored in a
// field that a method later uses (NewService(secret) keeping secret in
// s.secret, which Sign passes to the library). Their values come from every
// call of their function, so they are not bound to a context as Params's
// are; a fact that says "this parameter reaches a key" is still true of
// them, and carries the flow to the packages that call the constructor.
func (e *Engine) StoredParams(n Node) []Param {
	return fixpoint(e, n, e.q.stored, func(s *setRun[Param], x *node) []Param { return e.storedOf(s, x, false) })
}

// StoredPartParams returns the parameters that flow into n through a
// package-level variable or a field as StoredParams's do, or combined with
// other values on the way (sha256.Sum256(append([]byte("passback:"),
// salt...)) of a salt a constructor keeps): what a setting read into one
// is part of.
func (e *Engine) StoredPartParams(n Node) []Param {
	return fixpoint(e, n, e.q.storedP, func(s *setRun[Param], x *node) []Param { return e.storedOf(s, x, true) })
}

// Reads returns the settings n may have been read from: by name, or by a
// parameter of its function (ByParam).
func (e *Engine) Reads(n Node) []Read {
	return fixpoint(e, n, e.q.reads, func(s *setRun[Read], x *node) []Read { return e.readsOf(s, x) })
}

// Overflowed reports whether a query stopped at its step budget.
func (e *Engine) Overflowed() bool { return e.q.overflow }

// A setRun is one computation of sets over the graph: a depth-first walk
// that meets a cycle when it finds a node on its stack. The sets of the
// nodes on a cycle are then computed again, from the previous round's, until
// the root's no longer changes (at most maxRounds rounds).
//
// A round writes each set straight into the memo and keeps the list of the
// nodes it wrote: most queries meet no cycle, and their sets are final as
// they are made. Only a round that met a cycle and is run again takes its
// sets back out, as the next round's partial ones. No query nests into a
// query of the same memo (Reads and the stored sets ask Params, never
// themselves), so no other query sees a set that is taken back.
type setRun[T comparable] struct {
	memo    map[*node][]T // final sets, shared by every query
	onStack map[*node]bool
	partial map[*node][]T // the previous round's sets
	written []*node       // the nodes whose sets this round put in memo
	cycle   bool
	steps   int
	e       *Engine
}

func fixpoint[T comparable](e *Engine, n *node, memo map[*node][]T, f func(*setRun[T], *node) []T) []T {
	if r, ok := memo[n]; ok {
		return r
	}
	s := &setRun[T]{memo: memo, onStack: map[*node]bool{}, e: e}
	var prev []T
	for round := 0; ; round++ {
		s.cycle, s.steps, s.written = false, 0, s.written[:0]
		r := f(s, n)
		if !s.cycle || round+1 == maxRounds || (round > 0 && slices.Equal(r, prev)) {
			memo[n] = r
			return r
		}
		s.partial, prev = make(map[*node][]T, len(s.written)), r
		for _, k := range s.written {
			s.partial[k] = memo[k]
			delete(memo, k)
		}
	}
}

// enter starts the set of n; it returns n's set and false when it is known
// (final or from this round, or, on a cycle, from the previous round).
func (s *setRun[T]) enter(n *node) ([]T, bool) {
	if r, ok := s.memo[n]; ok {
		return r, false
	}
	if s.onStack[n] {
		s.cycle = true
		return s.partial[n], false
	}
	if s.steps++; s.steps > stepBudget {
		s.e.q.overflow = true // past the budget: unknown, which is no finding
		return nil, false
	}
	s.onStack[n] = true
	return nil, true
}

func (s *setRun[T]) leave(n *node, set []T) []T {
	delete(s.onStack, n)
	s.memo[n] = set
	s.written = append(s.written, n)
	return set
}

func (e *Engine) paramsOf(s *setRun[Param], n *node, parts bool) []Param {
	r, ok := s.enter(n)
	if !ok {
		return r
	}
	set := slices.Clone(n.params)
	switch n.kind {
	case kindUnion:
		for _, k := range n.kids {
			set = union(set, e.paramsOf(s, k, parts))
		}
	case kindPure:
		// A parameter transformed on its own still reaches the result;
		// one combined with other values is only part of it.
		if parts || n.xform.Class != Combines {
			for _, k := range n.kids {
				set = union(set, e.paramsOf(s, k, parts))
			}
		}
	case kindCall:
		// Within this run: a recursive function's result depends on itself.
		for _, a := range e.boundArgs(n, e.paramsOf(s, e.ret(e.decls[n.callee], n.mode, n.result), parts)) {
			set = union(set, e.paramsOf(s, a, parts))
		}
	case kindForeign:
		for _, a := range e.summaryArgs(n, parts) {
			set = union(set, e.paramsOf(s, a, parts))
		}
	}
	return s.leave(n, set)
}

// boundArgs returns the arguments of call node n that its callee's
// parameters among params (those that flow to its result) stand for.
func (e *Engine) boundArgs(n *node, params []Param) []*node {
	if n.call == nil {
		return nil
	}
	var out []*node
	for _, p := range params {
		if p.Fn == n.callee {
			out = append(out, e.argNode(n.call, p.Index, p.Mode))
		}
	}
	return out
}

// summaryArgs returns the arguments of a call of another package's
// function that its summary says flow to the result: whole, and, with
// parts, combined with other values.
func (e *Engine) summaryArgs(n *node, parts bool) []*node {
	if n.call == nil {
		return nil
	}
	res := n.summary.Results[n.mode]
	args := res.Params
	if parts {
		args = slices.Concat(args, res.Parts)
	}
	out := make([]*node, len(args))
	for i, p := range args {
		out[i] = e.argNode(n.call, p.Index, p.Mode)
	}
	return out
}

func (e *Engine) storedOf(s *setRun[Param], n *node, parts bool) []Param {
	r, ok := s.enter(n)
	if !ok {
		return r
	}
	params := e.Params
	if parts {
		params = e.PartParams
	}
	var set []Param
	switch n.kind {
	case kindUnion, kindParamAt:
		for _, k := range n.kids {
			set = union(set, e.storedOf(s, k, parts))
		}
	case kindPure:
		if parts || n.xform.Class != Combines {
			for _, k := range n.kids {
				set = union(set, e.storedOf(s, k, parts))
			}
		}
	case kindGlobal:
		for _, k := range n.kids {
			set = union(set, params(k))
			set = union(set, e.storedOf(s, k, parts))
		}
	case kindCall:
		r := e.ret(e.decls[n.callee], n.mode, n.result)
		set = union(set, e.storedOf(s, r, parts))
		for _, a := range e.boundArgs(n, params(r)) {
			set = union(set, e.storedOf(s, a, parts))
		}
	case kindForeign:
		for _, a := range e.summaryArgs(n, parts) {
			set = union(set, e.storedOf(s, a, parts))
		}
	}
	return s.leave(n, set)
}

func (e *Engine) readsOf(s *setRun[Read], n *node) []Read {
	r, ok := s.enter(n)
	if !ok {
		return r
	}
	set := slices.Clone(n.reads)
	switch n.kind {
	case kindUnion, kindParamAt, kindPure, kindReadsOf:
		for _, k := range n.kids {
			set = union(set, e.readsOf(s, k))
		}
	case kindGlobal:
		for _, k := range n.kids {
			set = union(set, e.readsOf(s, k))
			for _, p := range e.Params(k) {
				set = union(set, e.readsOf(s, e.paramAtNode(p)))
			}
		}
	case kindReadOf:
		set = union(set, e.readsAt(n))
	case kindCall:
		ret := e.ret(e.decls[n.callee], n.mode, n.result)
		for _, rd := range e.readsOf(s, ret) {
			switch {
			case !rd.ByParam:
				set = union(set, []Read{rd})
			case rd.Param.Fn == n.callee && n.call != nil:
				tmpl := Read{Site: n.call, Callee: n.callee, Kind: rd.Kind, Field: rd.Field}
				set = union(set, e.names(e.argNode(n.call, rd.Param.Index, Value), tmpl))
			}
		}
		// A parameter that flows to the result, whole or combined, holds
		// what the argument read.
		for _, a := range e.boundArgs(n, e.PartParams(ret)) {
			set = union(set, e.readsOf(s, a))
		}
	case kindForeign:
		for _, k := range n.kids {
			set = union(set, e.readsOf(s, k))
		}
		res := n.summary.Results[n.mode]
		if n.call != nil {
			for _, r := range res.Reads {
				set = union(set, []Read{r.At(n.call)})
			}
			for _, i := range res.ReadParams {
				set = union(set, e.names(e.argNode(n.call, i, Value), Read{Site: n.call, Callee: n.callee}))
			}
		}
		for _, a := range e.summaryArgs(n, true) {
			set = union(set, e.readsOf(s, a))
		}
	}
	if len(set) > maxReads {
		set = set[:maxReads]
	}
	return s.leave(n, set)
}

// maxReads bounds the reads a node holds: a key comes from a few settings,
// and a value built from hundreds (a whole config map) has said enough with
// the first ones.
const maxReads = 16

// readsAt returns what a reading call reads: a setting of each name its
// name argument may hold (a parameter of the function, when it is one, to
// be named by the callers), or the one setting the source names.
func (e *Engine) readsAt(n *node) []Read {
	tmpl := Read{Site: n.call, Callee: n.callee, CalleeName: n.source.CalleeName, Kind: n.source.Kind}
	if len(n.kids) == 0 {
		tmpl.Name = n.source.Name
		return []Read{tmpl}
	}
	reads := e.names(n.kids[0], tmpl)
	if len(reads) == 0 {
		// A name known only at run time (a path from a config field):
		// still a read, of no name the code says.
		return []Read{tmpl}
	}
	if !n.source.Expand {
		return reads
	}
	var out []Read // os.ExpandEnv("$JWT_SECRET"): the names in the template
	for _, r := range reads {
		if r.ByParam {
			continue
		}
		os.Expand(r.Name, func(name string) string {
			x := r
			x.Name = name
			out = union(out, []Read{x})
			return ""
		})
	}
	return out
}

// names returns the settings a name argument names, as reads like tmpl:
// the constants it may hold, and the parameters it comes from.
func (e *Engine) names(arg *node, tmpl Read) []Read {
	var out []Read
	e.Literals(arg, map[*node]bool{}, func(l *Lit) {
		r := tmpl
		r.Name = l.Value
		out = union(out, []Read{r})
	})
	for _, p := range e.Params(arg) {
		if p.Mode == Value {
			out = union(out, []Read{{ByParam: true, Param: p, Kind: tmpl.Kind, Field: tmpl.Field}})
		}
	}
	if len(out) > maxReads {
		out = out[:maxReads]
	}
	return out
}

// Names returns the constant names a name argument may hold, in a fixed
// order, at most maxReads.
func (e *Engine) Names(arg ast.Expr) []string {
	var out []string
	for _, r := range e.names(e.trace(arg, Value), Read{}) {
		if !r.ByParam {
			out = append(out, r.Name)
		}
	}
	return out
}

// Literals calls emit with each literal n may hold, through every path:
// variables, fields, calls bound to their arguments, and package-level
// variables and fields, whose parameters are bound to every caller's
// argument. Nodes in seen are skipped and the nodes visited are added to
// it, so a caller that shares seen between queries visits each node once.
// A caller with a question per node (which literals may this key hold?)
// uses a Collector instead: a fresh seen map per question walks the
// reachable graph again for each.
func (e *Engine) Literals(n Node, seen map[*node]bool, emit func(*Lit)) {
	steps := 0
	stack := []*node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		if steps++; steps > stepBudget {
			e.q.overflow = true // past the budget: what is left is unknown
			return
		}
		e.litStep(x, emit, func(k *node) { stack = append(stack, k) })
	}
}

// litStep emits the literals x holds itself and pushes the nodes whose
// literals x may also hold.
func (e *Engine) litStep(x *node, emit func(*Lit), push func(*node)) {
	for _, l := range x.lits {
		emit(l)
	}
	switch x.kind {
	case kindUnion:
		for _, k := range x.kids {
			push(k)
		}
	case kindGlobal, kindParamAt:
		// Values from every caller: a parameter that flows here
		// holds every argument given to it.
		for _, k := range x.kids {
			push(k)
		}
		for _, k := range x.kids {
			for _, p := range e.Params(k) {
				push(e.paramAtNode(p))
			}
		}
	case kindCall:
		r := e.ret(e.decls[x.callee], x.mode, x.result)
		push(r)
		for _, a := range e.boundArgs(x, e.Params(r)) {
			push(a)
		}
	case kindForeign:
		for _, k := range x.kids {
			push(k)
		}
		if x.call != nil {
			for _, l := range x.summary.Results[x.mode].Lits {
				emit(&Lit{Expr: x.call, Value: l.Value, Origin: l.Origin, Via: l.Via})
			}
		}
		for _, a := range e.summaryArgs(x, false) {
			push(a)
		}
	case kindPure:
		e.pureLits(x, emit)
	case kindReadOf, kindReadsOf:
		// a setting's value, not its name, nor the literals of the value
		// it was read from: no literal
	}
}

// Globals calls emit with each package-level variable and field whose
// values flow into n, and the mode they flow in (a field whose value
// reaches a key is a key field). Like Literals, nodes in seen are skipped
// and the visited ones added.
func (e *Engine) Globals(n Node, seen map[*node]bool, emit func(types.Object, Mode)) {
	steps := 0
	stack := []*node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		if steps++; steps > stepBudget {
			e.q.overflow = true
			return
		}
		if x.kind == kindGlobal {
			emit(x.obj, x.mode)
		}
		e.litStep(x, func(*Lit) {}, func(k *node) { stack = append(stack, k) })
		if x.kind == kindPure && x.xform.Class != Combines {
			stack = append(stack, x.kids...)
		}
	}
}

// A Collector answers many questions "which literals may this node hold?"
// with one walk of the graph for all of them: each node is visited once,
// and the nodes of a cycle (a recursive helper, a variable assigned from
// itself) share one answer, found with Tarjan's strongly connected
// components. Each answer keeps the first limit literals that accept
// admits, so the work is linear in the graph, whatever the number of
// questions; a walk per question made the inventory quadratic (one
// question per JWT site). Past stepBudget new nodes are no longer visited:
// what they hold is unknown, which is no finding.
type Collector struct {
	e      *Engine
	limit  int
	accept func(*Lit) bool

	done    map[*node][]*Lit // answers
	acc     map[*node][]*Lit // partial answers of the nodes on the stack
	index   map[*node]int
	low     map[*node]int
	onStack map[*node]bool
	next    int
}

// NewCollector returns a Collector of at most limit literals per node, of
// those accept admits.
func (e *Engine) NewCollector(limit int, accept func(*Lit) bool) *Collector {
	return &Collector{
		e: e, limit: limit, accept: accept,
		done: map[*node][]*Lit{}, acc: map[*node][]*Lit{},
		index: map[*node]int{}, low: map[*node]int{}, onStack: map[*node]bool{},
	}
}

// Literals returns the first literals n may hold that the collector
// admits, at most its limit, in a fixed order.
func (c *Collector) Literals(n Node) []*Lit {
	if n == nil {
		return nil
	}
	if lits, ok := c.done[n]; ok {
		return lits
	}
	type frame struct {
		x     *node
		succs []*node
		i     int
	}
	var calls []frame
	var stack []*node // Tarjan's stack
	visit := func(x *node) {
		c.index[x], c.low[x] = c.next, c.next
		c.next++
		stack = append(stack, x)
		c.onStack[x] = true
		var own []*Lit
		var succs []*node
		c.e.litStep(x, func(l *Lit) {
			if c.accept(l) {
				own = c.add(own, l)
			}
		}, func(k *node) { succs = append(succs, k) })
		c.acc[x] = own
		calls = append(calls, frame{x: x, succs: succs})
	}
	visit(n)
	for len(calls) > 0 {
		f := &calls[len(calls)-1]
		if f.i < len(f.succs) {
			k := f.succs[f.i]
			f.i++
			if lits, ok := c.done[k]; ok {
				c.acc[f.x] = c.addAll(c.acc[f.x], lits)
			} else if _, seen := c.index[k]; !seen {
				if c.next >= stepBudget {
					c.e.q.overflow = true // past the budget: unknown
					continue
				}
				visit(k)
			} else if c.onStack[k] {
				c.low[f.x] = min(c.low[f.x], c.index[k])
			}
			continue
		}
		x := f.x
		calls = calls[:len(calls)-1]
		if c.low[x] == c.index[x] { // x roots a component: its answer is final
			i := len(stack) - 1
			for stack[i] != x {
				i--
			}
			var lits []*Lit
			for _, m := range stack[i:] {
				lits = c.addAll(lits, c.acc[m])
			}
			for _, m := range stack[i:] {
				c.done[m] = lits
				delete(c.acc, m)
				delete(c.onStack, m)
			}
			stack = stack[:i]
		}
		if len(calls) > 0 {
			p := calls[len(calls)-1].x
			if lits, ok := c.done[x]; ok {
				c.acc[p] = c.addAll(c.acc[p], lits)
			} else { // x is in p's component, which merges them when done
				c.low[p] = min(c.low[p], c.low[x])
			}
		}
	}
	return c.done[n]
}

// add appends l to lits unless it is there or lits is full.
func (c *Collector) add(lits []*Lit, l *Lit) []*Lit {
	if len(lits) >= c.limit || slices.Contains(lits, l) {
		return lits
	}
	return append(lits, l)
}

func (c *Collector) addAll(lits, more []*Lit) []*Lit {
	for _, l := range more {
		lits = c.add(lits, l)
	}
	return lits
}

// union adds the elements of b missing from a, keeping a's order.
func union[T comparable](a, b []T) []T {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}
