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

	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/jwtop"
)

// readOptions reads the options of a call (and of the parser a method is
// called on): the algorithms and the claim checks.
func (ix *index) readOptions(s *Site, p pendingSite) {
	args := slices.Clone(p.call.Args)
	if sel, ok := ast.Unparen(p.call.Fun).(*ast.SelectorExpr); ok {
		if _, isMethod := ix.info.Selections[sel]; isMethod {
			args = append(args, ix.constructorArgs(sel.X)...)
		}
	}
	ix.readOptionExprs(s, args, 0)
	if p.op.Verifies() {
		if kf := ix.keyfuncArg(p); kf != nil {
			ix.keyfuncChecks(s, kf)
		}
	}
	// A sign uses the algorithm it is given; outside golang-jwt, whose
	// parse takes its algorithms from options, so does a verify.
	if p.op == jwtop.Sign || (!s.AlgorithmsRestricted && !jwtlib.GolangJWT(s.Library) && p.op.Verifies()) {
		if alg, ok := ix.findAlgorithm(args, 0); ok {
			s.AlgorithmsRestricted = true
			s.Algorithms = append(s.Algorithms, alg)
		}
	}
}

// readOptionExprs reads the options among a call's arguments (depth counts
// the parsers followed through request.WithParser).
func (ix *index) readOptionExprs(s *Site, args []ast.Expr, depth int) {
	for _, a := range ix.expandArgs(args) {
		if lit, ok := ast.Unparen(a).(*ast.CompositeLit); ok {
			ix.algorithmList(s, lit) // go-jose: ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
			ix.configFields(s, lit)  // echo-jwt: WithConfig(echojwt.Config{SigningMethod: ..., KeyFunc: ...})
			continue
		}
		call, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			continue
		}
		opt, ok := calleeFunc(ix.info, call)
		if !ok || opt.Pkg() == nil || ix.s.Libs.Match(opt.Pkg().Path()) == "" {
			continue
		}
		ix.option(s, opt.Name(), call, depth)
	}
}

// maxExpanded bounds the expressions expandArgs returns for one call.
const maxExpanded = 256

