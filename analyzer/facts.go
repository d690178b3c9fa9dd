package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/visible"
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
	// KeyReads lists the parameters used as the name of a setting whose
	// value reaches a key (signWith(name) signing with os.Getenv(name)).
	KeyReads []keyParam
	// PartKeys lists the parameters that reach a key combined with other
	// values: a setting read into one is the secret's.
	PartKeys []keyParam
	// Summary is what the function's result holds, per mode.
	Summary flow.Summary
	// Fills lists the parameters a loader fills (a loader wrapper's).
	Fills []fillParam
}

// keyParam is a parameter (or a field) that reaches a key: its index,
// whether it is the key or a keyfunc, the library symbol, and how, for
// messages.
type keyParam struct {
	Index  int
	Mode   flow.Mode
	Symbol string
	Where  string // the library function or field, e.g. "(*jwt.Token).SignedString"
	How    string // "used as the key of (*jwt.Token).SignedString", for reads into a key
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
	for _, k := range f.KeyReads {
		parts = append(parts, fmt.Sprintf("keyread(%d %s)", k.Index, k.Where))
	}
	for _, k := range f.Fills {
		parts = append(parts, fmt.Sprintf("fills(%d %s)", k.Index, k.Callee))
	}
	for _, k := range f.PartKeys {
		parts = append(parts, fmt.Sprintf("partkey(%d %s %s)", k.Index, k.Mode, k.Where))
	}
	for m, r := range f.Summary.Results {
		if len(r.Lits)+len(r.Params)+len(r.Reads)+len(r.ReadParams)+len(r.Parts)+len(r.Fields) == 0 {
			continue
		}
		var s []string
		for _, l := range r.Lits {
			s = append(s, fmt.Sprintf("%q", visible.Secret(l.Value)))
		}
		for _, p := range r.Params {
			s = append(s, fmt.Sprintf("param(%d %s)", p.Index, p.Mode))
		}
		for _, rd := range r.Reads {
			s = append(s, "read("+rd.Name+")")
		}
		for _, i := range r.ReadParams {
			s = append(s, fmt.Sprintf("readparam(%d)", i))
		}
		for _, p := range r.Parts {
			s = append(s, fmt.Sprintf("part(%d %s)", p.Index, p.Mode))
		}
		for _, f := range r.Fields {
			s = append(s, fmt.Sprintf("field(%s %s)", f.Name, f.Mode))
		}
		parts = append(parts, fmt.Sprintf("returns[%s](%s)", flow.Mode(m), strings.Join(s, " ")))
	}
	return strings.Join(parts, " ")
}

// varFact lists the literals a package-level variable may hold that its
// own package did not report, and the settings it may have been read
// from, each with where it is.
type varFact struct {
	Lits  []flow.ForeignLit
	Reads []flow.ForeignRead
	// Source is the catalogue's key of the source the variable holds
	// (var Unmarshal = toml.Unmarshal), "" if none.
	Source string
}

func (*varFact) AFact() {}

func (f *varFact) String() string {
	if f.Source != "" {
		return "source(" + f.Source + ")"
	}
	return valuesString(f.Lits, f.Reads)
}

// fieldFact is what the package that declares a struct field does with
// it: the literals and reads it assigns to the field, and, when the
// field's value reaches a key there, that key (Key), which makes every
// value given to the field elsewhere a key too
// (playback.Options{SharedSecret: ...}).
type fieldFact struct {
	Lits  []flow.ForeignLit
	Reads []flow.ForeignRead
	Key   *keyParam
}

func (*fieldFact) AFact() {}

func (f *fieldFact) String() string {
	s := valuesString(f.Lits, f.Reads)
	if f.Key != nil {
		s += " key(" + f.Key.Where + ")"
	}
	return s
}

