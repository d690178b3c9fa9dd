package recipe

import (
	"errors"
	"fmt"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// A Result is what Fixes made of one match: the fix of its call, or why
// it has none.
type Result struct {
	Match *Match
	Fix   *analysis.SuggestedFix
	Err   error
}

// A planner computes the fixes of the matches of one target file.
type planner struct {
	t           *Target
	recipeFiles []*File
	u           *usage
	adds        map[string]*importAdd // the file's new imports, by path
	taken       map[string]bool       // the names in use in the file
	done        map[*Match]*rewrite
	failed      map[*Match]error
}

// Fixes computes the fix of each match, all of one target file. The
// fixes are made to be applied together, as `jwtssot -fix` and
// golangci-lint --fix do: an import is deleted when the fixes together
// remove its last use, and each fix that removes one of its uses carries
// the same deletion; a fix whose rewrite would leave a local variable
// unused, or whose replacement would be hidden by a local declaration,
// is refused. A match inside another match's call gets the outer call's
// fix, which rewrites both. Results are in the order of matches.
func Fixes(matches []*Match) []Result {
	results := make([]Result, len(matches))
	if len(matches) == 0 {
		return results
	}
	t := matches[0].target
	p := &planner{t: t, adds: map[string]*importAdd{}, taken: takenNames(t), failed: map[*Match]error{}, u: newUsage(t)}
	var ms []*Match
	seen := map[*File]bool{}
	for i, m := range matches {
		results[i].Match = m
		if m.target != t {
			results[i].Err = errors.New("a match of another file than the others")
			continue
		}
		ms = append(ms, m)
		if f := m.Recipe.file; !seen[f] {
			seen[f] = true
			p.recipeFiles = append(p.recipeFiles, f)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Call.Pos() != ms[j].Call.Pos() {
			return ms[i].Call.Pos() < ms[j].Call.Pos()
		}
		return ms[i].Call.End() > ms[j].Call.End()
	})
	rws := p.plan(ms)
	fixes := p.suggestedFixes(rws)
	for i := range results {
		if results[i].Err != nil {
			continue
		}
		m := results[i].Match
		if rw := enclosing(rws, m); rw != nil && (p.failed[m] == nil || rw.removes(m)) {
			results[i].Fix = fixes[rw]
			continue
		}
		results[i].Err = p.failed[m]
		if results[i].Err == nil {
			results[i].Err = errors.New("no rewrite") // not reached: every match is planned or failed
		}
	}
	return results
}

// plan renders the outermost matches that can be rewritten, until none of
// the rewrites strands a variable.
func (p *planner) plan(ms []*Match) []*rewrite {
	for {
		p.done = map[*Match]*rewrite{}
		var rws []*rewrite
		restart := false
		for _, root := range p.roots(ms) {
			rw, err := p.renderTree(root, p.inside(root, ms))
			if err != nil {
				p.failed[root] = err
				restart = true
				break
			}
			rws = append(rws, rw)
		}
		if restart {
			continue
		}
		stranded := p.u.strandedVars(rws)
		for rw, v := range stranded {
			p.failed[rw.m] = &Refusal{Recipe: rw.m.Recipe, Reason: fmt.Sprintf(
				"the rewrite would leave variable %s (line %d) unused", v.Name(), p.t.Fset.Position(v.Pos()).Line)}
		}
		if len(stranded) == 0 {
			return rws
		}
	}
}

// roots are the matches not failed and not inside another such match.
func (p *planner) roots(ms []*Match) []*Match {
	var roots []*Match
	for _, m := range ms {
		if p.failed[m] != nil {
			continue
		}
		if n := len(roots); n > 0 && within(roots[n-1], m) {
			continue
		}
		roots = append(roots, m)
	}
	return roots
}

// inside lists the matches not failed within m's call, of ms (sorted by
// position, outer first): they follow m in ms.
func (p *planner) inside(m *Match, ms []*Match) []*Match {
	var in []*Match
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Call.Pos() >= m.Call.Pos() })
	for _, o := range ms[i:] {
		if o.Call.Pos() >= m.Call.End() {
			break
		}
		if o != m && p.failed[o] == nil && within(m, o) {
			in = append(in, o)
		}
	}
	return in
}

// within reports whether m's call is inside outer's.
func within(outer, m *Match) bool {
	return outer.Call.Pos() <= m.Call.Pos() && m.Call.End() <= outer.Call.End() && outer != m
}

// renderTree renders the matches inside m, innermost first, then m.
func (p *planner) renderTree(m *Match, in []*Match) (*rewrite, error) {
	for _, child := range in {
		if p.done[child] != nil || p.failed[child] != nil || enclosedBy(child, in) {
			continue
		}
		rw, err := p.renderTree(child, p.inside(child, in))
		if err != nil {
			p.failed[child] = err
			continue
		}
		p.done[child] = rw
	}
	var alive []*Match
	for _, c := range in {
		if p.failed[c] == nil {
			alive = append(alive, c)
		}
	}
	rw, err := p.render(m, alive)
	if err != nil {
		return nil, &Refusal{Recipe: m.Recipe, Reason: err.Error()}
	}
	p.done[m] = rw
	return rw, nil
}

// enclosedBy reports whether m is inside another of ms.
func enclosedBy(m *Match, ms []*Match) bool {
	for _, o := range ms {
		if within(o, m) {
			return true
		}
	}
	return false
}

// enclosing is the rewrite whose call holds m (or is m's).
func enclosing(rws []*rewrite, m *Match) *rewrite {
	rw := rewriteAt(rws, m.target.offset(m.Call.Pos()))
	if rw != nil && (rw.m == m || within(rw.m, m)) {
		return rw
	}
	return nil
}

// rewriteAt is the rewrite whose call holds the offset off, if any: the
// rewrites are of calls apart from each other, in the order of the file.
func rewriteAt(rws []*rewrite, off int) *rewrite {
	i := sort.Search(len(rws), func(i int) bool { return rws[i].start > off }) - 1
	if i >= 0 && off < rws[i].end {
		return rws[i]
	}
	return nil
}

// removes reports whether the rewrite takes away m's call entirely.
func (rw *rewrite) removes(m *Match) bool {
	start, end := rw.m.target.offset(m.Call.Pos()), rw.m.target.offset(m.Call.End())
	for _, s := range rw.removed {
		if (span{start, end}).within(s) {
			return true
		}
	}
	return false
}

// suggestedFixes turns each rewrite into a fix: the call's replacement,
// the imports it adds and the deletions of the imports it helps leave
// unused.
func (p *planner) suggestedFixes(rws []*rewrite) map[*rewrite]*analysis.SuggestedFix {
	unused := p.u.unusedImports(p, rws)
	edits := p.importEdits(rws, unused)
	fixes := map[*rewrite]*analysis.SuggestedFix{}
	tok := p.t.tok
	for _, rw := range rws {
		fix := &analysis.SuggestedFix{Message: rw.m.Recipe.fixMessage()}
		for _, e := range edits {
			if e.by[rw] && e.end <= rw.start {
				fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: tok.Pos(e.start), End: tok.Pos(e.end), NewText: []byte(e.text)})
			}
		}
		fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: tok.Pos(rw.start), End: tok.Pos(rw.end), NewText: []byte(rw.text)})
		for _, e := range edits {
			if e.by[rw] && e.end > rw.start {
				fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: tok.Pos(e.start), End: tok.Pos(e.end), NewText: []byte(e.text)})
			}
		}
		fixes[rw] = fix
	}
	return fixes
}
