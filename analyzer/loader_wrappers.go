package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/jwtssot/jwtssot/internal/flow"
)

// A loader wrapper is a function of the module that hands its parameter to
// a struct-tag loader (go-ini's MapTo, viper's Unmarshal, a decoder) as an
// interface: func mapTo(section string, v any) { cfg.Section(section).MapTo(v) }.
// The loader fills the struct each caller passes, which the wrapper's body
// cannot say. The walk records the wrapper's parameter (wrappedFill); settle
// fills the struct at each call of it in the package (fillWrapped), and
// the wrapper's fact carries the parameter to the packages that call it.

// A wrappedFill is a parameter of a function of the package that a loader
// fills, with the loader's tags and read.
type wrappedFill struct {
	fn    *types.Func
	param int
	tags  []string
	read  flow.Read
	use   int // the loader's read in seen.reads, whose fields grow
}

// A fillParam is a wrappedFill as a function's fact carries it.
type fillParam struct {
	Index  int
	Tags   []string
	Callee string // the loader, as a reader sees it
	Kind   string
}

// noteWrappedFill records target, the argument a loader fills, when it is
// a parameter of the function the call is in whose type says nothing of
// the struct (any, an interface): a loader wrapper's.
func (ix *index) noteWrappedFill(call *ast.CallExpr, target ast.Expr, tags []string, read flow.Read, use int) {
	fn := ix.seen.callers[call]
	if fn == nil {
		return
	}
	if i := ix.paramIndex(fn, target); i >= 0 {
		ix.seen.wrappedFills = append(ix.seen.wrappedFills, wrappedFill{fn: fn, param: i, tags: tags, read: read, use: use})
	}
}

// paramIndex returns the index of the parameter of fn that x names, or -1
// (also for a variadic parameter, whose arguments are a slice).
func (ix *index) paramIndex(fn *types.Func, x ast.Expr) int {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := ix.info.Uses[id].(*types.Var)
	if !ok {
		return -1
	}
	sig := fn.Signature()
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v && (!sig.Variadic() || i < sig.Params().Len()-1) {
			return i
		}
	}
	return -1
}

// fillWrapped fills, at each call of a loader wrapper in the package, the
// struct the call passes; a call that passes a parameter of its own
// function through makes that function a wrapper too. Each (function,
// parameter) is done once, so the work is bounded by the calls.
func (ix *index) fillWrapped() {
	type key struct {
		fn    *types.Func
		param int
	}
	seen := map[key]bool{}
	for i := 0; i < len(ix.seen.wrappedFills); i++ {
		w := ix.seen.wrappedFills[i]
		k := key{w.fn, w.param}
		if seen[k] {
			continue
		}
		seen[k] = true
		for _, call := range ix.flow.CallsOf(w.fn) {
			if w.param >= len(call.Args) || ix.decodesRequest(call) {
				continue
			}
			arg := call.Args[w.param]
			fields := ix.fillStruct(arg, w.tags, w.read)
			ix.seen.reads[w.use].fields = append(ix.seen.reads[w.use].fields, fields...)
			if fields == nil {
				ix.noteWrappedFill(call, arg, w.tags, w.read, w.use)
			}
		}
	}
}

// fillParams returns what fn's fact says of its parameters that a loader
// fills.
func (ix *index) fillParams(fn *types.Func) []fillParam {
	var out []fillParam
	for _, w := range ix.seen.wrappedFills {
		if w.fn == fn {
			name, _ := calleeNames(w.read.Callee)
			out = append(out, fillParam{Index: w.param, Tags: w.tags, Callee: name, Kind: w.read.Kind})
		}
	}
	return out
}

// fillByFact fills the structs a call of another package's loader wrapper
// passes, as its fact says: the read is this call's.
func (ix *index) fillByFact(u *readUse, call *ast.CallExpr, fills []fillParam) {
	if ix.decodesRequest(call) {
		return
	}
	for _, f := range fills {
		if f.Index < len(call.Args) {
			read := flow.Read{Site: call, CalleeName: f.Callee, Kind: f.Kind}
			u.fields = append(u.fields, ix.fillStruct(call.Args[f.Index], f.Tags, read)...)
		}
	}
}
