package recipe

import (
	"go/ast"
	"go/token"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// An importEdit is an edit of the file's imports that one or more fixes
// carry: each carries the very same edit, so that applying several of
// them (by jwtssot, or by golangci-lint, which drops duplicates) makes it
// once.
type importEdit struct {
	start, end int
	text       string
	by         map[*rewrite]bool
}

// importEdits plans the import edits of the rewrites: the imports they add,
// each at a place that no deletion touches (in sorted position in the
// group of its kind, as gofmt sorts a group), and the imports they leave
// unused, each deleted with its line, and with a blank line that would
// otherwise make two.
func (p *planner) importEdits(rws []*rewrite, unused map[*ast.ImportSpec][]*rewrite) []*importEdit {
	deleted := map[*ast.ImportSpec]bool{}
	for s := range unused {
		deleted[s] = true
	}
	receiving := map[*ast.GenDecl]bool{}
	adds := map[int]*importEdit{}
	specs := map[int]map[anchorKind][]string{}
	wraps := map[*ast.GenDecl]*wrapping{}
	for _, rw := range rws {
		for _, a := range rw.adds {
			an := p.anchor(a, deleted)
			if an.decl != nil {
				receiving[an.decl] = true
			}
			if an.wrap != nil {
				w := wraps[an.wrap]
				if w == nil {
					w = &wrapping{by: map[*rewrite]bool{}}
					wraps[an.wrap] = w
				}
				w.by[rw] = true
				if !slices.Contains(w.specs, a.spec()) {
					w.specs = append(w.specs, a.spec())
				}
				continue
			}
			e := adds[an.at]
			if e == nil {
				e = &importEdit{start: an.at, end: an.at, by: map[*rewrite]bool{}}
				adds[an.at] = e
				specs[an.at] = map[anchorKind][]string{}
			}
			e.by[rw] = true
			if !slices.Contains(specs[an.at][an.kind], a.spec()) {
				specs[an.at][an.kind] = append(specs[an.at][an.kind], a.spec())
			}
		}
	}
	var edits []*importEdit
	for at, e := range adds {
		e.text = insertionText(specs[at])
		edits = append(edits, e)
	}
	for gd, w := range wraps {
		edits = append(edits, p.wrapEdits(gd, w)...)
	}
	edits = append(edits, p.deletions(unused, receiving)...)
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	return edits
}

// A wrapping is the imports to add to a lone import declaration.
type wrapping struct {
	specs []string
	by    map[*rewrite]bool
}

// wrapEdits puts parentheses around the import of a lone declaration and
// the added imports in them: in sorted order with it, or in a group of
// their own when they are of the other kind (standard library or not),
// the standard library's first.
func (p *planner) wrapEdits(gd *ast.GenDecl, w *wrapping) []*importEdit {
	spec := gd.Specs[0].(*ast.ImportSpec)
	own := importPath(spec)
	var before, after, pre, post []string
	sort.Slice(w.specs, func(i, j int) bool { return unquotedPath(w.specs[i]) < unquotedPath(w.specs[j]) })
	for _, s := range w.specs {
		path := unquotedPath(s)
		line := "\t" + s + "\n"
		switch {
		case isStd(path) == isStd(own) && path < own:
			before = append(before, line)
		case isStd(path) == isStd(own):
			after = append(after, line)
		case isStd(path):
			pre = append(pre, line)
		default:
			post = append(post, line)
		}
	}
	open := "(\n" + strings.Join(pre, "")
	if len(pre) > 0 {
		open += "\n"
	}
	open += strings.Join(before, "") + "\t"
	closing := "\n" + strings.Join(after, "")
	if len(post) > 0 {
		closing += "\n" + strings.Join(post, "")
	}
	closing += ")"
	at, end := p.t.offset(spec.Pos()), p.t.offset(specEnd(spec))
	return []*importEdit{
		{start: at, end: at, text: open, by: w.by},
		{start: end, end: end, text: closing, by: w.by},
	}
}

// An anchorKind is how an added import is written at its place.
type anchorKind int

const (
	inGroup      anchorKind = iota // a line in a group of a parenthesized declaration
	newGroup                       // a group of its own at the end of one
	newDecl                        // a declaration of its own before the first
	afterPackage                   // the file's first import declaration
	wrapDecl                       // in the parentheses of a lone import
)

type anchor struct {
	at   int
	kind anchorKind
	// decl is the declaration the import goes into when all of that
	// declaration's imports are deleted (which must then keep it).
	decl *ast.GenDecl
	// wrap is the declaration of one import without parentheses that
	// the import joins, in a group: import "a" becomes import ( "a" ... ).
	wrap *ast.GenDecl
}

// insertionText writes the imports to insert at one place, each kind as
// gofmt lays it out, sorted as gofmt sorts them.
func insertionText(byKind map[anchorKind][]string) string {
	var b strings.Builder
	for _, k := range []anchorKind{inGroup, newGroup, newDecl, afterPackage} {
		specs := byKind[k]
		if len(specs) == 0 {
			continue
		}
		sort.Slice(specs, func(i, j int) bool { return unquotedPath(specs[i]) < unquotedPath(specs[j]) })
		switch k {
		case newGroup:
			b.WriteString("\n")
			fallthrough
		case inGroup:
			for _, s := range specs {
				b.WriteString("\t" + s + "\n")
			}
		case newDecl:
			for _, s := range specs {
				b.WriteString("import " + s + "\n")
			}
		case afterPackage:
			if len(specs) == 1 {
				b.WriteString("\n\nimport " + specs[0])
				continue
			}
			b.WriteString("\n\nimport (\n")
			for _, s := range specs {
				b.WriteString("\t" + s + "\n")
			}
			b.WriteString(")")
		}
	}
	return b.String()
}

// unquotedPath is the import path of a spec's text (name "path").
func unquotedPath(spec string) string {
	p, _ := strconv.Unquote(spec[strings.IndexByte(spec, '"'):])
	return p
}

// anchor returns where to insert the import a, and how: in the first
// parenthesized import declaration, in the group of its kind (standard
// library or not) whose paths are most like a's, before the first path
// greater than a's, or as a group of its own; else as a declaration of
// its own before the first import declaration; else after the package
// clause.
func (p *planner) anchor(a *importAdd, deleted map[*ast.ImportSpec]bool) anchor {
	t := p.t
	var single []*ast.GenDecl
	for _, d := range t.File.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return p.anchorInGroup(gd, a, deleted)
		}
		single = append(single, gd)
	}
	for _, gd := range single {
		if !deleted[gd.Specs[0].(*ast.ImportSpec)] {
			return anchor{kind: wrapDecl, wrap: gd}
		}
	}
	if len(single) > 0 {
		gd := single[0]
		return anchor{at: lineStart(t.Src, t.offset(startOf(gd.Doc, gd.Pos()))), kind: newDecl, decl: gd}
	}
	end := nextLineStart(t.Src, t.offset(t.File.Name.End()))
	if end > 0 && t.Src[end-1] == '\n' {
		end--
	}
	return anchor{at: end, kind: afterPackage}
}

