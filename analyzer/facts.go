package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// Facts carry what a function, variable or constant of a scanned module
// does with keys and settings to the packages that use it, the way printf
// carries its wrappers: a helper SignWith(key []byte) that passes key to
// SignedString makes a literal given to it in another package a hardcoded
// secret, and a helper setting(k string) that reads the environment makes
// setting("PARTNER_JWT_SECRET") a secret read. Facts are exported only by
// packages of the scanned modules, never by the standard library or
// third-party modules, and only when they say something, so they stay small
// and go vet and golangci-lint stay fast.

// funcFact is what a function does with its parameters and returns.
type funcFact struct {
	// Keys lists the parameters that reach a JWT library's key or keyfunc.
	Keys []keyParam
	// Reads lists the parameters used as the name of a setting that is read.
	Reads []int
	// Summary is what the function's result holds, per mode.
	Summary flow.Summary
}

// keyParam is a parameter that reaches a key: its index, whether it is the
// key or a keyfunc, and the library symbol and how, for messages.
type keyParam struct {
	Index  int
	Mode   flow.Mode
	Symbol string
	Where  string // the library function or field, e.g. "(*jwt.Token).SignedString"
}

func (*funcFact) AFact() {}

func (f *funcFact) String() string {
	var parts []string
	for _, k := range f.Keys {
		parts = append(parts, fmt.Sprintf("key(%d %s %s)", k.Index, k.Mode, k.Where))
	}
	for _, i := range f.Reads {
		parts = append(parts, fmt.Sprintf("reads(%d)", i))
	}
	for m, r := range f.Summary.Results {
		if len(r.Lits)+len(r.Params)+len(r.Reads)+len(r.ReadParams) == 0 {
			continue
		}
		var s []string
		for _, l := range r.Lits {
			s = append(s, fmt.Sprintf("%q", redact(l.Value)))
		}
		for _, p := range r.Params {
			s = append(s, fmt.Sprintf("param(%d %s)", p.Index, p.Mode))
		}
		for _, n := range r.Reads {
			s = append(s, "read("+n+")")
		}
		for _, i := range r.ReadParams {
			s = append(s, fmt.Sprintf("readparam(%d)", i))
		}
		parts = append(parts, fmt.Sprintf("returns[%s](%s)", flow.Mode(m), strings.Join(s, " ")))
	}
	return strings.Join(parts, " ")
}

// varFact lists the literals a package-level variable may hold that its
// own package did not report, each with where it is declared.
type varFact struct {
	Lits []flow.ForeignLit
}

func (*varFact) AFact() {}

func (f *varFact) String() string {
	var s []string
	for _, l := range f.Lits {
		s = append(s, redact(l.Value))
	}
	return "holds(" + strings.Join(s, ", ") + ")"
}

// reportedFact marks a constant or variable whose literal its own package
// reported as a hardcoded secret (its name gave it away): a use elsewhere
// is not reported again.
type reportedFact struct{}

func (*reportedFact) AFact()         {}
func (*reportedFact) String() string { return "reported" }

// factTypes are the analyzer's FactTypes.
var factTypes = []analysis.Fact{new(funcFact), new(varFact), new(reportedFact)}

// oracle answers the flow engine's questions about other packages from
// their facts, and about setting reads from the callee's declaration.
type oracle struct {
	ix *index
}

func (o oracle) ReadArg(call *ast.CallExpr) (int, bool) {
	return o.ix.readArg(call)
}

func (o oracle) Summary(fn *types.Func) *flow.Summary {
	if f := o.ix.facts.fn(fn.Origin()); f != nil && !f.Summary.Empty() {
		return &f.Summary
	}
	return nil
}

func (o oracle) VarLits(v *types.Var) []flow.ForeignLit {
	var f varFact
	if o.ix.pass.ImportObjectFact(v, &f) {
		return f.Lits
	}
	return nil
}

func (o oracle) Origin(obj types.Object) string {
	if o.ix.pass.ImportObjectFact(obj, new(reportedFact)) {
		return "" // reported where it is declared
	}
	return o.ix.origin(obj)
}

// factCache keeps the facts of other packages' functions that the pass
// has imported: a function called in many places is looked up once.
type factCache struct {
	pass      *analysis.Pass
	funcs     map[*types.Func]*funcFact // nil: the function has none
	collector *flow.Collector           // the literals facts carry (factLits)
}

func newFactCache(pass *analysis.Pass) factCache {
	return factCache{pass: pass, funcs: map[*types.Func]*funcFact{}}
}

// fn returns the facts of a function of another package, or nil.
func (c *factCache) fn(fn *types.Func) *funcFact {
	f, ok := c.funcs[fn]
	if !ok {
		f = new(funcFact)
		if !c.pass.ImportObjectFact(fn, f) {
			f = nil
		}
		c.funcs[fn] = f
	}
	return f
}