func valuesString(lits []flow.ForeignLit, reads []flow.ForeignRead) string {
	var s []string
	for _, l := range lits {
		s = append(s, visible.Secret(l.Value))
	}
	for _, r := range reads {
		s = append(s, "read("+r.Name+")")
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
var factTypes = []analysis.Fact{new(funcFact), new(varFact), new(fieldFact), new(reportedFact), new(keyFieldsFact)}

// oracle answers the flow engine's questions about other packages from
// their facts and the catalogue, and about setting reads from the callee's
// declaration.
type oracle struct {
	ix *index
}

func (o oracle) Read(call *ast.CallExpr) (flow.Source, bool) {
	fn, src, ok := o.ix.sourceOf(call)
	if !ok {
		return flow.Source{}, false
	}
	fs, ok := o.ix.flowSource(call, src)
	if fn == nil { // a variable that holds a source
		a, _ := o.ix.aliasCalled(call)
		fs.CalleeName = a.name
	}
	return fs, ok
}

func (o oracle) Transform(fn *types.Func) (flow.Transform, bool) { return jwtlib.TransformOf(fn) }

func (o oracle) Summary(fn *types.Func) *flow.Summary {
	if f := o.ix.facts.fn(fn.Origin()); f != nil && !f.Summary.Empty() {
		return &f.Summary
	}
	return nil
}

func (o oracle) VarValues(v *types.Var) flow.Values {
	var f varFact
	if o.ix.pass.ImportObjectFact(v, &f) {
		return flow.Values{Lits: f.Lits, Reads: f.Reads}
	}
	return flow.Values{}
}

func (o oracle) FieldValues(field *types.Var, owner types.Type) flow.Values {
	var vals flow.Values
	if f := o.ix.facts.field(field); f != nil {
		vals = flow.Values{Lits: f.Lits, Reads: f.Reads}
	}
	if fs, ok := o.ix.s.Catalog.FieldSource(field, namedOf(owner)); ok {
		vals.Reads = append(vals.Reads, flow.ForeignRead{Kind: fs.Kind.Reads(), Implied: true,
			CalleeName: namedOf(owner).Obj().Name() + "." + field.Name()})
	}
	return vals
}

func (o oracle) Origin(obj types.Object) string {
	if o.ix.pass.ImportObjectFact(obj, new(reportedFact)) {
		return "" // reported where it is declared
	}
	if obj.Pkg() != nil && o.ix.isLibraryPackage(obj.Pkg()) {
		return "" // a JWT library's own constant: a sentinel (jwt.UnsafeAllowNoneSignatureType), no secret of yours
	}
	return o.ix.origin(obj)
}

// factCache keeps the facts of other packages' functions and fields that
// the pass has imported: one called or used in many places is looked up
// once.
type factCache struct {
	pass      *analysis.Pass
	funcs     map[*types.Func]*funcFact // nil: the function has none
	fields    map[*types.Var]*fieldFact // nil: the field has none
	collector *flow.Collector           // the literals facts carry (factLits)
}

func newFactCache(pass *analysis.Pass) factCache {
	return factCache{pass: pass, funcs: map[*types.Func]*funcFact{}, fields: map[*types.Var]*fieldFact{}}
}

// field returns the facts of a field of a struct of another package, or nil.
func (c *factCache) field(v *types.Var) *fieldFact {
	v = v.Origin()
	if v.Pkg() == nil || v.Pkg() == c.pass.Pkg {
		return nil
	}
	f, ok := c.fields[v]
	if !ok {
		f = new(fieldFact)
		if !c.pass.ImportObjectFact(v, f) {
			f = nil
		}
		c.fields[v] = f
	}
	return f
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

// exportFacts exports, for each exported function, method, variable,
// constant and struct field of the package that says something to its
// importers, what it says. Unexported objects cannot be used by another
// package.
func (ix *index) exportFacts() {
	for fn, fi := range ix.seen.funcs {
		if !fn.Exported() {
			continue
		}
		f := &funcFact{Keys: sortedParams(ix.seen.keyParams[fn]), KeyReads: sortedParams(ix.seen.keyReads[fn]),
			PartKeys: sortedParams(ix.seen.partKeyParams[fn]), Fills: ix.fillParams(fn)}
		f.Reads = slices.Sorted(maps.Keys(ix.seen.readParams[fn]))
		if fi.summarize {
			f.Summary = ix.summary(fn)
		}
		if len(f.Keys)+len(f.Reads)+len(f.KeyReads)+len(f.PartKeys)+len(f.Fills) > 0 || !f.Summary.Empty() {
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
		lits, reads := ix.values(ix.carrierOf(v), ix.flow.Object(v, flow.Value))
		if len(lits)+len(reads) > 0 {
			ix.pass.ExportObjectFact(v, &varFact{Lits: lits, Reads: reads})
		}
	}
	ix.exportFieldFacts()
	ix.exportSourceAliases()
	for obj := range ix.out.reportedObjs {
		if k, ok := obj.(*types.Const); ok && k.Exported() {
			ix.pass.ExportObjectFact(k, &reportedFact{})
		}
	}
}

// exportFieldFacts exports, for each exported field of a struct type the
// package declares, what the package assigns to it and whether its value
// reaches a key here.
func (ix *index) exportFieldFacts() {
	fields, paths := ix.structFields()
	keyFields, foreign := ix.keyFields()
	ix.exportForeignKeys(foreign)
	for _, f := range fields {
		if !f.Exported() {
			continue
		}
		ff := &fieldFact{}
		if kp, ok := keyFields[f]; ok {
			ff.Key = &kp
		}
		if (canHoldSecret(f.Type()) || isContainerType(f.Type())) && ix.flow.HasValues(f) {
			ff.Lits, ff.Reads = ix.values(fieldCarrier(f, paths[f]), ix.flow.Object(f, flow.Value))
		}
		if ff.Key != nil || len(ff.Lits)+len(ff.Reads) > 0 {
			ix.pass.ExportObjectFact(f, ff)
		}
	}
}

// keyFields returns the fields whose values reach a key in the package,
// with the first key each reaches: those of the package's own struct
// types, and those of other packages' (see foreign_keys.go).
func (ix *index) keyFields() (own, foreign map[*types.Var]keyParam) {
	own, foreign = map[*types.Var]keyParam{}, map[*types.Var]keyParam{}
	seen := map[flow.Node]bool{}
	for _, s := range ix.seen.sinks {
		n := s.node(ix)
		if n == nil || s.named || s.part {
			continue
		}
		ix.flow.Globals(n, seen, func(obj types.Object, m flow.Mode) {
			v, ok := obj.(*types.Var)
			if !ok || !v.IsField() || v.Pkg() == nil {
				return
			}
			out := own
			if v.Pkg() != ix.pass.Pkg {
				if !ix.mayCarryKey(v.Pkg()) {
					return
				}
				out = foreign
			}
			if _, done := out[v]; !done {
				out[v] = keyParam{Mode: m, Symbol: s.symbol, Where: s.where, How: s.how}
			}
		})
	}
	return own, foreign
}

// structFields returns the exported fields of the struct types the
// package exports or holds in an exported variable (heldTypes), with the
// fields of the anonymous structs they nest, which another package can
// name, and each one's path from its type ("Config.JWT.Key"), for
// messages.
func (ix *index) structFields() ([]*types.Var, map[*types.Var]string) {
	var out []*types.Var
	paths := map[*types.Var]string{}
	var add func(st *types.Struct, prefix string, depth int)
	add = func(st *types.Struct, prefix string, depth int) {
		for i := range st.NumFields() {
			f := st.Field(i)
			if !f.Exported() || f.Pkg() != ix.pass.Pkg {
				continue // type M other.S: the fields are the other package's, and so are their facts
			}
			if _, ok := paths[f]; !ok {
				out = append(out, f)
				paths[f] = prefix + f.Name()
			}
			if nested, ok := f.Type().(*types.Struct); ok && depth < maxFillDepth {
				add(nested, prefix+f.Name()+".", depth+1)
			}
		}
	}
	scope := ix.pass.Pkg.Scope()
	held := heldTypes(scope)
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || !tn.Exported() && !held[tn] {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			add(st, name+".", 0)
		}
	}
	return out, paths
}

// heldTypes returns the unexported named types of the package's exported
// variables (var Config config, var Current *settings): other packages
// read their exported fields through the variable.
func heldTypes(scope *types.Scope) map[*types.TypeName]bool {
	held := map[*types.TypeName]bool{}
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() {
			continue
		}
		t := v.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok && !n.Obj().Exported() && n.Obj().Pkg() == v.Pkg() {
			held[n.Obj()] = true
		}
	}
	return held
}

// values returns the literals and reads a node of c (a variable, a
// field, a function's result) holds, as its facts carry them.
func (ix *index) values(c carrier, n flow.Node) ([]flow.ForeignLit, []flow.ForeignRead) {
	var lits []flow.ForeignLit
	for _, l := range ix.factLits().Literals(n) {
		lits = append(lits, flow.ForeignLit{Value: l.Value, Origin: ix.litOrigin(c, l), Via: l.Via})
	}
	return lits, ix.foreignReads(c, ix.flow.Reads(n))
}

// foreignReads turns the reads a node of c holds into the reads its
// facts carry: at most maxFactLits, each with where it is and whether it
// was reported there.
func (ix *index) foreignReads(c carrier, reads []flow.Read) []flow.ForeignRead {
	var out []flow.ForeignRead
	for _, r := range reads {
		if r.ByParam || len(out) == maxFactLits {
			continue
		}
		if r.Origin != "" { // a read of another package, passed on: reported there, or here where it came in
			reported := r.Reported || r.Site != nil && ix.out.readSites[readSite{r.Site.Pos(), r.Name}]
			out = append(out, flow.ForeignRead{Name: r.Name, CalleeName: r.CalleeName, Field: r.Field, Kind: r.Kind,
				Origin: r.Origin, Pkg: r.Pkg, Reported: reported, Implied: r.Implied})
			continue
		}
		callee := r.CalleeName
		if r.Callee != nil {
			callee, _ = calleeNames(r.Callee)
		}
		out = append(out, flow.ForeignRead{Name: r.Name, CalleeName: callee, Field: r.Field, Kind: r.Kind,
			Origin: ix.siteOrigin(c, r.Site), Pkg: ix.pass.Pkg.Path(), Implied: r.Implied,
			Reported: r.Site != nil && ix.out.readSites[readSite{r.Site.Pos(), r.Name}]})
	}
	return out
}

// sortedParams returns the parameters of a map by index.
func sortedParams(m map[int]keyParam) []keyParam {
	out := slices.Collect(maps.Values(m))
	slices.SortFunc(out, func(a, b keyParam) int { return a.Index - b.Index })
	return out
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
		case m == flow.Value && !canHoldSecret(res), m == flow.Keyfunc && !isKeyfuncType(res), m == flow.Elems && !isKeyContainer(res):
			continue
		}
		ret := ix.flow.Result(fn, m)
		if ret == nil {
			continue
		}
		r := &s.Results[m]
		r.Lits, r.Reads = ix.values(ix.carrierOf(fn), ret)
		whole := ix.flow.Params(ret)
		for _, p := range whole {
			if p.Fn == fn {
				r.Params = append(r.Params, flow.Arg{Index: p.Index, Mode: p.Mode})
			}
		}
		for _, p := range ix.flow.PartParams(ret) {
			if p.Fn == fn && !slices.Contains(whole, p) {
				r.Parts = append(r.Parts, flow.Arg{Index: p.Index, Mode: p.Mode})
			}
		}
		r.Fields = ix.summaryFields(ret)
		for _, rd := range ix.flow.Reads(ret) {
			if rd.ByParam && rd.Param.Fn == fn {
				r.ReadParams = append(r.ReadParams, rd.Param.Index)
			}
		}
	}
	return s
}

// isKeyContainer reports whether a function's result is a map or slice
// whose elements may be keys a caller hands to a library by key id: bytes
// or interfaces (map[string]any, map[string][]byte). A slice or map of
// strings is the common result of a function that lists names, and its
// elements' summary would cost every such function a query for nothing.
func isKeyContainer(t types.Type) bool {
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Map:
		elem = u.Elem()
	case *types.Slice:
		elem = u.Elem()
	default:
		return false
	}
	return canHoldSecret(elem) && !isString(elem)
}

// isKeyfuncType reports whether t is a function type returning key material
// first: a keyfunc, or what a factory of keyfuncs returns.
func isKeyfuncType(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Results().Len() > 0 && jwtlib.IsKeyType(sig.Results().At(0).Type())
}
