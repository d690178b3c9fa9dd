package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// packageDoc extracts the "# Analyzer jwtssot" section of doc.go's package
// comment, the way x/tools analyzers build their Doc from doc.go.
func packageDoc(src string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic("analyzer/doc.go has no package comment")
	}
	text := (&ast.CommentGroup{List: f.Doc.List}).Text()
	const heading = "# Analyzer jwtssot"
	i := strings.Index(text, heading)
	if i < 0 {
		panic("analyzer/doc.go lacks " + heading)
	}
	return strings.TrimSpace(text[i+len(heading):])
}
