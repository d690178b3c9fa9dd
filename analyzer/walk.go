package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// walkTypes are the nodes the single walk visits. Every rule and the value
// graph that traces literals are fed from this one traversal of each file.
var walkTypes = []ast.Node{
	(*ast.ImportSpec)(nil),
	(*ast.Ident)(nil),
	(*ast.CallExpr)(nil),
	(*ast.CompositeLit)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.ValueSpec)(nil),
	(*ast.ReturnStmt)(nil),
	(*ast.RangeStmt)(nil),
	(*ast.FuncDecl)(nil),
	(*ast.FuncLit)(nil),
	(*ast.Field)(nil),
}

// walk visits every analyzed file once. Rules that need the whole
// package's value graph record what they saw here and decide in resolve.
func (c *checker) walk(ins *inspector.Inspector) {
	for fileCur := range ins.Root().Children() {
		f := fileCur.Node().(*ast.File)
		tf := c.pass.Fset.File(f.FileStart)
		if name, _ := sourceFile(c.pass.Fset, f); !c.s.Tests && strings.HasSuffix(name, "_test.go") {
			// Not even the value graph: go vet always loads test files
			// and the standalone scan does not, so a test file that
			// counted here would make the two disagree.
			continue
		}
		skipped := c.skipFile(f)
		if !skipped {
			fs := &fileState{tf: tf, cursor: fileCur}
			c.files[tf] = fs
			fs.directives = c.parseDirectives(fileCur, tf)
		}
		for cur := range fileCur.Preorder(walkTypes...) {
			c.visit(cur, skipped)
		}
	}
}

// visit dispatches one node. A generated or excluded file still feeds the
// value graph, whose values its code may set, but reports nothing: report
// drops findings outside analyzed files.
func (c *checker) visit(cur inspector.Cursor, skipped bool) {
	switch n := cur.Node().(type) {
	case *ast.ImportSpec:
		if !skipped {
			c.checkImport(n)
		}
	case *ast.Ident:
		c.checkReference(cur, n)
	case *ast.CallExpr:
		c.visitCall(cur, n)
	case *ast.CompositeLit:
		c.visitCompositeLit(n)
	case *ast.AssignStmt:
		c.visitAssign(n)
	case *ast.ValueSpec:
		c.visitValueSpec(n)
	case *ast.ReturnStmt:
		if fn, ok := enclosingFunc(cur); ok {
			c.flow.Return(fn, n)
		}
	case *ast.RangeStmt:
		c.flow.Range(n)
	case *ast.FuncDecl:
		c.visitFuncDecl(n)
	case *ast.FuncLit:
		c.flow.Func(n, nil, n.Type)
	case *ast.Field:
		c.visitField(cur, n)
	}
}

// enclosingFunc returns the innermost function declaration or literal
// around cur.
func enclosingFunc(cur inspector.Cursor) (ast.Node, bool) {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fn.Node(), true
	}
	return nil, false
}

// enclosingDecl returns the function declared around cur (a literal's
// parameters are never bound, so a key parameter is one of a declaration).
func (c *checker) enclosingDecl(cur inspector.Cursor) *types.Func {
	for fd := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, _ := c.info.Defs[fd.Node().(*ast.FuncDecl).Name].(*types.Func)
		return fn
	}
	return nil
}

// visitFuncDecl indexes a function.
func (c *checker) visitFuncDecl(fd *ast.FuncDecl) {
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok || fd.Body == nil {
		return
	}
	c.flow.Func(fd, fn, fd.Type)
	res := fn.Signature().Results()
	c.funcs[fn] = &funcState{decl: fd, summarize: res.Len() > 0 && mayHoldKey(res.At(0).Type())}
	if res.Len() > 0 && canHoldSecret(res.At(0).Type()) {
		c.named = append(c.named, namedValue{name: fd.Name.Name, fn: fn, how: "returned by " + fd.Name.Name})
	}
	if res.Len() > 0 && canHoldSecret(res.At(0).Type()) {
		c.fallbackFns = append(c.fallbackFns, fn)
	}
}

// visitAssign indexes assignments and checks the names they bind.
func (c *checker) visitAssign(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
		return
	}
	if len(as.Lhs) == len(as.Rhs) {
		for i := range as.Lhs {
			c.bind(as.Lhs[i], as.Rhs[i])
		}
		return
	}
	if len(as.Rhs) == 1 {
		for i, lhs := range as.Lhs {
			c.flow.AssignTuple(lhs, as.Rhs[0], i)
			c.noteVar(lhs)
		}
	}
}

func (c *checker) visitValueSpec(vs *ast.ValueSpec) {
	if len(vs.Values) == len(vs.Names) {
		for i, name := range vs.Names {
			c.bind(name, vs.Values[i])
		}
	} else if len(vs.Values) == 1 {
		for i, name := range vs.Names {
			c.flow.AssignTuple(name, vs.Values[0], i)
			c.noteVar(name)
		}
	}
	for _, name := range vs.Names {
		if v, ok := c.info.Defs[name].(*types.Var); ok && v.Parent() == c.pass.Pkg.Scope() {
			c.globalVars = append(c.globalVars, v)
		}
	}
}

// noteVar makes a variable assigned a call's result a place whose literals
// are a read setting's fallbacks, if it is read from one.
func (c *checker) noteVar(lhs ast.Expr) {
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
		if v, ok := c.info.ObjectOf(id).(*types.Var); ok && canHoldSecret(v.Type()) {
			c.fallbackObjs = append(c.fallbackObjs, v)
		}
	}
}
