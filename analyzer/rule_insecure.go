package analyzer

import (
	"github.com/jwtssot/jwtssot/internal/jwtop"
	"github.com/jwtssot/jwtssot/internal/rules"
)

// checkInsecureParse implements the insecure-parse rule (off by default):
// a token decoded without verification, or a golang-jwt parse that does
// not restrict the signing methods. A decode in a function that also
// verifies a token reads its header to choose the key (the kid, the
// issuer) before verifying it, and is left alone.
func checkInsecureParse(ix *index) {
	sites := ix.inventory()
	verifies := map[string]bool{} // functions that verify a token
	for _, s := range sites {
		if s.Op.Verifies() {
			verifies[ix.functionAt(s.Pos)] = true
		}
	}
	for i, p := range ix.seen.pending {
		s := sites[i]
		name := shortFuncName(p.fn)
		switch {
		case s.Op == jwtop.Decode && !verifies[ix.functionAt(p.call.Pos())]:
			ix.report(rules.InsecureParse, p.call.Pos(), p.call.End(), s.Symbol,
				name+" reads the token's claims without verifying its signature; verify with the auth module's API")
		case s.AnyAlgorithm:
			ix.report(rules.InsecureParse, p.call.Pos(), p.call.End(), s.Symbol,
				name+" accepts any signing method the keyfunc's key fits: pass jwt.WithValidMethods([]string{...}) "+
					"or check t.Method in the keyfunc")
		}
	}
}
