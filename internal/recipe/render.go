package recipe

import (
	"go/ast"
	"sort"
	"strings"
)

// A rewrite is the replacement of one match's call: its text, the imports
// it needs, and the text of the file it removes.
type rewrite struct {
	m *Match
	// start and end are the offsets of the call in the file.
	start, end int
	text       string
	adds       []*importAdd
	kept       []*ast.ImportSpec
	// removed are the spans of the file's text that the rewrite takes
	// away: the call, less the bindings the after keeps.
	removed []span
	// inner are the matches inside the call: a match in a binding the
	// after keeps is rewritten within this rewrite's text, one elsewhere
	// disappears with the call.
	inner []*Match
}

type span struct{ start, end int }

func (s span) holds(off int) bool { return s.start <= off && off < s.end }

func (s span) within(o span) bool { return o.start <= s.start && s.end <= o.end }

// A hole is a part of the template's text that the rewrite replaces: a
// wildcard by its binding, a package qualifier by the target's.
type hole struct {
	start, end int // offsets in the template's text
	text       string
}

// render computes the rewrite of m, whose call holds the matches inner
// (sorted by position).
func (p *planner) render(m *Match, inner []*Match) (*rewrite, error) {
	t := p.t
	rw := &rewrite{m: m, start: t.offset(m.Call.Pos()), end: t.offset(m.Call.End()), inner: inner}
	r := m.Recipe
	rsrc := r.file.src
	rtok := r.file.fset.File(r.after.expr.Pos())
	tstart := rtok.Offset(r.after.expr.Pos())
	base := indentOf(rsrc, tstart)
	targetIndent := indentOf(t.Src, rw.start)

	holes, err := p.qualifierHoles(rw, tstart)
	if err != nil {
		return nil, err
	}
	kept := p.wildcardHoles(rw, tstart, base, targetIndent, &holes)
	sort.Slice(holes, func(i, j int) bool { return holes[i].start < holes[j].start })

	ttext := string(rsrc[tstart:rtok.Offset(r.after.expr.End())])
	var b strings.Builder
	last := 0
	for _, h := range holes {
		b.WriteString(reindentPiece(ttext[last:h.start], base, targetIndent))
		b.WriteString(h.text)
		last = h.end
	}
	b.WriteString(reindentPiece(ttext[last:], base, targetIndent))
	rw.text = b.String()
	if precedence(ast.Unparen(r.after.expr)) < required(m.parent, m.Call) {
		rw.text = "(" + rw.text + ")"
	}
	rw.removed = subtract(span{rw.start, rw.end}, kept)
	for _, in := range inner {
		if sub := p.done[in]; sub != nil {
			rw.removed = append(rw.removed, sub.removed...)
		}
	}
	return rw, nil
}

// qualifierHoles makes a hole of each package qualifier in the template,
// to be written as the target file names the package.
func (p *planner) qualifierHoles(rw *rewrite, tstart int) ([]hole, error) {
	r := rw.m.Recipe
	rtok := r.file.fset.File(r.after.expr.Pos())
	names := map[string][]string{}
	var sels []*ast.SelectorExpr
	ast.Inspect(r.after.expr, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if _, ok := qualifierPath(sel, r.file); ok && r.after.uses[fn2ident(sel.X)] == nil {
				q := sel.X.(*ast.Ident).Name
				names[q] = append(names[q], sel.Sel.Name)
				sels = append(sels, sel)
			}
		}
		return true
	})
	var holes []hole
	prefixes := map[string]string{}
	for _, sel := range sels {
		q := sel.X.(*ast.Ident).Name
		prefix, ok := prefixes[q]
		if !ok {
			var err error
			prefix, err = p.qualify(rw, r.paths[q], q, names[q])
			if err != nil {
				return nil, err
			}
			prefixes[q] = prefix
		}
		holes = append(holes, hole{rtok.Offset(sel.X.Pos()) - tstart, rtok.Offset(sel.Sel.Pos()) - tstart, prefix})
	}
	return holes, nil
}

