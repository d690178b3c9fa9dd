package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/rules"
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

	ExpirationRequired bool
	Audience, Issuer   string
	Leeway             string
	ClaimsSkipped      bool // jwt.WithoutClaimsValidation
	Unverified         bool // the signature is not verified

	KeySource string // "auth module", "env", "literal", "parameter", "keyfunc" or "unknown"
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
func (c *checker) noteSite(call *ast.CallExpr, fn *types.Func) {
	if op := jwtlib.Op(fn); op != "" && c.analyzed(call.Pos()) {
		c.pending = append(c.pending, pendingSite{call: call, fn: fn, op: op})
	}
}

// resolveSites turns the pending sites into Sites, and reports the
// insecure-parse findings they show.
func (c *checker) resolveSites() {
	for _, p := range c.pending {
		s := Site{
			Pos: p.call.Pos(), InAuth: c.inAuth, Op: p.op,
			Library: c.s.Libs.Match(p.fn.Pkg().Path()), Symbol: p.fn.FullName(),
			Unverified: p.op == jwtlib.OpDecode,
		}
		c.readOptions(&s, p)
		c.keySource(&s, p)
		if s.Op == jwtlib.OpSign && len(s.Algorithms) > 0 {
			s.AlgorithmsRestricted = true
		}
		slices.Sort(s.Algorithms)
		s.Algorithms = slices.Compact(s.Algorithms)
		c.sites = append(c.sites, s)
		c.checkInsecureParse(p, s)
	}
}

// checkInsecureParse implements the insecure-parse rule (off by default):
// a token decoded without verification, or a golang-jwt parse that does
// not restrict the signing methods.
func (c *checker) checkInsecureParse(p pendingSite, s Site) {
	name := shortFuncName(p.fn)
	switch {
	case s.Op == jwtlib.OpDecode:
		c.report(rules.InsecureParse, p.call.Pos(), p.call.End(), s.Symbol,
			name+" reads the token's claims without verifying its signature; verify with the auth module's API")
	case s.Op == jwtlib.OpParse && golangJWT(s.Library) && !s.AlgorithmsRestricted:
		c.report(rules.InsecureParse, p.call.Pos(), p.call.End(), s.Symbol,
			name+" accepts any signing method the keyfunc's key fits: pass jwt.WithValidMethods([]string{...}) "+
				"or check t.Method in the keyfunc")
	}
}

func golangJWT(lib string) bool {
	return lib == "github.com/golang-jwt/jwt" || lib == "github.com/dgrijalva/jwt-go" || lib == "github.com/form3tech-oss/jwt-go"
}

// readOptions reads the options of a call (and of the parser a method is
// called on): the algorithms and the claim checks.
func (c *checker) readOptions(s *Site, p pendingSite) {
	args := slices.Clone(p.call.Args)
	if sel, ok := ast.Unparen(p.call.Fun).(*ast.SelectorExpr); ok {
		if _, isMethod := c.info.Selections[sel]; isMethod {
			args = append(args, c.constructorArgs(sel.X)...)
			if p.op == jwtlib.OpSign {
				c.signingMethods(s, sel.X)
			}
		}
	}
	for _, a := range args {
		call, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			continue
		}
		opt, ok := calleeFunc(c.info, call)
		if !ok || opt.Pkg() == nil || c.s.Libs.Match(opt.Pkg().Path()) == "" {
			continue
		}
		c.option(s, opt.Name(), call)
	}
	if p.op == jwtlib.OpParse || p.op == jwtlib.OpVerify {
		if kf := c.keyfuncArg(p); kf != nil {
			c.keyfuncChecks(s, kf)
		}
	}
}

