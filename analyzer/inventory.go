package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"time"

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
		if s.Unverified {
			s.KeySource = "none" // nothing is verified, no key is used
		} else {
			c.keySource(&s, p)
		}
		if s.Op == jwtlib.OpSign && len(s.Algorithms) > 0 {
			s.AlgorithmsRestricted = true
		}
		// golang-jwt verifies with whatever method the token's header
		// names, if the key fits it; the other libraries take the
		// algorithm with the key or from their configuration.
		s.AnyAlgorithm = (s.Op == jwtlib.OpParse || s.Op == jwtlib.OpVerify) && golangJWT(s.Library) && !s.AlgorithmsRestricted
		slices.Sort(s.Algorithms)
		s.Algorithms = slices.Compact(s.Algorithms)
		c.sites = append(c.sites, s)
	}
	verifies := map[string]bool{} // functions that verify a token
	for _, s := range c.sites {
		if s.Op == jwtlib.OpParse || s.Op == jwtlib.OpVerify {
			verifies[c.functionAt(s.Pos)] = true
		}
	}
	for i, p := range c.pending {
		c.checkInsecureParse(p, c.sites[i], verifies[c.functionAt(p.call.Pos())])
	}
}

// checkInsecureParse implements the insecure-parse rule (off by default):
// a token decoded without verification, or a golang-jwt parse that does
// not restrict the signing methods. A decode in a function that also
// verifies a token reads its header to choose the key (the kid, the
// issuer) before verifying it, and is left alone.
func (c *checker) checkInsecureParse(p pendingSite, s Site, alsoVerifies bool) {
	name := shortFuncName(p.fn)
	switch {
	case s.Op == jwtlib.OpDecode && !alsoVerifies:
		c.report(rules.InsecureParse, p.call.Pos(), p.call.End(), s.Symbol,
			name+" reads the token's claims without verifying its signature; verify with the auth module's API")
	case s.AnyAlgorithm:
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
		}
	}
	c.readOptionExprs(s, args, 0)
	if p.op == jwtlib.OpParse || p.op == jwtlib.OpVerify {
		if kf := c.keyfuncArg(p); kf != nil {
			c.keyfuncChecks(s, kf)
		}
	}
	// A sign uses the algorithm it is given; outside golang-jwt, whose
	// parse takes its algorithms from options, so does a verify.
	if p.op == jwtlib.OpSign || (!s.AlgorithmsRestricted && !golangJWT(s.Library) && (p.op == jwtlib.OpParse || p.op == jwtlib.OpVerify)) {
		if alg, ok := c.findAlgorithm(args, 0); ok {
			s.AlgorithmsRestricted = true
			s.Algorithms = append(s.Algorithms, alg)
		}
	}
}

// readOptionExprs reads the options among a call's arguments (depth counts
// the parsers followed through request.WithParser).
func (c *checker) readOptionExprs(s *Site, args []ast.Expr, depth int) {
	for _, a := range c.expandArgs(args) {
		if lit, ok := ast.Unparen(a).(*ast.CompositeLit); ok {
			c.algorithmList(s, lit) // go-jose: ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
			c.configFields(s, lit)  // echo-jwt: WithConfig(echojwt.Config{SigningMethod: ..., KeyFunc: ...})
			continue
		}
		call, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			continue
		}
		opt, ok := calleeFunc(c.info, call)
		if !ok || opt.Pkg() == nil || c.s.Libs.Match(opt.Pkg().Path()) == "" {
			continue
		}
		c.option(s, opt.Name(), call, depth)
	}
}

// maxExpanded bounds the expressions expandArgs returns for one call.
const maxExpanded = 256

// expandArgs returns the arguments of a call with what its variables hold:
// options kept in a slice (jwt.ParseString(raw, s.opts...), built with a
// composite literal and appends) or in a variable of their own, so that
// readOptions sees the option calls wherever they are written. Each
// variable is followed once, and the result is bounded by maxExpanded.
func (c *checker) expandArgs(args []ast.Expr) []ast.Expr {
	var out []ast.Expr
	seen := map[*types.Var]bool{}
	var expand func(x ast.Expr)
	expand = func(x ast.Expr) {
		if len(out) >= maxExpanded {
			return
		}
		switch e := ast.Unparen(x).(type) {
		case *ast.Ident, *ast.SelectorExpr:
			v := c.varOf(e)
			if v == nil || seen[v] {
				out = append(out, e)
				return
			}
			seen[v] = true
			values := c.flow.Assigned(v)
			if len(values) == 0 {
				out = append(out, e)
			}
			for _, val := range values {
				expand(val)
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" {
				if _, builtin := c.info.Uses[id].(*types.Builtin); builtin {
					for _, a := range e.Args {
						expand(a)
					}
					return
				}
			}
			out = append(out, e)
		case *ast.SliceExpr:
			expand(e.X)
		case *ast.CompositeLit:
			out = append(out, e)
			for _, elt := range e.Elts {
				if _, kv := elt.(*ast.KeyValueExpr); !kv {
					expand(elt)
				}
			}
		default:
			out = append(out, e)
		}
	}
	for _, a := range args {
		expand(a)
	}
	return out
}