// wildcardHoles makes a hole of each wildcard in the template, to be
// written as the text it bound, and returns the spans of the file the
// rewrite keeps (the bindings it writes).
func (p *planner) wildcardHoles(rw *rewrite, tstart int, base, targetIndent string, holes *[]hole) []span {
	r, m, t := rw.m.Recipe, rw.m, p.t
	rtok := r.file.fset.File(r.after.expr.Pos())
	var kept []span
	var stack []ast.Node
	ast.Inspect(r.after.expr, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		parent := ast.Node(nil)
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || r.after.uses[id] == nil {
			return true
		}
		w := r.after.uses[id]
		b := m.bind[w.index]
		at := rtok.Offset(id.Pos())
		lineDepth := depth(targetIndent) + depth(indentOf(r.file.src, at)) - depth(base)
		texts := make([]string, len(b.exprs))
		for i, e := range b.exprs {
			texts[i] = p.bindingText(rw, e, lineDepth)
			kept = append(kept, span{t.offset(e.Pos()), t.offset(e.End())})
		}
		h := hole{start: at - tstart, end: rtok.Offset(id.End()) - tstart}
		if w.variadic {
			call := parent.(*ast.CallExpr)
			h.end = rtok.Offset(call.Ellipsis) + len("...") - tstart
			switch {
			case b.spread:
				h.text = texts[0] + "..."
			case len(texts) > 0:
				h.text = strings.Join(texts, ", ")
			case len(call.Args) > 1:
				h.start = rtok.Offset(call.Args[len(call.Args)-2].End()) - tstart
			default:
				h.start = rtok.Offset(call.Lparen) + 1 - tstart
			}
		} else {
			h.text = wrapBinding(texts[0], b, parent, id)
		}
		*holes = append(*holes, h)
		return true
	})
	return kept
}

// bindingText is the text of a bound expression, with the matches inside
// it rewritten, moved to the nesting depth where the template puts it.
func (p *planner) bindingText(rw *rewrite, e ast.Expr, toDepth int) string {
	t := p.t
	start, end := t.offset(e.Pos()), t.offset(e.End())
	var b strings.Builder
	last := start
	for _, in := range rw.inner {
		sub := p.done[in]
		if sub == nil || sub.start < last || sub.end > end {
			continue // not in this binding, or inside a match already written
		}
		b.Write(t.Src[last:sub.start])
		b.WriteString(sub.text)
		last = sub.end
	}
	b.Write(t.Src[last:end])
	text := b.String()
	if hasMultilineRawString(e) {
		return text
	}
	return reindent(text, toDepth-depth(indentOf(t.Src, start)))
}

// wrapBinding adds the implicit & or * of a receiver, and parentheses
// where the template's operator binds tighter than the bound expression.
func wrapBinding(text string, b binding, parent ast.Node, id *ast.Ident) string {
	prec := precedence(ast.Unparen(b.exprs[0]))
	if b.prefix != "" {
		if prec < 6 {
			text = "(" + text + ")"
		}
		text, prec = b.prefix+text, 6
	}
	if prec < required(parent, id) {
		text = "(" + text + ")"
	}
	return text
}

// reindentPiece moves the lines after the first of a piece of the
// template's text from the recipe's indentation to the target's.
func reindentPiece(piece, base, targetIndent string) string {
	if !strings.Contains(piece, "\n") {
		return piece
	}
	lines := strings.Split(piece, "\n")
	for i := 1; i < len(lines); i++ {
		rest := strings.TrimPrefix(lines[i], base)
		if strings.TrimSpace(rest) == "" {
			lines[i] = ""
			continue
		}
		lines[i] = targetIndent + rest
	}
	return strings.Join(lines, "\n")
}

// subtract returns s less the spans cut (which are within s).
func subtract(s span, cut []span) []span {
	sort.Slice(cut, func(i, j int) bool { return cut[i].start < cut[j].start })
	var out []span
	at := s.start
	for _, c := range cut {
		if c.start > at {
			out = append(out, span{at, c.start})
		}
		at = max(at, c.end)
	}
	if at < s.end {
		out = append(out, span{at, s.end})
	}
	return out
}