// anchorInGroup finds a's place in a parenthesized import declaration.
func (p *planner) anchorInGroup(gd *ast.GenDecl, a *importAdd, deleted map[*ast.ImportSpec]bool) anchor {
	t := p.t
	var best, last []*ast.ImportSpec
	bestScore := -1
	for _, run := range p.runs(gd) {
		var alive []*ast.ImportSpec
		for _, s := range run {
			if !deleted[s] {
				alive = append(alive, s)
			}
		}
		if len(alive) == 0 {
			continue
		}
		last = alive
		if score := likeness(a.path, alive); score > bestScore {
			best, bestScore = alive, score
		}
	}
	if best == nil {
		first := gd.Specs[0].(*ast.ImportSpec)
		return anchor{at: lineStart(t.Src, t.offset(startOf(first.Doc, first.Pos()))), kind: inGroup, decl: gd}
	}
	if bestScore < sameKind {
		end := last[len(last)-1]
		return anchor{at: nextLineStart(t.Src, t.offset(specEnd(end))), kind: newGroup}
	}
	for _, s := range best {
		if importPath(s) > a.path {
			return anchor{at: lineStart(t.Src, t.offset(startOf(s.Doc, s.Pos()))), kind: inGroup}
		}
	}
	end := best[len(best)-1]
	return anchor{at: nextLineStart(t.Src, t.offset(specEnd(end))), kind: inGroup}
}

// runs splits a declaration's specs into the groups gofmt sorts apart:
// runs of lines without a blank line between them.
func (p *planner) runs(gd *ast.GenDecl) [][]*ast.ImportSpec {
	var runs [][]*ast.ImportSpec
	prevEnd := -1
	for _, s := range gd.Specs {
		spec := s.(*ast.ImportSpec)
		line := p.t.tok.Line(startOf(spec.Doc, spec.Pos()))
		if prevEnd < 0 || line > prevEnd+1 {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], spec)
		prevEnd = p.t.tok.Line(specEnd(spec))
	}
	return runs
}

// sameKind is what likeness adds for a group of the same kind.
const sameKind = 1 << 16

// likeness scores how well path fits a group: the same kind (standard
// library or not) first, then the longest prefix shared with a path of
// the group.
func likeness(path string, group []*ast.ImportSpec) int {
	best := 0
	for _, s := range group {
		q := importPath(s)
		n := 0
		for n < len(path) && n < len(q) && path[n] == q[n] {
			n++
		}
		if isStd(q) == isStd(path) {
			n += sameKind
		}
		best = max(best, n)
	}
	return best
}

