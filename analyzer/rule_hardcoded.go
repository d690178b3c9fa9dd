package analyzer

import (
	"go/ast"
	"sort"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/secretname"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// checkHardcodedSecrets implements the hardcoded-secret rule: every literal
// a key may hold (the sinks: library key parameters and fields, and the
// parameters of the module's functions that pass a key on), then every
// literal bound to a JWT secret's name, a secret setting's default or
// fallback, or a struct-tag default of a field named for a secret.
func checkHardcodedSecrets(ix *index) {
	seen := [2]map[flow.Node]bool{{}, {}} // by sinks, by named sources
	for _, s := range ix.seen.sinks {
		ix.reportLiterals(s, seen[0])
	}
	for _, s := range ix.namedSinks() {
		ix.reportLiterals(s, seen[1])
	}
	for _, td := range ix.seen.tagDefaults {
		if _, ok := ix.secretField(td.field.Names, td.tag); ok && ix.mayBeSecret(td.value) {
			fname := "field"
			if len(td.field.Names) > 0 {
				fname = td.field.Names[0].Name
			}
			ix.reportSecret(td.field.Tag, td.value, "", "as the struct-tag default of "+fname, "")
		}
	}
	ix.reportFallbacks(seen[1])
}

// reportLiterals reports every literal a sink's value may hold, and
// records the parameters of its function that reach it.
func (ix *index) reportLiterals(s sink, seen map[flow.Node]bool) {
	if s.part {
		return // a literal combined with other values is no hardcoded key
	}
	n := s.node(ix)
	if n == nil {
		return
	}
	ix.flow.Literals(n, seen, func(l *flow.Lit) {
		if l.Value == "" || jwtlib.IsPublicKeyText(l.Value) || secretname.IsMask(l.Value) {
			return
		}
		if s.named && (!ix.mayBeSecret(l.Value) || ix.nameLit(l) || secretname.SpellsName(s.name, l.Value)) {
			return
		}
		how := s.how
		if l.Via != "" {
			how = l.Via + " and " + how
		}
		ix.reportSecret(l.Expr, l.Value, l.Origin, how, s.symbol)
	})
}

// reportFallbacks reports the literals of every variable, field and
// function result that is read from a JWT secret setting: they are its
// fallbacks (s := os.Getenv("JWT_SECRET"); if s == "" { s = "dev" }).
func (ix *index) reportFallbacks(seen map[flow.Node]bool) {
	if !ix.readsSecretByName() {
		return // no fallback without a secret read by its name: each site's reads would cost a query
	}
	var sites []flow.Node
	for _, obj := range ix.seen.fallbackObjs {
		if ix.flow.MayMix(obj) {
			sites = append(sites, ix.flow.Object(obj, flow.Value))
		}
	}
	for _, fn := range ix.seen.fallbackFns {
		if r := ix.flow.Result(fn, flow.Value); r != nil {
			sites = append(sites, r)
		}
	}
	for _, call := range ix.seen.namedCalls { // getenv("JWT_SECRET", "dev"), whatever becomes of its result
		sites = append(sites, ix.flow.Trace(call, flow.Value))
	}
	// A site with no literal has no fallback: one walk of the graph (the
	// collector) finds the sites that hold one, and only those cost a
	// query of their reads.
	holds := ix.flow.NewCollector(1, func(l *flow.Lit) bool { return l.Value != "" })
	for _, n := range sites {
		if len(holds.Literals(n)) == 0 {
			continue
		}
		var key string
		for _, rd := range ix.flow.Reads(n) {
			if !rd.ByParam && ix.names.IsSecretKey(rd.Name) {
				key = rd.Name
				break
			}
		}
		if key == "" {
			continue
		}
		ix.reportLiterals(sink{named: true, how: "as the fallback for " + key, value: n}, seen)
	}
}

// readsSecretByName reports whether the package may read a setting named
// like a JWT secret: a read the walk recorded names one, a call of a
// function of the module is given one, or a function of another package
// it calls returns a setting it reads.
func (ix *index) readsSecretByName() bool {
	for _, call := range ix.seen.foreignReads {
		fn, _ := calleeFunc(ix.info, call)
		f := ix.facts.fn(fn)
		for _, r := range f.Summary.Results {
			for _, rd := range r.Reads {
				if ix.names.IsSecretKey(rd.Name) {
					return true
				}
			}
			for _, i := range r.ReadParams {
				if s, ok := ix.constString(call.Args[min(i, len(call.Args)-1)]); ok && ix.names.IsSecretKey(s) {
					return true
				}
			}
		}
	}
	for _, u := range ix.seen.reads {
		if u.secretKey != "" {
			return true
		}
	}
	for _, call := range ix.seen.namedCalls {
		for _, a := range call.Args {
			if s, ok := ix.constString(a); ok && ix.names.IsSecretKey(s) {
				return true
			}
		}
	}
	return false
}

// reportSecret reports a hardcoded secret at its literal, once per literal.
func (ix *index) reportSecret(lit ast.Node, value, origin, how, symbol string) {
	if value == "" || ix.out.secretLits[lit.Pos()] || !ix.analyzed(lit.Pos()) {
		return
	}
	ix.out.secretLits[lit.Pos()] = true
	ix.markInitialized(lit)
	from := ""
	if origin != "" {
		from = "from " + origin + " "
	}
	body := "hardcoded JWT secret " + visible.Secret(value) + " " + from + how +
		"; load it from the environment or a secret store in the auth module"
	ix.report(rules.HardcodedSecret, lit.Pos(), lit.End(), symbol, body)
}

// markInitialized marks as reported the package-level constants and
// variables whose value holds lit: their uses elsewhere are not reported
// again. The values of package-level declarations do not overlap, so the
// one around lit is found by a binary search of their spans.
func (ix *index) markInitialized(lit ast.Node) {
	spans := ix.initializerSpans()
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End() > lit.Pos() })
	if i < len(spans) && spans[i].Pos() <= lit.Pos() {
		for _, obj := range ix.seen.initializers[spans[i]] {
			ix.out.reportedObjs[obj] = true
		}
	}
}

// initializerSpans returns the values of package-level declarations, by
// position, sorted once.
func (ix *index) initializerSpans() []ast.Expr {
	if ix.out.spans == nil {
		ix.out.spans = make([]ast.Expr, 0, len(ix.seen.initializers))
		for e := range ix.seen.initializers {
			ix.out.spans = append(ix.out.spans, e)
		}
		sort.Slice(ix.out.spans, func(i, j int) bool { return ix.out.spans[i].Pos() < ix.out.spans[j].Pos() })
	}
	return ix.out.spans
}
