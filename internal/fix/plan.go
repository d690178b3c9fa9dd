package fix

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"slices"
	"sort"
	"strings"
)

// Options say which files a plan may edit, and how to read them.
type Options struct {
	// Roots are the directories of the scanned modules: a file outside
	// all of them (in the module cache, in GOROOT) is never edited.
	Roots []string
	// Refuse, if set, says why a file must not be edited (an auth
	// package's file, a file of a package with errors), "" if it may.
	Refuse func(file string) string
	// ReadFile reads a file; nil means os.ReadFile.
	ReadFile func(name string) ([]byte, error)
	// PackageName, if set, is the name of the package an import path
	// denotes, which the import clean-up needs for an import without a
	// name; else the name is assumed from the path (jwt for .../jwt/v5).
	PackageName func(importPath string) string
}

// A Plan is what a set of fixes does to the files: the changes, the
// findings whose fixes are applied, and the fixes that are not, each with
// its reason.
type Plan struct {
	Files   []*FileChange
	Applied []string
	Skipped []Skip
}

// Compute plans the fixes: in the order of their first edit, each is
// applied if every file it edits may be edited and none of its edits
// overlaps an edit of a fix applied before (an edit identical to one
// already applied is shared, not a conflict). A fix that makes a file
// that does not parse is left out with the others of that file.
func Compute(fixes []Fix, opts Options) *Plan {
	if opts.ReadFile == nil {
		opts.ReadFile = os.ReadFile
	}
	order := make([]*Fix, len(fixes))
	for i := range fixes {
		order[i] = &fixes[i]
	}
	sort.SliceStable(order, func(i, j int) bool { return firstEdit(order[i]).less(firstEdit(order[j])) })
	p := &planner{opts: opts, files: map[string]*fileState{}}
	dropped := map[*Fix]Skip{}
	for {
		plan := &Plan{}
		p.reset()
		var applied []*Fix
		for _, f := range order {
			if s, ok := dropped[f]; ok {
				plan.Skipped = append(plan.Skipped, s)
				continue
			}
			if reason, file := p.accept(f); reason != "" {
				plan.Skipped = append(plan.Skipped, Skip{Finding: f.Finding, File: file, Reason: reason})
				continue
			}
			applied = append(applied, f)
		}
		bad := p.build(plan, applied)
		for f, s := range bad {
			dropped[f] = s
		}
		if len(bad) == 0 {
			for _, f := range applied {
				plan.Applied = append(plan.Applied, f.Finding)
			}
			return plan
		}
	}
}

func firstEdit(f *Fix) Edit {
	if len(f.Edits) == 0 {
		return Edit{}
	}
	first := f.Edits[0]
	for _, e := range f.Edits[1:] {
		if e.less(first) {
			first = e
		}
	}
	return first
}

func (e Edit) less(o Edit) bool {
	if e.File != o.File {
		return e.File < o.File
	}
	if e.Start != o.Start {
		return e.Start < o.Start
	}
	return e.End < o.End
}

// A planner holds the files a plan reads, and the edits accepted so far.
type planner struct {
	opts  Options
	files map[string]*fileState
}

type fileState struct {
	name    string
	src     []byte
	refused string
	edits   []ownedEdit
	owners  []string
}

// An ownedEdit is an accepted edit and the first fix that made it.
type ownedEdit struct {
	Edit
	owner string
}

func (p *planner) reset() {
	for _, st := range p.files {
		st.edits, st.owners = nil, nil
	}
}