// option records what one option call says.
func (c *checker) option(s *Site, name string, call *ast.CallExpr) {
	arg := func(i int) string {
		if i >= len(call.Args) {
			return ""
		}
		if v, ok := c.constString(call.Args[i]); ok {
			return v
		}
		return types.ExprString(call.Args[i])
	}
	switch name {
	case "WithValidMethods":
		s.AlgorithmsRestricted = true
		if len(call.Args) > 0 {
			if lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit); ok {
				for _, e := range lit.Elts {
					if v, ok := c.constString(e); ok {
						s.Algorithms = append(s.Algorithms, v)
					}
				}
			}
		}
	case "WithKey", "WithVerify":
		// jwx: the algorithm is given with the key; verifying requires it.
		if name == "WithKey" {
			s.AlgorithmsRestricted = true
			if alg := c.algorithmName(call.Args, 0); alg != "" {
				s.Algorithms = append(s.Algorithms, alg)
			}
		}
	case "WithExpirationRequired":
		s.ExpirationRequired = true
	case "WithAudience":
		s.Audience = arg(0)
	case "WithIssuer":
		s.Issuer = arg(0)
	case "WithLeeway", "WithAcceptableSkew":
		s.Leeway = arg(0)
	case "WithoutClaimsValidation":
		s.ClaimsSkipped = true
	}
}

// algorithmName reads a jwx or go-jose algorithm argument: jwa.HS256(),
// jwa.HS256, or a constant string.
func (c *checker) algorithmName(args []ast.Expr, i int) string {
	if i >= len(args) {
		return ""
	}
	x := ast.Unparen(args[i])
	if v, ok := c.constString(x); ok {
		return v
	}
	if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 0 {
		x = call.Fun
	}
	if sel, ok := x.(*ast.SelectorExpr); ok {
		return sel.Sel.Name
	}
	return ""
}

// constructorArgs returns the arguments of the call that made the value x
// (a parser made by jwt.NewParser(opts...), directly or through a
// variable).
func (c *checker) constructorArgs(x ast.Expr) []ast.Expr {
	for range 8 { // a chain of variables, not a cycle
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			return e.Args
		case *ast.Ident:
			v, ok := c.info.Uses[e].(*types.Var)
			if !ok {
				return nil
			}
			values := c.flow.Assigned(v)
			if len(values) == 0 {
				return nil
			}
			x = values[len(values)-1]
		case *ast.UnaryExpr:
			x = e.X
		default:
			return nil
		}
	}
	return nil
}

// signingMethods reads the method a token to sign was made with:
// jwt.NewWithClaims(jwt.SigningMethodHS256, ...), jwt.GetSigningMethod("HS256").
func (c *checker) signingMethods(s *Site, tok ast.Expr) {
	args := c.constructorArgs(tok)
	if len(args) == 0 {
		return
	}
	m := ast.Unparen(args[0])
	if call, ok := m.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if v, ok := c.constString(call.Args[0]); ok {
			s.Algorithms = append(s.Algorithms, v)
		}
		return
	}
	if sel, ok := m.(*ast.SelectorExpr); ok {
		if alg, ok := strings.CutPrefix(sel.Sel.Name, "SigningMethod"); ok && alg != "" {
			s.Algorithms = append(s.Algorithms, alg)
		}
	}
}

// keyfuncArg returns the keyfunc argument of a parse, if any.
func (c *checker) keyfuncArg(p pendingSite) ast.Expr {
	sig, ok := c.info.TypeOf(p.call.Fun).(*types.Signature)
	if !ok {
		return nil
	}
	for i, a := range p.call.Args {
		if param := paramAt(sig, i); param != nil && jwtlib.ParamUse(p.fn, min(i, sig.Params().Len()-1), param) == jwtlib.Keyfunc {
			return a
		}
	}
	return nil
}

