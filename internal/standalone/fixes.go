package standalone

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/fix"
	"github.com/jwtssot/jwtssot/internal/report"
	"github.com/jwtssot/jwtssot/internal/rules"
)

// This file is what a scan keeps of the findings' fixes: each finding's
// fix (the analyzer's SuggestedFix, turned into byte offsets while the
// package's file set is alive) goes into its report row, and into Fixes,
// which plans them all with internal/fix for -fix (each fix whole or not
// at all, conflicts reported, only in the scanned modules).

// previewContext is the lines of context a report's diff of a fix shows.
const previewContext = 1

// Fixes are the fixes of a scan's findings. Recording them is safe for
// the concurrent analysis of packages.
type Fixes struct {
	root string // the scan root

	mu    sync.Mutex
	fixes []sitedFix
	// seen holds the fixes kept, by site and edits: a file that two
	// packages analyze (a symlink, two variants of a package) gets a fix
	// from each, kept once if they agree, and twice if they differ.
	seen  map[string]bool
	roots map[string]bool // directories of the scanned modules
	// broken names the files of packages that could not be checked: no
	// fix edits one, whatever another variant of its package says.
	broken map[string]bool
	src    map[string][]byte // the files with fixes, for their previews
}

// Plan plans the fixes with internal/fix: only in the scanned modules'
// directories, never in a file of a package that could not be checked,
// and none of a site that two packages would fix differently (each of
// those is in the plan's Skipped, first).
func (f *Fixes) Plan() *fix.Plan {
	var roots []string
	for dir := range f.roots {
		roots = append(roots, dir)
	}
	fixes, disagree := agreedFixes(f.fixes)
	plan := fix.Compute(fixes, fix.Options{Roots: roots, Refuse: f.refuse})
	plan.Skipped = append(disagree, plan.Skipped...)
	return plan
}

// notePackage records what -fix must know of a package: the directory of
// its module, if it is a scanned one, and its files if it could not be
// checked.
func (f *Fixes) notePackage(p *packages.Package, root bool) {
	if !root {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.roots == nil {
		f.roots, f.broken = map[string]bool{}, map[string]bool{}
	}
	if m := p.Module; m != nil && m.Main && m.Dir != "" {
		f.roots[m.Dir] = true
	}
	if p.IllTyped {
		for _, name := range p.CompiledGoFiles {
			f.broken[name] = true
		}
	}
}

// record keeps a finding's fix, for -fix, and returns it as the report
// shows it (nil without one); v is the finding's report row.
func (f *Fixes) record(p *packages.Package, v report.Violation, finding analyzer.Finding) *report.Fix {
	if finding.Fix == nil {
		return nil
	}
	name := fmt.Sprintf("%s:%d:%d (%s)", v.File, v.Line, v.Column, findingHead(v.Message))
	ff, err := fix.FromSuggested(p.Fset, name, *finding.Fix)
	if err != nil || len(ff.Edits) == 0 {
		return nil
	}
	ff.Rename(realPath)
	site := fmt.Sprintf("%s:%d:%d", realPath(p.Fset.Position(finding.Pos).Filename), v.Line, v.Column)
	rf := &report.Fix{Message: finding.Fix.Message}
	for _, e := range finding.Fix.TextEdits {
		start, end := p.Fset.Position(e.Pos), p.Fset.Position(e.End)
		if !e.End.IsValid() {
			end = start
		}
		rf.Edits = append(rf.Edits, report.Edit{
			File: relative(f.root, start.Filename), Line: start.Line, Column: start.Column,
			EndLine: end.Line, EndColumn: end.Column, New: string(e.NewText),
		})
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.src == nil {
		f.src, f.seen = map[string][]byte{}, map[string]bool{}
	}
	file := ff.Edits[0].File
	src, ok := f.src[file]
	if !ok {
		src, _ = os.ReadFile(file)
		f.src[file] = src
	}
	rf.Diff, _ = ff.Preview(src, previewContext)
	key := fmt.Sprintf("%s\x00%v", site, ff.Edits)
	if !f.seen[key] {
		f.seen[key] = true
		f.fixes = append(f.fixes, sitedFix{site, ff})
	}
	return rf
}

// findingHead is the start of a call finding's message, which names the
// call: "call of jwt.Parse".
func findingHead(msg string) string {
	body, _ := rules.SplitMessage(msg)
	if i := strings.IndexAny(body, ";"); i >= 0 {
		body = body[:i]
	}
	body, _, _ = strings.Cut(body, " outside the auth packages")
	return body
}

// refuse says why -fix must not edit a file: one of a package that could
// not be checked.
func (f *Fixes) refuse(file string) string {
	if f.broken[file] {
		return fix.SafeName(file) + " is in a package that could not be checked (exit status 3): fix its errors first"
	}
	return ""
}

// A sitedFix is a fix and its site: the finding's file, by its real
// path, line and column.
type sitedFix struct {
	site string
	fix  fix.Fix
}

// agreedFixes drops the fixes of a site that two packages would fix
// differently: a file that two packages analyze (a symlink, or p and
// p [p.test] where a test file declares the name a new import would
// take). Either fix could break the other package's build, so neither is
// applied, and each is reported.
func agreedFixes(all []sitedFix) ([]fix.Fix, []fix.Skip) {
	count := map[string]int{}
	for _, f := range all {
		count[f.site]++
	}
	var kept []fix.Fix
	var skipped []fix.Skip
	for _, f := range all {
		if count[f.site] == 1 {
			kept = append(kept, f.fix)
			continue
		}
		skipped = append(skipped, fix.Skip{Finding: f.fix.Finding, File: f.fix.Edits[0].File,
			Reason: "the file is in another package too, whose fix of the same call differs"})
	}
	return kept, skipped
}

// realPath is a file's real path, its symlinks resolved: a file that two
// packages reach under two names (a symlink) is one file to plan, so
// their fixes share its edits or conflict, and it is never written twice.
func realPath(name string) string {
	if r, err := filepath.EvalSymlinks(name); err == nil {
		return r
	}
	return name
}

// Name names a file of the fixes, a real path, relative to the scan root
// as the reports do.
func (f *Fixes) Name(name string) string {
	if root, err := filepath.EvalSymlinks(f.root); err == nil {
		if rel, err := filepath.Rel(root, name); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return relative(f.root, name)
}

// NamesIn shortens the real paths in a message about the fixes.
func (f *Fixes) NamesIn(msg string) string {
	if root, err := filepath.EvalSymlinks(f.root); err == nil {
		msg = strings.ReplaceAll(msg, root+string(filepath.Separator), "")
	}
	return relativeIn(f.root, msg)
}
