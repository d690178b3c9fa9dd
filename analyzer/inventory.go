package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/jwtop"
)

// A Site is one JWT operation of the package, inside the auth packages or
// outside, with what the code says of it (jwtop.Facts): the inventory
// (docs/cli.md) groups the sites by function into implementations and
// compares them.
type Site struct {
	Pos      token.Pos
	Function string // enclosing function, as in Finding
	InAuth   bool
	jwtop.Facts
}

// A pendingSite is a library call the walk met, resolved into a Site once
// the value graph is complete.
type pendingSite struct {
	call *ast.CallExpr
	fn   *types.Func
	op   jwtop.Op
}

// noteSite records a call of a library function that signs, parses,
// verifies or builds keys.
func (ix *index) noteSite(call *ast.CallExpr, fn *types.Func) {
	if op := jwtlib.Op(fn); op != "" && ix.analyzed(call.Pos()) {
		ix.seen.pending = append(ix.seen.pending, pendingSite{call: call, fn: fn, op: op})
	}
}

// inventoryState is the package's JWT operations, resolved once.
type inventoryState struct {
	done    bool
	sites   []Site          // resolved from seen.pending, in the same order
	keyLits *flow.Collector // whether a site's key may be a literal, for all sites in one walk
}

// inventory resolves the JWT operations the walk met into Sites, once the
// value graph is complete: the inventory (docs/cli.md) and the
// insecure-parse rule read them.
func (ix *index) inventory() []Site {
	if ix.inv.done {
		return ix.inv.sites
	}
	ix.inv.done = true
	for _, p := range ix.seen.pending {
		s := Site{Pos: p.call.Pos(), InAuth: ix.inAuth, Facts: jwtop.Facts{
			Op: p.op, Library: ix.s.Libs.Match(p.fn.Pkg().Path()), Symbol: p.fn.FullName(),
			Claims: jwtop.Claims{Unverified: p.op == jwtop.Decode},
		}}
		ix.readOptions(&s, p)
		if s.Claims.Unverified {
			s.KeySource = jwtop.KeyNone // nothing is verified, no key is used
		} else {
			ix.keySource(&s, p)
		}
		if s.Op == jwtop.Sign && len(s.Algorithms) > 0 {
			s.AlgorithmsRestricted = true
		}
		// golang-jwt verifies with whatever method the token's header
		// names, if the key fits it; the other libraries take the
		// algorithm with the key or from their configuration.
		s.AnyAlgorithm = s.Op.Verifies() && jwtlib.GolangJWT(s.Library) && !s.AlgorithmsRestricted
		slices.Sort(s.Algorithms)
		s.Algorithms = slices.Compact(s.Algorithms)
		ix.inv.sites = append(ix.inv.sites, s)
	}
	return ix.inv.sites
}