// configFields reads a middleware's configuration struct: the signing
// method it requires and the keyfunc it is given.
func (c *checker) configFields(s *Site, lit *ast.CompositeLit) {
	if !c.isLibraryType(c.info.TypeOf(lit)) {
		return
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch key.Name {
		case "SigningMethod":
			if alg, ok := c.algorithmOf(kv.Value); ok {
				s.AlgorithmsRestricted = true
				s.Algorithms = append(s.Algorithms, alg)
			}
		case "KeyFunc", "Keyfunc":
			c.keyfuncChecks(s, kv.Value)
		}
	}
}

// algorithmList records a list of algorithms given to a parse: a composite
// literal whose elements all name algorithms restricts the site to them.
func (c *checker) algorithmList(s *Site, lit *ast.CompositeLit) {
	var algs []string
	for _, e := range lit.Elts {
		v, ok := c.algorithmOf(e)
		if !ok {
			return
		}
		algs = append(algs, v)
	}
	if len(algs) > 0 {
		s.AlgorithmsRestricted = true
		s.Algorithms = append(s.Algorithms, algs...)
	}
}

// option records what one option call says.
func (c *checker) option(s *Site, name string, call *ast.CallExpr, depth int) {
	arg := func(i int) string {
		if i >= len(call.Args) {
			return ""
		}
		if v, ok := c.constString(call.Args[i]); ok {
			return v
		}
		if d, ok := c.constDuration(call.Args[i]); ok {
			return d
		}
		return types.ExprString(call.Args[i])
	}
	switch name {
	case "WithValidMethods":
		s.AlgorithmsRestricted = true
		if len(call.Args) > 0 {
			if lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit); ok {
				c.algorithmList(s, lit)
			}
		}
	case "WithKey", "WithVerify":
		// jwx: the algorithm is given with the key; verifying requires it.
		if name == "WithKey" {
			s.AlgorithmsRestricted = true
			if len(call.Args) > 0 {
				if alg, ok := c.algorithmOf(call.Args[0]); ok {
					s.Algorithms = append(s.Algorithms, alg)
				}
			}
		}
	case "WithExpirationRequired":
		s.ExpirationRequired = true
	case "WithAudience":
		s.Audience = c.claimValue(call)
	case "WithIssuer":
		s.Issuer = c.claimValue(call)
	case "WithLeeway", "WithAcceptableSkew":
		s.Leeway = arg(0)
	case "WithoutClaimsValidation":
		s.ClaimsSkipped = true
	case "WithParser":
		// golang-jwt's request.ParseFromRequest(r, ex, kf, request.WithParser(p)):
		// the options are p's.
		if len(call.Args) > 0 && depth < 2 {
			c.readOptionExprs(s, c.constructorArgs(call.Args[0]), depth+1)
		}
	}
}

// claimValue renders the value a claim is required to have: a constant
// quoted, else the expression it is checked against.
func (c *checker) claimValue(call *ast.CallExpr) string {
	if len(call.Args) == 0 {
		return ""
	}
	if v, ok := c.constString(call.Args[0]); ok {
		return strconv.Quote(v)
	}
	return "checked against " + types.ExprString(call.Args[0])
}

// constDuration formats a constant time.Duration as Go prints it ("5m0s"),
// so that 5*time.Minute and 300*time.Second compare equal.
func (c *checker) constDuration(e ast.Expr) (string, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return "", false
	}
	n, ok := types.Unalias(tv.Type).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "time" || n.Obj().Name() != "Duration" {
		return "", false
	}
	v, exact := constant.Int64Val(tv.Value)
	if !exact {
		return "", false
	}
	return time.Duration(v).String(), true
}

