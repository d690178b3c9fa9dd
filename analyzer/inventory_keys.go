package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/jwtop"
)

// keySource says where the key of a site comes from, through the value
// graph: a literal, a setting read, a parameter of the enclosing function,
// a value of the auth module, or unknown.
func (ix *index) keySource(s *Site, p pendingSite) {
	var n flow.Node
	var at ast.Expr
	switch {
	case p.op == jwtop.Sign && len(p.call.Args) > 0 && jwtlib.GolangJWT(s.Library):
		at, n = p.call.Args[0], ix.flow.Trace(p.call.Args[0], flow.Value)
	default:
		if kf := ix.keyfuncArg(p); kf != nil {
			at, n = kf, ix.flow.Trace(kf, flow.Keyfunc)
			s.KeySource = jwtop.KeyKeyfunc
		}
		for _, a := range ix.expandArgs(p.call.Args) {
			switch a := ast.Unparen(a).(type) {
			case *ast.CallExpr: // jwx: jwt.WithKey(jwa.HS256(), key)
				if opt, ok := calleeFunc(ix.info, a); ok && opt.Name() == "WithKey" && len(a.Args) == 2 {
					at, n = a.Args[1], ix.flow.Trace(a.Args[1], flow.Value)
				}
			case *ast.CompositeLit: // echo-jwt: echojwt.Config{SigningKey: key}
				if x := ix.configKey(a); x != nil {
					at, n = x, ix.flow.Trace(x, flow.Value)
				}
			}
		}
		sig, _ := ix.info.TypeOf(p.call.Fun).(*types.Signature)
		for i, a := range p.call.Args {
			if param := paramAt(sig, i); sig != nil && param != nil { // echojwt.JWT(key)
				if use := jwtlib.ParamUse(p.fn, min(i, sig.Params().Len()-1), param); use == jwtlib.SecretKey || use == jwtlib.PublicKey {
					at, n = a, ix.flow.Trace(a, flow.Value)
				}
			}
		}
	}
	if n == nil {
		if s.KeySource == "" {
			s.KeySource = jwtop.KeyUnknown
		}
		return
	}
	if ix.inv.keyLits == nil {
		ix.inv.keyLits = ix.flow.NewCollector(1, func(l *flow.Lit) bool {
			return l.Value != "" && !jwtlib.IsPublicKeyText(l.Value)
		})
	}
	if len(ix.inv.keyLits.Literals(n)) > 0 {
		s.KeySource = jwtop.KeyLiteral
		return
	}
	if r, ok := firstRead(ix.flow.Reads(n)); ok {
		s.KeySource, s.KeyDetail = jwtop.KeyEnv, r.Name
		if r.Name == "" {
			s.KeyDetail = r.Kind // "a file", "the database", "a secret store"
		}
		return
	}
	if ps := ix.flow.Params(n); len(ps) > 0 {
		s.KeySource, s.KeyDetail = jwtop.KeyParameter, ps[0].Fn.Name()
		return
	}
	if ix.usesAuth(at) {
		s.KeySource = jwtop.KeyAuthModule
		return
	}
	if sel, ok := ast.Unparen(at).(*ast.SelectorExpr); ok {
		if v := ix.varOf(sel); v != nil && v.IsField() {
			s.KeySource, s.KeyDetail = jwtop.KeyField, types.ExprString(sel.X)+"."+v.Name()
			if t := namedOf(ix.info.TypeOf(sel.X)); t != nil {
				s.KeyDetail = t.Obj().Name() + "." + v.Name()
			}
			return
		}
	}
	if s.KeySource == "" {
		s.KeySource = jwtop.KeyUnknown
	}
}

// configKey returns the key a middleware's configuration struct is given,
// if any.
func (ix *index) configKey(lit *ast.CompositeLit) ast.Expr {
	if !ix.isLibraryType(ix.info.TypeOf(lit)) {
		return nil
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := ix.info.Uses[key].(*types.Var); ok && f.IsField() {
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
func (ix *index) usesAuth(x ast.Expr) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := ix.info.Uses[id]; obj != nil && obj.Pkg() != nil && obj.Pkg() != ix.pass.Pkg && ix.s.IsAuth(obj.Pkg().Path()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// firstRead returns the read a site's key says it comes from: the first
// that names its setting, else the first.
func firstRead(reads []flow.Read) (flow.Read, bool) {
	var first *flow.Read
	for i, r := range reads {
		switch {
		case r.ByParam:
		case r.Name != "":
			return r, true
		case first == nil:
			first = &reads[i]
		}
	}
	if first == nil {
		return flow.Read{}, false
	}
	return *first, true
}
