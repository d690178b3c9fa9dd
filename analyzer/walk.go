package analyzer

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"
)

// walkTypes are the nodes the single walk visits. Every rule and the index
// that traces literals are fed from this one traversal of each file.
var walkTypes = []ast.Node{
	(*ast.ImportSpec)(nil),
	(*ast.Ident)(nil),
	(*ast.CallExpr)(nil),
	(*ast.CompositeLit)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.ValueSpec)(nil),
	(*ast.ReturnStmt)(nil),
	(*ast.FuncDecl)(nil),
	(*ast.FuncLit)(nil),
	(*ast.Field)(nil),
}

// walk visits every analyzed file once. Rules that need the whole package's
// index (literals reaching a key through variables, fields and calls) record
// what they saw here and resolve it in resolveSecrets.
func (c *checker) walk(ins *inspector.Inspector) {
	for fileCur := range ins.Root().Children() {
		f := fileCur.Node().(*ast.File)
		tf := c.pass.Fset.File(f.FileStart)
		if c.skipFile(f, tf.Name()) {
			continue
		}
		fs := &fileState{tf: tf, cursor: fileCur}
		c.files[tf] = fs
		fs.directives = c.parseDirectives(fileCur, tf)

		for cur := range fileCur.Preorder(walkTypes...) {
			switch n := cur.Node().(type) {
			case *ast.ImportSpec:
				c.checkImport(n)
			case *ast.Ident:
				c.checkReference(cur, n)
			case *ast.CallExpr:
				c.visitCall(n)
			case *ast.CompositeLit:
				c.visitCompositeLit(n)
			case *ast.AssignStmt:
				c.visitAssign(n)
			case *ast.ValueSpec:
				c.visitValueSpec(n)
			case *ast.ReturnStmt:
				c.flow.addReturn(cur, n)
			case *ast.FuncDecl:
				c.visitFuncDecl(n)
			case *ast.FuncLit:
				c.flow.addFunc(n, n.Type, c.info)
			case *ast.Field:
				c.visitField(cur, n)
			}
		}
	}
}