// constructorArgs returns the arguments of the call that made the value x
// (a parser made by jwt.NewParser(opts...), directly or through a
// variable).
func (c *checker) constructorArgs(x ast.Expr) []ast.Expr {
	for range 8 { // a chain of variables, not a cycle
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			return e.Args
		case *ast.Ident, *ast.SelectorExpr:
			// A variable, or a field set by a constructor
			// (&Verifier{parser: jwt.NewParser(...)}).
			v := c.varOf(e)
			if v == nil {
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

// varOf returns the variable or field an identifier or selector names.
func (c *checker) varOf(x ast.Expr) *types.Var {
	switch e := x.(type) {
	case *ast.Ident:
		v, _ := c.info.Uses[e].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			v, _ := sel.Obj().(*types.Var)
			return v
		}
		v, _ := c.info.Uses[e.Sel].(*types.Var) // a package-level variable of another package
		return v
	}
	return nil
}

// maxAlgorithmDepth bounds how far findAlgorithm follows calls and
// variables back from a site's arguments.
const maxAlgorithmDepth = 3

// findAlgorithm looks for the algorithm a sign or a verify is given, in the
// call's arguments and, a few steps back, in the arguments of the calls
// that made them: jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString,
// kataras's jwt.Sign(jwt.HS256, key, claims), cristalhq's
// jwt.NewBuilder(jwt.NewSignerHS(jwt.HS256, key)).Build, and
// jwt.GetSigningMethod("HS256").
func (c *checker) findAlgorithm(args []ast.Expr, depth int) (string, bool) {
	if depth > maxAlgorithmDepth {
		return "", false
	}
	for _, a := range args {
		if alg, ok := c.algorithmOf(a); ok {
			return alg, true
		}
		var next []ast.Expr
		switch e := ast.Unparen(a).(type) {
		case *ast.CallExpr:
			next = e.Args
		case *ast.Ident, *ast.SelectorExpr:
			next = c.constructorArgs(e)
		}
		if alg, ok := c.findAlgorithm(next, depth+1); ok {
			return alg, true
		}
	}
	return "", false
}

// algorithmOf reads an algorithm's name from an expression: a constant
// string that names one ("HS256", go-jose's jose.HS256), a library's
// variable or function named for one (jwt.SigningMethodHS256, kataras's
// jwt.HS256, jwx's jwa.HS256()), or its name (jwt.SigningMethodHS256.Alg()).
func (c *checker) algorithmOf(x ast.Expr) (string, bool) {
	x = ast.Unparen(x)
	if v, ok := c.constString(x); ok {
		return v, isAlgName(v)
	}
	if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 0 {
		x = ast.Unparen(call.Fun)
		if sel, ok := x.(*ast.SelectorExpr); ok && sel.Sel.Name == "Alg" {
			x = ast.Unparen(sel.X)
		}
	}
	var id *ast.Ident
	switch e := x.(type) {
	case *ast.SelectorExpr:
		id = e.Sel
	case *ast.Ident:
		id = e
	default:
		return "", false
	}
	obj := c.info.Uses[id]
	switch obj.(type) {
	case *types.Var, *types.Func:
	default:
		return "", false
	}
	if obj.Pkg() == nil || c.s.Libs.Match(obj.Pkg().Path()) == "" {
		return "", false
	}
	alg := strings.TrimPrefix(obj.Name(), "SigningMethod")
	if alg == "None" {
		alg = "none"
	}
	return alg, isAlgName(alg)
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
	k := ast.Unparen(kf)
	if call, ok := k.(*ast.CallExpr); ok {
		k = call.Fun // v.Keyfunc(): the function that returns the keyfunc
	}
	switch k := ast.Unparen(k).(type) {
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
					if v, ok := c.algorithmOf(side); ok {
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
		for _, a := range c.expandArgs(p.call.Args) {
			switch a := ast.Unparen(a).(type) {
			case *ast.CallExpr: // jwx: jwt.WithKey(jwa.HS256(), key)
				if opt, ok := calleeFunc(c.info, a); ok && opt.Name() == "WithKey" && len(a.Args) == 2 {
					at, n = a.Args[1], c.flow.Trace(a.Args[1], flow.Value)
				}
			case *ast.CompositeLit: // echo-jwt: echojwt.Config{SigningKey: key}
				if x := c.configKey(a); x != nil {
					at, n = x, c.flow.Trace(x, flow.Value)
				}
			}
		}
		sig, _ := c.info.TypeOf(p.call.Fun).(*types.Signature)
		for i, a := range p.call.Args {
			if param := paramAt(sig, i); sig != nil && param != nil { // echojwt.JWT(key)
				if use := jwtlib.ParamUse(p.fn, min(i, sig.Params().Len()-1), param); use == jwtlib.SecretKey || use == jwtlib.PublicKey {
					at, n = a, c.flow.Trace(a, flow.Value)
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
	if c.keyLits == nil {
		c.keyLits = c.flow.NewCollector(1, func(l *flow.Lit) bool {
			return l.Value != "" && !jwtlib.IsPublicKeyText(l.Value)
		})
	}
	if len(c.keyLits.Literals(n)) > 0 {
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
	if sel, ok := ast.Unparen(at).(*ast.SelectorExpr); ok {
		if v := c.varOf(sel); v != nil && v.IsField() {
			s.KeySource, s.KeyDetail = "field", types.ExprString(sel.X)+"."+v.Name()
			if t := namedOf(c.info.TypeOf(sel.X)); t != nil {
				s.KeyDetail = t.Obj().Name() + "." + v.Name()
			}
			return
		}
	}
	if s.KeySource == "" {
		s.KeySource = "unknown"
	}
}

// configKey returns the key a middleware's configuration struct is given,
// if any.
func (c *checker) configKey(lit *ast.CompositeLit) ast.Expr {
	if !c.isLibraryType(c.info.TypeOf(lit)) {
		return nil
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := c.info.Uses[key].(*types.Var); ok && f.IsField() {
					if use := jwtlib.FieldUse(f); use == jwtlib.SecretKey || use == jwtlib.PublicKey {
						return kv.Value
					}
				}
			}
		}
	}
	return nil
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
