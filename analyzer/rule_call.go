package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// A libRef is a use of a function or method declared in a JWT library,
// called or not, where the call rule reports it.
type libRef struct {
	fn       *types.Func
	pos, end token.Pos
	called   bool
	// call is the call expression of a called reference, which a recipe
	// may rewrite (fixes.go).
	call *ast.CallExpr
}

// visitIdent records an identifier that refers to an object of a JWT
// library: it makes the package a user of JWT, and a function or method so
// referred to is a use for the call rule. It works from the type checker's
// resolution of each identifier, so it also catches methods on values whose
// type came from elsewhere (a *jwt.Token returned by the auth module, in a
// file that imports no JWT library), promoted methods of embedded library
// types and interface methods declared in a library, and never a user's
// own variable, type or package that happens to be named jwt.
func (ix *index) visitIdent(w *walker, id *ast.Ident) {
	obj := ix.info.Uses[id] // one of the library's: the walk calls it for those only
	ix.markUsesJWT()        // a function, a type, a constant or a variable of a JWT library
	fn, ok := obj.(*types.Func)
	if !ok || ix.inAuth {
		return
	}
	// Position: a qualified identifier (jwt.Parse) is reported on the whole
	// selector; a method (tok.SignedString) on its name, which is on the
	// line the user reads as the call even in a multi-line chain.
	ref := libRef{fn: fn.Origin(), pos: id.Pos(), end: id.End()}
	up := 0 // the callee expression: the identifier, or the selector it ends
	if sel, ok := w.parent(1).(*ast.SelectorExpr); ok && sel.Sel == id {
		up = 1
		if x, ok := sel.X.(*ast.Ident); ok {
			if _, isPkg := ix.info.Uses[x].(*types.PkgName); isPkg {
				ref.pos = sel.Pos()
			}
		}
	}
	ref.call = calledBy(w, up)
	ref.called = ref.call != nil
	ix.seen.libRefs = append(ix.seen.libRefs, ref)
}

// checkCalls implements the call rule: every use of a function or method
// declared in a JWT library, called or not (a func value, a method value, a
// method expression), outside the auth packages.
func checkCalls(ix *index) {
	for _, r := range ix.seen.libRefs {
		verb := "reference to "
		if r.called {
			verb = "call of "
		}
		body := verb + shortFuncName(r.fn) + ix.outsideAuth() + ix.callAdvice(r.fn)
		ix.report(rules.Call, r.pos, r.end, r.fn.FullName(), body)
	}
}

// calledBy returns the call whose function is the expression up levels
// above the walker's node, looking through parentheses and generic
// instantiation; nil if it is not called.
func calledBy(w *walker, up int) *ast.CallExpr {
	x := w.parent(up)
	for i := up + 1; ; i++ {
		switch p := w.parent(i).(type) {
		case *ast.ParenExpr:
		case *ast.IndexExpr:
			if p.X != x {
				return nil
			}
		case *ast.IndexListExpr:
			if p.X != x {
				return nil
			}
		case *ast.CallExpr:
			if p.Fun == x {
				return p
			}
			return nil
		default:
			return nil
		}
		x = w.parent(i)
	}
}

// callAdvice names the auth API that replaces fn: a replacement for the
// symbol itself, else one for its package.
func (ix *index) callAdvice(fn *types.Func) string {
	if len(ix.s.AuthWritten) == 0 {
		return noAuthAdvice
	}
	if use, ok := ix.s.Replacement(replacementKey(fn)); ok {
		return "; use " + use + " instead"
	}
	if use, ok := ix.s.Replacement(fn.Pkg().Path()); ok {
		return "; use " + use + " instead"
	}
	return "; call the auth module's API instead"
}

// replacementKey is fn as a replacement symbol names it: "path.Func" or
// "path.Type.Method", for pointer and value receivers alike.
func replacementKey(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if named := namedOf(recv.Type()); named != nil {
			return fn.Pkg().Path() + "." + named.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// shortFuncName is fn qualified by package name rather than path, as a
// reader of the code sees it: jwt.Parse, (*jwt.Token).SignedString.
func shortFuncName(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	if recv := fn.Signature().Recv(); recv != nil {
		return "(" + types.TypeString(recv.Type(), qual) + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// namedOf returns the named type of t or *t, if any.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}