// expandArgs returns the arguments of a call with what its variables hold:
// options kept in a slice (jwt.ParseString(raw, s.opts...), built with a
// composite literal and appends) or in a variable of their own, so that
// readOptions sees the option calls wherever they are written. Each
// variable is followed once, and the result is bounded by maxExpanded.
func (ix *index) expandArgs(args []ast.Expr) []ast.Expr {
	var out []ast.Expr
	seen := map[*types.Var]bool{}
	var expand func(x ast.Expr)
	expand = func(x ast.Expr) {
		if len(out) >= maxExpanded {
			return
		}
		switch e := ast.Unparen(x).(type) {
		case *ast.Ident, *ast.SelectorExpr:
			v := ix.varOf(e)
			if v == nil || seen[v] {
				out = append(out, e)
				return
			}
			seen[v] = true
			values := ix.flow.Assigned(v)
			if len(values) == 0 {
				out = append(out, e)
			}
			for _, val := range values {
				expand(val)
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" {
				if _, builtin := ix.info.Uses[id].(*types.Builtin); builtin {
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
func (ix *index) configFields(s *Site, lit *ast.CompositeLit) {
	if !ix.isLibraryType(ix.info.TypeOf(lit)) {
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
			if alg, ok := ix.algorithmOf(kv.Value); ok {
				s.AlgorithmsRestricted = true
				s.Algorithms = append(s.Algorithms, alg)
			}
		case "KeyFunc", "Keyfunc":
			ix.keyfuncChecks(s, kv.Value)
		}
	}
}

// algorithmList records a list of algorithms given to a parse: a composite
// literal whose elements all name algorithms restricts the site to them.
func (ix *index) algorithmList(s *Site, lit *ast.CompositeLit) {
	var algs []string
	for _, e := range lit.Elts {
		v, ok := ix.algorithmOf(e)
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
func (ix *index) option(s *Site, name string, call *ast.CallExpr, depth int) {
	arg := func(i int) string {
		if i >= len(call.Args) {
			return ""
		}
		if v, ok := ix.constString(call.Args[i]); ok {
			return v
		}
		if d, ok := ix.constDuration(call.Args[i]); ok {
			return d
		}
		return types.ExprString(call.Args[i])
	}
	switch name {
	case "WithValidMethods":
		s.AlgorithmsRestricted = true
		if len(call.Args) > 0 {
			if lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit); ok {
				ix.algorithmList(s, lit)
			}
		}
	case "WithKey", "WithVerify":
		// jwx: the algorithm is given with the key; verifying requires it.
		if name == "WithKey" {
			s.AlgorithmsRestricted = true
			if len(call.Args) > 0 {
				if alg, ok := ix.algorithmOf(call.Args[0]); ok {
					s.Algorithms = append(s.Algorithms, alg)
				}
			}
		}
	case "WithExpirationRequired":
		s.Claims.ExpirationRequired = true
	case "WithAudience":
		s.Claims.Audience = ix.claimValue(call)
	case "WithIssuer":
		s.Claims.Issuer = ix.claimValue(call)
	case "WithLeeway", "WithAcceptableSkew":
		s.Claims.Leeway = arg(0)
	case "WithoutClaimsValidation":
		s.Claims.Skipped = true
	case "WithParser":
		// golang-jwt's request.ParseFromRequest(r, ex, kf, request.WithParser(p)):
		// the options are p's.
		if len(call.Args) > 0 && depth < 2 {
			ix.readOptionExprs(s, ix.constructorArgs(call.Args[0]), depth+1)
		}
	}
}

// claimValue renders the value a claim is required to have: a constant
// quoted, else the expression it is checked against.
func (ix *index) claimValue(call *ast.CallExpr) string {
	if len(call.Args) == 0 {
		return ""
	}
	if v, ok := ix.constString(call.Args[0]); ok {
		return strconv.Quote(v)
	}
	return "checked against " + types.ExprString(call.Args[0])
}

// constDuration formats a constant time.Duration as Go prints it ("5m0s"),
// so that 5*time.Minute and 300*time.Second compare equal.
func (ix *index) constDuration(e ast.Expr) (string, bool) {
	tv, ok := ix.info.Types[e]
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
func (ix *index) constructorArgs(x ast.Expr) []ast.Expr {
	for range 8 { // a chain of variables, not a cycle
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			return e.Args
		case *ast.Ident, *ast.SelectorExpr:
			// A variable, or a field set by a constructor
			// (&Verifier{parser: jwt.NewParser(...)}).
			v := ix.varOf(e)
			if v == nil {
				return nil
			}
			values := ix.flow.Assigned(v)
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
func (ix *index) varOf(x ast.Expr) *types.Var {
	switch e := x.(type) {
	case *ast.Ident:
		v, _ := ix.info.Uses[e].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel, ok := ix.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			v, _ := sel.Obj().(*types.Var)
			return v
		}
		v, _ := ix.info.Uses[e.Sel].(*types.Var) // a package-level variable of another package
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
func (ix *index) findAlgorithm(args []ast.Expr, depth int) (string, bool) {
	if depth > maxAlgorithmDepth {
		return "", false
	}
	for _, a := range args {
		if alg, ok := ix.algorithmOf(a); ok {
			return alg, true
		}
		var next []ast.Expr
		switch e := ast.Unparen(a).(type) {
		case *ast.CallExpr:
			next = e.Args
		case *ast.Ident, *ast.SelectorExpr:
			next = ix.constructorArgs(e)
		}
		if alg, ok := ix.findAlgorithm(next, depth+1); ok {
			return alg, true
		}
	}
	return "", false
}

// algorithmOf reads an algorithm's name from an expression: a constant
// string that names one ("HS256", go-jose's jose.HS256), a library's
// variable or function named for one (jwt.SigningMethodHS256, kataras's
// jwt.HS256, jwx's jwa.HS256()), or its name (jwt.SigningMethodHS256.Alg()).
func (ix *index) algorithmOf(x ast.Expr) (string, bool) {
	x = ast.Unparen(x)
	if v, ok := ix.constString(x); ok {
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
	obj := ix.info.Uses[id]
	switch obj.(type) {
	case *types.Var, *types.Func:
	default:
		return "", false
	}
	if obj.Pkg() == nil || ix.s.Libs.Match(obj.Pkg().Path()) == "" {
		return "", false
	}
	alg := strings.TrimPrefix(obj.Name(), "SigningMethod")
	if alg == "None" {
		alg = "none"
	}
	return alg, isAlgName(alg)
}

// keyfuncArg returns the keyfunc argument of a parse, if any.
func (ix *index) keyfuncArg(p pendingSite) ast.Expr {
	sig, ok := ix.info.TypeOf(p.call.Fun).(*types.Signature)
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
func (ix *index) keyfuncChecks(s *Site, kf ast.Expr) {
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
		if fn, ok := ix.info.Uses[id].(*types.Func); ok {
			if st := ix.seen.funcs[fn.Origin()]; st != nil {
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
			if sel, ok := ix.info.Selections[n]; ok && n.Sel.Name == "Method" && sel.Kind() == types.FieldVal && ix.isLibraryType(sel.Recv()) {
				s.AlgorithmsRestricted = true
			}
		case *ast.IndexExpr: // t.Header["alg"]
			if v, ok := ix.constString(n.Index); ok && v == "alg" {
				if sel, ok := ast.Unparen(n.X).(*ast.SelectorExpr); ok && sel.Sel.Name == "Header" {
					s.AlgorithmsRestricted = true
				}
			}
		case *ast.TypeAssertExpr:
			if t := namedOf(ix.info.TypeOf(n.Type)); t != nil && ix.isLibraryType(t) {
				if family, ok := strings.CutPrefix(t.Obj().Name(), "SigningMethod"); ok {
					s.Algorithms = append(s.Algorithms, family+" family")
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, side := range []ast.Expr{n.X, n.Y} {
					if v, ok := ix.algorithmOf(side); ok {
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
