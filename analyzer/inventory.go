package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// A Site is one JWT operation of the package, inside the auth packages or
// outside, with what the code says of it: the inventory (docs/cli.md)
// groups the sites by function into implementations and compares them.
type Site struct {
	Pos      token.Pos
	Function string // enclosing function, as in Finding
	InAuth   bool

	Op      string // jwtlib.OpSign, OpParse, OpVerify, OpDecode or OpKeyfunc
	Library string // the library's path
	Symbol  string // e.g. github.com/golang-jwt/jwt/v5.ParseWithClaims

	// Algorithms are the signing methods used or accepted, as far as the
	// code says; AlgorithmsRestricted is true when the code restricts
	// the accepted ones (always for a sign with a known method).
	Algorithms           []string
	AlgorithmsRestricted bool
	// AnyAlgorithm is true when a parse accepts any algorithm the key
	// fits: golang-jwt without WithValidMethods or a check of t.Method.
	AnyAlgorithm bool

	ExpirationRequired bool
	Audience, Issuer   string
	Leeway             string
	ClaimsSkipped      bool // jwt.WithoutClaimsValidation
	Unverified         bool // the signature is not verified

	KeySource string // "auth module", "env", "literal", "parameter", "field", "keyfunc", "none" (decode) or "unknown"
	KeyDetail string // the setting read, or the parameter
}

// A pendingSite is a library call the walk met, resolved into a Site once
// the value graph is complete.
type pendingSite struct {
	call *ast.CallExpr
	fn   *types.Func
	op   string
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
		s := Site{
			Pos: p.call.Pos(), InAuth: ix.inAuth, Op: p.op,
			Library: ix.s.Libs.Match(p.fn.Pkg().Path()), Symbol: p.fn.FullName(),
			Unverified: p.op == jwtlib.OpDecode,
		}
		ix.readOptions(&s, p)
		if s.Unverified {
			s.KeySource = "none" // nothing is verified, no key is used
		} else {
			ix.keySource(&s, p)
		}
		if s.Op == jwtlib.OpSign && len(s.Algorithms) > 0 {
			s.AlgorithmsRestricted = true
		}
		// golang-jwt verifies with whatever method the token's header
		// names, if the key fits it; the other libraries take the
		// algorithm with the key or from their configuration.
		s.AnyAlgorithm = (s.Op == jwtlib.OpParse || s.Op == jwtlib.OpVerify) && jwtlib.GolangJWT(s.Library) && !s.AlgorithmsRestricted
		slices.Sort(s.Algorithms)
		s.Algorithms = slices.Compact(s.Algorithms)
		ix.inv.sites = append(ix.inv.sites, s)
	}
	return ix.inv.sites
}
