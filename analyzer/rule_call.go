package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// checkReference implements the call rule: every use of a function or
// method declared in a JWT library, called or not (a func value, a method
// value, a method expression), outside the auth packages. It works from the
// type checker's resolution of each identifier, so it also catches methods
// on values whose type came from elsewhere (a *jwt.Token returned by the auth
// module, in a file that imports no JWT library), promoted methods of
// embedded library types and interface methods declared in a library, and
// never a user's own variable, type or package that happens to be named jwt.
func (c *checker) checkReference(cur inspector.Cursor, id *ast.Ident) {
	if !c.refersToJWT {
		return
	}
	obj := c.info.Uses[id]
	if obj == nil || obj.Pkg() == nil || c.s.Libs.Match(obj.Pkg().Path()) == "" {
		return
	}
	c.markUsesJWT(cur) // a function, a type, a constant or a variable of a JWT library
	fn, ok := obj.(*types.Func)
	if !ok || c.inAuth {
		return
	}
	fn = fn.Origin()

	// Position: a qualified identifier (jwt.Parse) is reported on the whole
	// selector; a method (tok.SignedString) on its name, which is on the
	// line the user reads as the call even in a multi-line chain.
	pos, end := id.Pos(), id.End()
	callee := cur
	if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
		callee = cur.Parent()
		if x, ok := sel.X.(*ast.Ident); ok {
			if _, isPkg := c.info.Uses[x].(*types.PkgName); isPkg {
				pos = sel.Pos()
			}
		}
	}
	verb := "reference to "
	if isCalled(callee) {
		verb = "call of "
	}
	body := verb + shortFuncName(fn) + c.outsideAuth() + c.callAdvice(fn)
	c.report(rules.Call, pos, end, fn.FullName(), body)
}

// isCalled reports whether the expression at cur is the function of a call,
// looking through parentheses and generic instantiation.
func isCalled(cur inspector.Cursor) bool {
	for {
		switch cur.ParentEdgeKind() {
		case edge.ParenExpr_X, edge.IndexExpr_X, edge.IndexListExpr_X:
			cur = cur.Parent()
		case edge.CallExpr_Fun:
			return true
		default:
			return false
		}
	}
}

// callAdvice names the auth API that replaces fn: a replacement for the
// symbol itself, else one for its package.
func (c *checker) callAdvice(fn *types.Func) string {
	if len(c.s.AuthWritten) == 0 {
		return noAuthAdvice
	}
	if use, ok := c.s.Replacement(replacementKey(fn)); ok {
		return "; use " + use + " instead"
	}
	if use, ok := c.s.Replacement(fn.Pkg().Path()); ok {
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