// origin describes an object of any package for a message, naming its
// package and file but no directory of this machine:
// "devcfg.DevKey (devcfg/keys.go:12)".
func (ix *index) origin(obj types.Object) string {
	name := obj.Name()
	if obj.Pkg() != nil {
		name = obj.Pkg().Name() + "." + name
	}
	pos := ix.pass.Fset.Position(obj.Pos())
	if !pos.IsValid() || obj.Pkg() == nil {
		return name
	}
	return fmt.Sprintf("%s (%s/%s:%d)", name, path.Base(obj.Pkg().Path()), filepath.Base(pos.Filename), pos.Line)
}

// exportFacts exports, for each exported function, method, variable and
// constant of the package that says something to its importers, what it
// says. Unexported objects cannot be used by another package.
func (ix *index) exportFacts() {
	for fn, fi := range ix.seen.funcs {
		if !fn.Exported() {
			continue
		}
		f := &funcFact{}
		for _, kp := range ix.seen.keyParams[fn] {
			f.Keys = append(f.Keys, kp)
		}
		slices.SortFunc(f.Keys, func(a, b keyParam) int { return a.Index - b.Index })
		f.Reads = slices.Sorted(mapKeys(ix.seen.readParams[fn]))
		if fi.summarize {
			f.Summary = ix.summary(fn)
		}
		if len(f.Keys) > 0 || len(f.Reads) > 0 || !f.Summary.Empty() {
			ix.pass.ExportObjectFact(fn, f)
		}
	}
	for _, v := range ix.seen.globalVars {
		if !v.Exported() {
			continue
		}
		if ix.out.reportedObjs[v] {
			ix.pass.ExportObjectFact(v, &reportedFact{})
			continue
		}
		var lits []flow.ForeignLit
		for _, l := range ix.factLits().Literals(ix.flow.Object(v, flow.Value)) {
			lits = append(lits, flow.ForeignLit{Value: l.Value, Origin: ix.litOrigin(v, l)})
		}
		if len(lits) > 0 {
			ix.pass.ExportObjectFact(v, &varFact{Lits: lits})
		}
	}
	for obj := range ix.out.reportedObjs {
		if k, ok := obj.(*types.Const); ok && k.Exported() {
			ix.pass.ExportObjectFact(k, &reportedFact{})
		}
	}
}

// maxFactLits bounds the literals a fact carries: a key comes from a few
// literals, and a function that returns hundreds of them (a table of
// messages) is no key's source; its facts stay small.
const maxFactLits = 8

// factLits returns the collector of the literals facts carry: not empty,
// not reported here already, not a setting's name; at most maxFactLits per
// node, all nodes in one walk. It is made once the package's findings are
// known, when its facts are exported.
func (ix *index) factLits() *flow.Collector {
	if ix.facts.collector == nil {
		ix.facts.collector = ix.flow.NewCollector(maxFactLits, func(l *flow.Lit) bool {
			return l.Value != "" && !ix.out.secretLits[l.Expr.Pos()] && !ix.nameLit(l)
		})
	}
	return ix.facts.collector
}

// summary computes what a function's result holds, for its fact.
func (ix *index) summary(fn *types.Func) flow.Summary {
	var s flow.Summary
	res := fn.Signature().Results().At(0).Type()
	for m := range flow.Mode(len(s.Results)) {
		switch {
		case m == flow.Value && !canHoldSecret(res), m == flow.Keyfunc && !isKeyfuncType(res), m == flow.Elems:
			continue
		}
		ret := ix.flow.Result(fn, m)
		if ret == nil {
			continue
		}
		r := &s.Results[m]
		for _, l := range ix.factLits().Literals(ret) {
			r.Lits = append(r.Lits, flow.ForeignLit{Value: l.Value, Origin: ix.litOrigin(fn, l)})
		}
		for _, p := range ix.flow.Params(ret) {
			if p.Fn == fn {
				r.Params = append(r.Params, flow.Arg{Index: p.Index, Mode: p.Mode})
			}
		}
		for _, rd := range ix.flow.Reads(ret) {
			switch {
			case rd.ByParam && rd.Param.Fn == fn:
				r.ReadParams = append(r.ReadParams, rd.Param.Index)
			case !rd.ByParam && ix.names.IsSecretKey(rd.Name):
				r.Reads = append(r.Reads, rd.Name)
			}
		}
	}
	return s
}

// litOrigin says where a literal that obj holds or returns comes from: the
// object and the literal's own position.
func (ix *index) litOrigin(obj types.Object, l *flow.Lit) string {
	if l.Origin != "" {
		return l.Origin
	}
	pos := ix.pass.Fset.Position(l.Expr.Pos())
	return fmt.Sprintf("%s.%s (%s/%s:%d)", obj.Pkg().Name(), obj.Name(), path.Base(obj.Pkg().Path()),
		filepath.Base(pos.Filename), pos.Line)
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// isKeyfuncType reports whether t is a function type returning key material
// first: a keyfunc, or what a factory of keyfuncs returns.
func isKeyfuncType(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Results().Len() > 0 && jwtlib.IsKeyType(sig.Results().At(0).Type())
}
