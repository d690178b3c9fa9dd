package recipe

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/jwtssot/jwtssot/internal/fix"
)

// lineStart is the offset of the start of the line holding off.
func lineStart(src []byte, off int) int {
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}

// nextLineStart is the offset just after the end of the line holding off
// (len(src) on the last line without a newline).
func nextLineStart(src []byte, off int) int {
	for off < len(src) && src[off] != '\n' {
		off++
	}
	if off < len(src) {
		off++
	}
	return off
}

// indentOf is the leading white space of the line holding off.
func indentOf(src []byte, off int) string {
	start := lineStart(src, off)
	end := start
	for end < len(src) && (src[end] == '\t' || src[end] == ' ') {
		end++
	}
	return string(src[start:end])
}

// reindent moves the lines after the first of text by delta tabs (fewer
// when delta is negative): text taken from one nesting depth and put at
// another keeps the layout gofmt gives it there.
func reindent(text string, delta int) string {
	if delta == 0 || !strings.Contains(text, "\n") {
		return text
	}
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "" {
			continue
		}
		if delta > 0 {
			lines[i] = strings.Repeat("\t", delta) + lines[i]
			continue
		}
		for range -delta {
			lines[i] = strings.TrimPrefix(lines[i], "\t")
		}
	}
	return strings.Join(lines, "\n")
}

// depth counts the tabs of an indentation (gofmt indents with tabs).
func depth(indent string) int { return strings.Count(indent, "\t") }

// hasMultilineRawString reports whether n holds a raw string literal over
// several lines, whose text moving it must not change.
func hasMultilineRawString(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.HasPrefix(lit.Value, "`") && strings.Contains(lit.Value, "\n") {
			found = true
		}
		return !found
	})
	return found
}

// quoteSnippet shows source text in a message: on one line, cut at 60
// characters, controls escaped, between backquotes.
func quoteSnippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return "`" + fix.SafeText(s) + "`"
}

// precedence is how tightly an expression binds: 7 for an operand or a
// primary expression, 6 for a unary one, a binary operator's precedence
// (1 to 5) for a binary one.
func precedence(e ast.Expr) int {
	switch e := e.(type) {
	case *ast.UnaryExpr, *ast.StarExpr:
		return 6
	case *ast.BinaryExpr:
		return e.Op.Precedence()
	case *ast.KeyValueExpr:
		return 0
	}
	return 7
}

// required is the precedence an expression needs to stand, unparenthesized,
// as the child of parent in the place that child (an expression of
// parent) holds.
func required(parent ast.Node, child ast.Expr) int {
	switch p := parent.(type) {
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.SliceExpr, *ast.TypeAssertExpr:
		if x := exprX(p); x == child {
			return 7
		}
	case *ast.CallExpr:
		if p.Fun == child {
			return 7
		}
	case *ast.StarExpr, *ast.UnaryExpr:
		return 6
	case *ast.BinaryExpr:
		if p.X == child {
			return p.Op.Precedence()
		}
		return p.Op.Precedence() + 1
	}
	return 0
}

func exprX(n ast.Node) ast.Expr {
	switch n := n.(type) {
	case *ast.SelectorExpr:
		return n.X
	case *ast.IndexExpr:
		return n.X
	case *ast.IndexListExpr:
		return n.X
	case *ast.SliceExpr:
		return n.X
	case *ast.TypeAssertExpr:
		return n.X
	}
	return nil
}