// keyfuncChecks reads a keyfunc's checks of the token's signing method:
// a keyfunc that looks at t.Method restricts the algorithms, and a type
// assertion or a comparison with an algorithm's name says which.
func (c *checker) keyfuncChecks(s *Site, kf ast.Expr) {
	var body ast.Node
	switch k := ast.Unparen(kf).(type) {
	case *ast.FuncLit:
		body = k.Body
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := k.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = k.(*ast.Ident)
		}
		if fn, ok := c.info.Uses[id].(*types.Func); ok {
			if st := c.funcs[fn.Origin()]; st != nil {
				body = st.decl.Body
			}
		}
	}
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr: // t.Method
			if sel, ok := c.info.Selections[n]; ok && n.Sel.Name == "Method" && sel.Kind() == types.FieldVal && c.isLibraryType(sel.Recv()) {
				s.AlgorithmsRestricted = true
			}
		case *ast.IndexExpr: // t.Header["alg"]
			if v, ok := c.constString(n.Index); ok && v == "alg" {
				if sel, ok := ast.Unparen(n.X).(*ast.SelectorExpr); ok && sel.Sel.Name == "Header" {
					s.AlgorithmsRestricted = true
				}
			}
		case *ast.TypeAssertExpr:
			if t := namedOf(c.info.TypeOf(n.Type)); t != nil && c.isLibraryType(t) {
				if family, ok := strings.CutPrefix(t.Obj().Name(), "SigningMethod"); ok {
					s.Algorithms = append(s.Algorithms, family+" family")
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, side := range []ast.Expr{n.X, n.Y} {
					if v, ok := c.constString(side); ok && isAlgName(v) {
						s.Algorithms = append(s.Algorithms, v)
					}
				}
			}
		}
		return true
	})
}

// isAlgName reports whether s names a JWS algorithm.
func isAlgName(s string) bool {
	switch s {
	case "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
		"PS256", "PS384", "PS512", "EdDSA", "none":
		return true
	}
	return false
}

// keySource says where the key of a site comes from, through the value
// graph: a literal, a setting read, a parameter of the enclosing function,
// a value of the auth module, or unknown.
func (c *checker) keySource(s *Site, p pendingSite) {
	var n flow.Node
	var at ast.Expr
	switch {
	case p.op == jwtlib.OpSign && len(p.call.Args) > 0 && golangJWT(s.Library):
		at, n = p.call.Args[0], c.flow.Trace(p.call.Args[0], flow.Value)
	default:
		if kf := c.keyfuncArg(p); kf != nil {
			at, n = kf, c.flow.Trace(kf, flow.Keyfunc)
			s.KeySource = "keyfunc"
		}
		for _, a := range p.call.Args {
			if call, ok := ast.Unparen(a).(*ast.CallExpr); ok && len(call.Args) == 2 {
				if opt, ok := calleeFunc(c.info, call); ok && opt.Name() == "WithKey" {
					at, n = call.Args[1], c.flow.Trace(call.Args[1], flow.Value)
				}
			}
		}
	}
	if n == nil {
		if s.KeySource == "" {
			s.KeySource = "unknown"
		}
		return
	}
	lit := false
	c.flow.Literals(n, map[flow.Node]bool{}, func(l *flow.Lit) {
		lit = lit || (l.Value != "" && !jwtlib.IsPublicKeyText(l.Value))
	})
	switch {
	case lit:
		s.KeySource = "literal"
		return
	}
	for _, r := range c.flow.Reads(n) {
		if !r.ByParam {
			s.KeySource, s.KeyDetail = "env", r.Name
			return
		}
	}
	if ps := c.flow.Params(n); len(ps) > 0 {
		s.KeySource, s.KeyDetail = "parameter", ps[0].Fn.Name()
		return
	}
	if c.usesAuth(at) {
		s.KeySource = "auth module"
		return
	}
	if s.KeySource == "" {
		s.KeySource = "unknown"
	}
}

// usesAuth reports whether x refers to a function or value of an auth
// package other than the site's own.
func (c *checker) usesAuth(x ast.Expr) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := c.info.Uses[id]; obj != nil && obj.Pkg() != nil && obj.Pkg() != c.pass.Pkg && c.s.IsAuth(obj.Pkg().Path()) {
				found = true
			}
		}
		return !found
	})
	return found
}
