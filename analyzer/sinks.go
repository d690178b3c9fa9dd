package analyzer

import (
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtssot/jwtssot/internal/flow"
)

// propagateKeys finds the parameters of the package's functions that reach
// a key, and makes every call of such a function a sink of its own: the
// argument given to that parameter is a key too (SignWith(key []byte)
// passing key to SignedString makes SignWith([]byte("dev")) a hardcoded
// secret). Each (function, parameter) is added once, so recursion and long
// chains of helpers cost one pass each; the facts carry the parameters to
// the packages that call the function.
func (c *checker) propagateKeys() {
	for i := 0; i < len(c.sinks); i++ { // c.sinks grows as calls become sinks
		s := c.sinks[i]
		n := s.node(c)
		if n == nil {
			continue
		}
		// A parameter stored in a field or a package variable that
		// reaches the key is a key parameter too: its function's callers,
		// here and in other packages, give the key.
		for _, p := range slices.Concat(c.flow.Params(n), c.flow.StoredParams(n)) {
			if _, done := c.keyParams[p.Fn][p.Index]; done {
				continue
			}
			if c.keyParams[p.Fn] == nil {
				c.keyParams[p.Fn] = map[int]keyParam{}
			}
			kp := keyParam{Index: p.Index, Mode: p.Mode, Symbol: s.symbol, Where: s.where}
			c.keyParams[p.Fn][p.Index] = kp
			for _, call := range c.flow.CallsOf(p.Fn) {
				c.sinks = append(c.sinks, c.throughSink(call, p.Fn, kp))
			}
		}
	}
}

// markNameLits records the literals used as a setting's name: the values
// of every name argument of a read, a flag definition, a setter or a
// binder. Such a literal is a name whatever its case style
// (const jwtSecretKey = "jwt_secret" read as GetString(jwtSecretKey)), never
// a secret bound to a secret's name.
func (c *checker) markNameLits() {
	seen := map[flow.Node]bool{}
	for _, arg := range c.nameArgs {
		c.flow.Literals(c.flow.Trace(arg, flow.Value), seen, func(l *flow.Lit) {
			if l.Origin == "" && l.Expr != nil {
				c.nameLits[l.Expr.Pos()] = true
			}
		})
	}
}

// markUsesJWT records that the code at cur uses a JWT library.
func (c *checker) markUsesJWT(inspector.Cursor) {
	c.usesJWT = true
}
