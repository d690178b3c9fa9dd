package analyzer

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/inspector"
)

// enclosingFunction names the top-level function around [pos, end), the way
// a team reads a report grouped by function: "(*Server).login",
// "Handler.ServeHTTP", "parseToken"; a closure counts toward the function
// it is written in. It returns "" at package level.
func enclosingFunction(fileCur inspector.Cursor, pos, end token.Pos) string {
	cur, ok := fileCur.FindByPos(pos, end)
	if !ok {
		return ""
	}
	for fd := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return funcDeclName(fd.Node().(*ast.FuncDecl))
	}
	return ""
}

// funcDeclName follows Go's own naming of methods: (*Server).login for a
// pointer receiver, Server.login for a value receiver.
func funcDeclName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	recv := recvTypeString(fd.Recv.List[0].Type)
	if recv[0] == '*' {
		return "(" + recv + ")." + fd.Name.Name
	}
	return recv + "." + fd.Name.Name
}

// recvTypeString prints a receiver type without type parameters:
// *Server, Cache (for Cache[K, V]).
func recvTypeString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + recvTypeString(e.X)
	case *ast.ParenExpr:
		return recvTypeString(e.X)
	case *ast.IndexExpr:
		return recvTypeString(e.X)
	case *ast.IndexListExpr:
		return recvTypeString(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}