// isStd reports whether an import path looks like the standard library's:
// no dot in its first element.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func importPath(s *ast.ImportSpec) string {
	p, _ := strconv.Unquote(s.Path.Value)
	return p
}

func startOf(doc *ast.CommentGroup, pos token.Pos) token.Pos {
	if doc != nil {
		return doc.Pos()
	}
	return pos
}

// specEnd is the end of an import spec with its line comment.
func specEnd(s *ast.ImportSpec) token.Pos {
	if s.Comment != nil {
		return s.Comment.End()
	}
	return s.End()
}

// deletions plans the deletion of the unused imports: the lines of each,
// or of the whole declaration when none of its imports is left (and none
// is added to it), with the blank lines that would otherwise stand two in
// a row, or just inside the parentheses; adjacent lines are deleted by one
// edit, which every fix that deletes one of them carries.
func (p *planner) deletions(unused map[*ast.ImportSpec][]*rewrite, receiving map[*ast.GenDecl]bool) []*importEdit {
	t := p.t
	dead := map[int]map[*rewrite]bool{} // deleted lines, with the rewrites that delete them
	kept := map[int]bool{}              // deleted lines an added import takes the place of
	first, last := 0, 0
	mark := func(from, to token.Pos, rws map[*rewrite]bool) {
		for l := t.tok.Line(from); l <= t.tok.Line(to); l++ {
			if dead[l] == nil {
				dead[l] = map[*rewrite]bool{}
			}
			for rw := range rws {
				dead[l][rw] = true
			}
		}
	}
	for _, d := range t.File.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if first == 0 {
			first = t.tok.Line(startOf(gd.Doc, gd.Pos()))
		}
		last = t.tok.Line(gd.End())
		all, by := true, map[*rewrite]bool{}
		for _, s := range gd.Specs {
			rws, ok := unused[s.(*ast.ImportSpec)]
			all = all && ok
			for _, rw := range rws {
				by[rw] = true
			}
		}
		if all && (!receiving[gd] || !gd.Lparen.IsValid()) {
			mark(startOf(gd.Doc, gd.Pos()), gd.End(), by)
			if receiving[gd] {
				kept[t.tok.Line(gd.Pos())] = true
			}
			continue
		}
		for _, s := range gd.Specs {
			spec := s.(*ast.ImportSpec)
			if rws, ok := unused[spec]; ok {
				by := map[*rewrite]bool{}
				for _, rw := range rws {
					by[rw] = true
				}
				mark(startOf(spec.Doc, spec.Pos()), specEnd(spec), by)
			}
		}
	}
	if len(dead) == 0 {
		return nil
	}
	p.deadBlankLines(dead, kept, first-1, last+1)
	return p.blocks(dead)
}

// deadBlankLines marks the blank lines of [from, to] that the deletions
// would leave two in a row, after an opening parenthesis or before a
// closing one (gofmt would delete them).
func (p *planner) deadBlankLines(dead map[int]map[*rewrite]bool, kept map[int]bool, from, to int) {
	src := p.t.Src
	type line struct {
		n           int
		blank, open bool
	}
	var prev *line
	gap := false // a deleted line since prev
	for n := max(from, 1); n <= min(to, p.t.tok.LineCount()); n++ {
		if dead[n] != nil && !kept[n] {
			gap = true
			continue
		}
		start := p.t.offset(p.t.tok.LineStart(n))
		text := strings.TrimSpace(string(src[start:nextLineStart(src, start)]))
		cur := &line{n: n, blank: text == "", open: strings.HasSuffix(text, "(")}
		switch {
		case gap && cur.blank && prev != nil && (prev.blank || prev.open):
			dead[n] = map[*rewrite]bool{}
			continue
		case gap && strings.HasPrefix(text, ")") && prev != nil && prev.blank:
			dead[prev.n] = map[*rewrite]bool{}
		}
		prev, gap = cur, false
	}
}

// blocks turns the deleted lines into edits, one per run of lines.
func (p *planner) blocks(dead map[int]map[*rewrite]bool) []*importEdit {
	var lines []int
	for l := range dead {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	var out []*importEdit
	for i, l := range lines {
		start := p.t.offset(p.t.tok.LineStart(l))
		end := nextLineStart(p.t.Src, start)
		if i > 0 && lines[i-1] == l-1 {
			e := out[len(out)-1]
			e.end = end
			for rw := range dead[l] {
				e.by[rw] = true
			}
			continue
		}
		e := &importEdit{start: start, end: end, by: map[*rewrite]bool{}}
		for rw := range dead[l] {
			e.by[rw] = true
		}
		out = append(out, e)
	}
	return out
}