// accept adds the fix's edits to its files, or says why it cannot, and in
// which file.
func (p *planner) accept(f *Fix) (string, string) {
	if len(f.Edits) == 0 {
		return "it has no edits", ""
	}
	for _, name := range f.files() {
		st := p.file(name)
		if st.refused != "" {
			return st.refused, name
		}
		if size, ok := f.sizes[name]; ok && size != len(st.src) {
			return fmt.Sprintf("%s changed since it was analyzed", SafeName(name)), name
		}
	}
	for i, e := range f.Edits {
		st := p.files[e.File]
		if e.Start < 0 || e.End < e.Start || e.End > len(st.src) {
			return "an edit lies outside the file", e.File
		}
		for _, o := range f.Edits[:i] {
			if o.File == e.File && o != e && overlap(o, e) {
				return "two of its own edits overlap", e.File
			}
		}
		for _, o := range st.edits {
			if o.Edit != e && overlap(o.Edit, e) {
				return fmt.Sprintf("it conflicts with the fix of %s (both edit line %d)", o.owner, lineOf(st.src, e.Start)), e.File
			}
		}
	}
	for _, e := range f.Edits {
		st := p.files[e.File]
		if !st.has(e) {
			st.edits = append(st.edits, ownedEdit{e, f.Finding})
		}
		if !contains(st.owners, f.Finding) {
			st.owners = append(st.owners, f.Finding)
		}
	}
	return "", ""
}

func (st *fileState) has(e Edit) bool {
	for _, o := range st.edits {
		if o.Edit == e {
			return true
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// overlap reports whether two different edits of a file cannot both be
// made: their ranges share a byte, an insertion falls inside the other's
// range, or both insert at the same place (in which order?).
func overlap(a, b Edit) bool {
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End || a.Start == a.End && b.Start < a.Start && a.Start < b.End ||
		b.Start == b.End && a.Start < b.Start && b.Start < a.End
}

func lineOf(src []byte, off int) int { return bytes.Count(src[:off], []byte("\n")) + 1 }

// build makes the new content of every file with edits; it returns the
// fixes to leave out because a file they edit would not parse.
func (p *planner) build(plan *Plan, applied []*Fix) map[*Fix]Skip {
	bad := map[*Fix]Skip{}
	var names []string
	for name, st := range p.files {
		if len(st.edits) > 0 {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		st := p.files[name]
		out, err := p.content(st, st.edits)
		if err != nil {
			for f, reason := range p.culprits(st, applied) {
				bad[f] = Skip{Finding: f.Finding, File: name, Reason: "the fixed file would not parse: " + reason}
			}
			continue
		}
		if !bytes.Equal(out, st.src) {
			plan.Files = append(plan.Files, &FileChange{Name: name, Old: st.src, New: out, Findings: st.owners})
		}
	}
	return bad
}

// culprits finds the fixes that make a file fail to parse: adding the
// fixes of the file one at a time, in order, those after which it does
// not parse.
func (p *planner) culprits(st *fileState, applied []*Fix) map[*Fix]string {
	bad := map[*Fix]string{}
	var edits []ownedEdit
	for _, f := range applied {
		var mine []ownedEdit
		for _, e := range f.Edits {
			if e.File == st.name && !slices.ContainsFunc(edits, func(o ownedEdit) bool { return o.Edit == e }) {
				mine = append(mine, ownedEdit{e, f.Finding})
			}
		}
		if len(mine) == 0 && !contains(f.files(), st.name) {
			continue
		}
		tentative := append(slices.Clip(edits), mine...)
		if _, err := p.content(st, tentative); err != nil {
			bad[f] = err.Error()
			continue
		}
		edits = tentative
	}
	return bad
}

// content applies edits to the file; a Go file then has its imports
// tidied, must parse, and is formatted if it was gofmt clean.
func (p *planner) content(st *fileState, owned []ownedEdit) ([]byte, error) {
	edits := make([]Edit, len(owned))
	for i, e := range owned {
		edits[i] = e.Edit
	}
	out := apply(st.src, edits)
	if !strings.HasSuffix(st.name, ".go") {
		return out, nil
	}
	out, err := p.tidyImports(st.src, edits, out)
	if err != nil {
		return nil, err
	}
	if clean, err := format.Source(st.src); err == nil && bytes.Equal(clean, st.src) {
		return format.Source(out)
	}
	return out, nil
}

// apply makes non-overlapping edits to src.
func apply(src []byte, edits []Edit) []byte {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].less(sorted[j]) })
	var b bytes.Buffer
	last := 0
	for _, e := range sorted {
		b.Write(src[last:e.Start])
		b.WriteString(e.New)
		last = e.End
	}
	b.Write(src[last:])
	return b.Bytes()
}
