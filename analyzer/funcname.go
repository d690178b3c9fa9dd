package analyzer

import (
	"go/ast"
	"go/token"
	"sort"
)

// funcIndex finds the top-level function around a position in a file. It
// is built once per file from the file's declarations, which are sorted by
// position, so each finding's function costs a binary search rather than a
// walk of the file: a file with tens of thousands of findings stays linear.
type funcIndex struct {
	decls []*ast.FuncDecl
}

func newFuncIndex(f *ast.File) *funcIndex {
	x := &funcIndex{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			x.decls = append(x.decls, fd)
		}
	}
	return x
}

// enclosing names the top-level function around pos, the way a team reads
// a report grouped by function: "(*Server).login", "Handler.ServeHTTP",
// "parseToken"; a closure counts toward the function it is written in. It
// returns "" at package level.
func (x *funcIndex) enclosing(pos token.Pos) string {
	i := sort.Search(len(x.decls), func(i int) bool { return x.decls[i].End() > pos })
	if i < len(x.decls) && x.decls[i].Pos() <= pos {
		return funcDeclName(x.decls[i])
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
