// Package flow follows values through a package: which literals an
// expression may hold, which settings it was read from, and which of its
// function's parameters flow into it. The jwtssot analyzer asks it where the
// literals that reach a JWT key come from, and what each function does with
// its parameters, which it exports as facts for the packages that call it.
//
// # The graph
//
// Every expression, variable, field and function result the analyzer asks
// about becomes a node of a value graph, built lazily and once: the node of a
// variable is the union of the nodes of the values assigned to it (the
// analysis is flow-insensitive: every value ever assigned counts), the node
// of a conversion is its operand's, the node of a call of a function of the
// package is a call node that refers to the callee's result. Leaves are
// literals, settings read by name (os.Getenv("JWT_SECRET")), and parameters.
//
// # Parameters and calls
//
// A parameter is a leaf, never bound while the graph is built. A function's
// summary is what its result holds: literals, and which of its parameters
// flow there. A call node binds the callee's summary to its arguments when
// the graph is queried: the literals of getenv("JWT_SECRET", "dev") are
// getenv's own literals and those of the arguments whose parameters reach
// its result, "dev" here, and not the defaults of every other call of
// getenv. Summaries compose, so this holds through any depth of helpers, and
// each is computed once: the work is linear in the size of the package, not
// in the number of call paths.
//
// # Recursion and the budget
//
// A function that calls itself, directly or through others, refers to its
// own summary while it is being computed. The graph then has a cycle, which
// the queries walk once (a visited set), and a parameter set computed inside
// a cycle is recomputed until it no longer changes, at most maxRounds times.
// Every query also has a step budget (stepBudget node visits): past it, the
// query stops where it is, so a value it did not reach is "unknown", which
// means no finding, never a hang. Real code does not come near the budget;
// the benchmarks in docs/performance.md show how far away it is.
package flow

import (
	"go/ast"
	"go/types"
)

// Mode says what a traced expression is: the key itself (Value), or a
// function whose first result is the key (Keyfunc: a jwt.Keyfunc, a method
// value used as one, or a call of a factory that returns one).
type Mode uint8

const (
	// Value is the key itself.
	Value Mode = iota
	// Keyfunc is a function whose first result is the value.
	Keyfunc
	// Elems is a map, slice or array: the values of its elements.
	Elems
	numModes
)

func (m Mode) String() string {
	switch m {
	case Keyfunc:
		return "keyfunc"
	case Elems:
		return "elements"
	}
	return "value"
}

// A Lit is a literal value a traced expression may hold.
type Lit struct {
	// Expr is where to report it: the literal in this package, or, for a
	// value declared in another package (a constant, a variable's
	// initializer, a function's result), the expression here that uses it.
	Expr  ast.Expr
	Value string
	// Origin says, for a value of another package, which object holds it
	// and where it is declared: "devcfg.DevKey (devcfg/keys.go:12)".
	Origin string
	// Via says how the value was transformed on its way, for messages:
	// "base64-decoded", "built from literals by fmt.Sprintf".
	Via string
}

// A Param is a parameter of a function of the package, reached in a mode:
// parameter Index of Fn flows where it was reached as a value (Value), a
// keyfunc (Keyfunc) or a container (Elems).
type Param struct {
	Fn    *types.Func
	Index int
	Mode  Mode
}

// A Read is a setting read from outside the program: a call that reads
// one by name (os.Getenv("TOKEN_KEY"), a helper that reads the setting its
// parameter names), a source that names none (a database row, a file),
// a loader that fills a struct's field, or, with ByParam, a parameter of
// the function that is used as a setting's name, which becomes a named
// read where a caller passes a constant.
type Read struct {
	Name    string // the setting's name; "" when the source names none
	ByParam bool
	Param   Param // with ByParam
	// Site is where it is read in the package: the call that reads, or,
	// for a read of another package, the expression that brings its value
	// in. Nil with ByParam.
	Site ast.Expr
	// Callee is the function called at Site that reads (os.Getenv, a
	// helper that reads the setting its parameter names); nil for a read
	// of another package, which CalleeName names instead.
	Callee     *types.Func
	CalleeName string
	Field      string // the field a loader fills
	Kind       string // what it reads from when that is not a setting by name: "a file", "the database", ...
	// Origin, Pkg and Reported describe a read of another package: where
	// it is, its package's path, and whether it was reported there.
	Origin   string
	Pkg      string
	Reported bool
	// Implied is set for a read implied by the field it is in (a
	// Kubernetes Secret's Data): another read of the same value, at the
	// call that fetched it, says more.
	Implied bool
}

// A ForeignRead is a read of another package, as its facts carry it.
type ForeignRead struct {
	Name, CalleeName, Field, Kind, Origin, Pkg string
	Reported, Implied                          bool
}

// At returns the read as this package sees it at the expression at.
func (r ForeignRead) At(at ast.Expr) Read {
	return Read{Name: r.Name, Site: at, CalleeName: r.CalleeName, Field: r.Field, Kind: r.Kind,
		Origin: r.Origin, Pkg: r.Pkg, Reported: r.Reported, Implied: r.Implied}
}

// node kinds.
const (
	kindUnion   = iota // the union of its kids
	kindCall           // a call of a function of the package
	kindForeign        // a call of a function of another package with a summary
	kindGlobal         // a package-level variable or a field: every assignment, in any function
	kindParamAt        // every argument given to a parameter, at every call site
	kindReadOf         // a setting read at a call: its kids[0], if any, holds the name
	kindPure           // a transformation of its kids (see Transform)
	kindReadsOf        // only the reads of its kids[0]: a field or element of a value read
)

// A node is a value in the graph. Which fields matter depends on kind.
type node struct {
	kind   int
	lits   []*Lit
	reads  []Read
	params []Param
	kids   []*node

	// kindCall: the callee, the mode and result index traced, the call.
	// kindReadOf: the call that reads (call) and the reading function.
	callee *types.Func
	mode   Mode
	result int
	call   *ast.CallExpr

	// kindForeign: the callee's summary, bound to call's arguments.
	summary *Summary

	// kindGlobal: the variable or field, whose values assigned, each in
	// its own function, are the kids. kindParamAt: the parameter.
	obj   types.Object
	param Param

	// kindReadOf: what the call reads. kindPure: the transformation and
	// the expression it is applied in (a call or a +).
	source Source
	xform  Transform
	at     ast.Expr
}
