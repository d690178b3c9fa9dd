package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/jwtssot/jwtssot/internal/flow"
)

// A sink is where the literals a value may hold become keys: a key
// parameter of a library function (or of a function of the module that
// passes it on to one), a key field of a library struct, or, for the
// named sources, a value bound to a secret's name, a flag default, a
// setting's fallback.
type sink struct {
	// The value: expr traced in mode, argument index of the call argOf,
	// the result of fnResult, or a node of the graph.
	expr     ast.Expr
	argOf    *ast.CallExpr
	index    int
	fnResult *types.Func
	value    flow.Node
	mode     flow.Mode

	how    string      // how a literal becomes a key, for the message
	where  string      // the library function or field, for key parameters
	symbol string      // the library symbol involved, if any
	fn     *types.Func // the declared function it sits in, whose parameters may reach it

	// named sinks bind a value to a setting's or variable's name; key is
	// that name when it must still be judged a secret's (defaults).
	named bool
	key   string
	name  string // the name a named sink binds its value to

	// part is set for a sink whose value is only part of the key (a
	// parameter a function combines with other values before it becomes
	// one): a setting read into it is the secret's, a literal is not a
	// hardcoded key (its combination is, where it is written).
	part bool
}

// node returns the sink's value in the graph, built once the package is
// indexed.
func (s *sink) node(ix *index) flow.Node {
	switch {
	case s.value != nil:
		return s.value
	case s.fnResult != nil:
		return ix.flow.Result(s.fnResult, flow.Value)
	case s.argOf != nil:
		return ix.flow.Arg(s.argOf, s.index, s.mode)
	case s.expr != nil:
		return ix.flow.Trace(s.expr, s.mode)
	}
	return nil
}

// propagateKeys finds the parameters of the package's functions that reach
// a key, and makes every call of such a function a sink of its own: the
// argument given to that parameter is a key too (SignWith(key []byte)
// passing key to SignedString makes SignWith([]byte("dev")) a hardcoded
// secret). Each (function, parameter) is added once, so recursion and long
// chains of helpers cost one pass each; the facts carry the parameters to
// the packages that call the function.
func (ix *index) propagateKeys() {
	sinks := &ix.seen.sinks
	for i := 0; i < len(*sinks); i++ { // the sinks grow as calls become sinks
		s := (*sinks)[i]
		n := s.node(ix)
		if n == nil {
			continue
		}
		// A parameter stored in a field or a package variable that
		// reaches the key is a key parameter too: its function's callers,
		// here and in other packages, give the key.
		whole := slices.Concat(ix.flow.Params(n), ix.flow.StoredParams(n))
		for _, p := range whole {
			ix.keyParam(sinks, s, p, s.part)
		}
		// One that reaches it combined with other values carries a read
		// into the key, not a literal.
		for _, p := range slices.Concat(ix.flow.PartParams(n), ix.flow.StoredPartParams(n)) {
			if !slices.Contains(whole, p) {
				ix.keyParam(sinks, s, p, true)
			}
		}
	}
}

// keyParam records that parameter p reaches the key of sink s (part of
// it, with part), once, and makes each call of p's function a sink.
func (ix *index) keyParam(sinks *[]sink, s sink, p flow.Param, part bool) {
	params := ix.seen.keyParams
	if part {
		params = ix.seen.partKeyParams
	}
	if _, done := ix.seen.keyParams[p.Fn][p.Index]; done {
		return
	}
	if _, done := params[p.Fn][p.Index]; done {
		return
	}
	if params[p.Fn] == nil {
		params[p.Fn] = map[int]keyParam{}
	}
	kp := keyParam{Index: p.Index, Mode: p.Mode, Symbol: s.symbol, Where: s.where}
	params[p.Fn][p.Index] = kp
	for _, call := range ix.flow.CallsOf(p.Fn) {
		if part {
			*sinks = append(*sinks, ix.partSink(call, p.Fn, kp))
		} else {
			*sinks = append(*sinks, ix.throughSink(call, p.Fn, kp))
		}
	}
}
