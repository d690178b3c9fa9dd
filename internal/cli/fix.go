package cli

import (
	"fmt"
	"io"
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

// This file is -fix and -diff: the scan keeps each finding's fix (the
// analyzer's SuggestedFix, turned into byte offsets while the package's
// file set is alive), every report shows it, and -fix plans them all with
// internal/fix, which applies each whole or not at all, reports the
// conflicts, and writes the files atomically (or, with -diff, prints a
// unified diff and writes nothing).

// previewContext is the lines of context a report's diff of a fix shows.
const previewContext = 1

// fixState is what the scan keeps of the findings' fixes. It is safe for
// the concurrent analysis of packages.
type fixState struct {
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

// checkFix refuses what -fix and -diff cannot be combined with: -fix
// writes no report, so every flag that shapes one is a mistake.
func (o *options) checkFix() error {
	if o.diff && !o.fix {
		return usagef("-diff shows what -fix would change: use it with -fix (jwtssot -fix -diff ./...)")
	}
	if !o.fix {
		return nil
	}
	for _, c := range []struct {
		set  bool
		flag string
	}{
		{o.format != "text", "-format"}, {o.output != "", "-o"}, {o.baseline != "", "-baseline"},
		{o.writeBaseline != "", "-write-baseline"}, {o.trend, "-trend"}, {o.inventory, "-inventory"},
	} {
		if c.set {
			return usagef("-fix writes the fixes, not a report: %s cannot be used with it; scan again after fixing for the report", c.flag)
		}
	}
	return nil
}

// notePackage records what -fix must know of a package: the directory of
// its module, if it is a scanned one, and its files if it could not be
// checked.
func (s *scanState) notePackage(p *packages.Package, root bool) {
	if !root {
		return
	}
	f := &s.fixes
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

// recordFix keeps a finding's fix, for -fix, and returns it as the
// report shows it (nil without one).
func (s *scanState) recordFix(p *packages.Package, v report.Violation, f analyzer.Finding) *report.Fix {
	if f.Fix == nil {
		return nil
	}
	name := fmt.Sprintf("%s:%d:%d (%s)", v.File, v.Line, v.Column, findingHead(v.Message))
	ff, err := fix.FromSuggested(p.Fset, name, *f.Fix)
	if err != nil || len(ff.Edits) == 0 {
		return nil
	}
	ff.Rename(realPath)
	site := fmt.Sprintf("%s:%d:%d", realPath(p.Fset.Position(f.Pos).Filename), v.Line, v.Column)
	rf := &report.Fix{Message: f.Fix.Message}
	for _, e := range f.Fix.TextEdits {
		start, end := p.Fset.Position(e.Pos), p.Fset.Position(e.End)
		if !e.End.IsValid() {
			end = start
		}
		rf.Edits = append(rf.Edits, report.Edit{
			File: s.relative(start.Filename), Line: start.Line, Column: start.Column,
			EndLine: end.Line, EndColumn: end.Column, New: string(e.NewText),
		})
	}
	st := &s.fixes
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.src == nil {
		st.src, st.seen = map[string][]byte{}, map[string]bool{}
	}
	file := ff.Edits[0].File
	src, ok := st.src[file]
	if !ok {
		src, _ = os.ReadFile(file)
		st.src[file] = src
	}
	rf.Diff, _ = ff.Preview(src, previewContext)
	key := fmt.Sprintf("%s\x00%v", site, ff.Edits)
	if !st.seen[key] {
		st.seen[key] = true
		st.fixes = append(st.fixes, sitedFix{site, ff})
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
func (f *fixState) refuse(file string) string {
	if f.broken[file] {
		return fix.SafeName(file) + " is in a package that could not be checked (exit status 3): fix its errors first"
	}
	return ""
}

// applyFixes plans the fixes of the scan and writes them, or with -diff
// prints them; it reports each fix left out, and returns the exit status:
// 0 when every fix was applied (or there was none), 1 when one was left
// out or, with -diff, when the diff is not empty, 3 when some packages
// could not be checked.
func (s *scanState) applyFixes(o *options, r *report.Report, stdout, stderr io.Writer) (int, error) {
	st := &s.fixes
	var roots []string
	for dir := range st.roots {
		roots = append(roots, dir)
	}
	fixes, disagree := agreedFixes(st.fixes)
	plan := fix.Compute(fixes, fix.Options{Roots: roots, Refuse: st.refuse})
	plan.Skipped = append(disagree, plan.Skipped...)
	code := ExitClean
	if o.diff {
		if err := plan.WriteDiff(stdout, fix.DiffOptions{Name: s.fixName, Terminal: isTerminal(stdout)}); err != nil {
			return ExitUsage, err
		}
		if len(plan.Files) > 0 {
			code = ExitViolations
		}
	} else if err := plan.Write(); err != nil {
		return ExitUsage, fmt.Errorf("-fix: %s", s.fixNamesIn(err.Error()))
	}
	for _, sk := range plan.Skipped {
		message(stderr, "%s", s.fixNamesIn(sk.String()))
		code = ExitViolations
	}
	if !o.quiet {
		message(stderr, "%s", fixSummary(plan, o.diff))
	}
	if len(r.Errors) > 0 {
		for _, e := range r.Errors {
			message(stderr, "package %s could not be checked, and none of its files was fixed: %s", e.Package, e.Message)
		}
		code = ExitLoad
	}
	return code, nil
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

// fixSummary is -fix's last line: how many findings it fixed in how many
// files, and how many fixes it left out.
func fixSummary(p *fix.Plan, diff bool) string {
	if len(p.Applied) == 0 && len(p.Skipped) == 0 {
		return "no fixes to apply"
	}
	out := fmt.Sprintf("fixed %s in %s", plural(len(p.Applied), "finding"), plural(len(p.Files), "file"))
	if diff {
		out = fmt.Sprintf("the fixes of %s would change %s (-diff: nothing written)", plural(len(p.Applied), "finding"), plural(len(p.Files), "file"))
	}
	if n := len(p.Skipped); n > 0 {
		out += fmt.Sprintf("; %s not applied (above)", plural(n, "fix", "fixes"))
	}
	return out
}

// plural writes n and the noun, in its plural form unless n is 1.
func plural(n int, noun string, pluralForm ...string) string {
	if n == 1 {
		return "1 " + noun
	}
	if len(pluralForm) > 0 {
		return fmt.Sprintf("%d %s", n, pluralForm[0])
	}
	return fmt.Sprintf("%d %ss", n, strings.TrimSuffix(noun, "s"))
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

// fixName names a file of the fixes, a real path, relative to the scan
// root as the reports do.
func (s *scanState) fixName(name string) string {
	if root, err := filepath.EvalSymlinks(s.root); err == nil {
		if rel, err := filepath.Rel(root, name); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return s.relative(name)
}

// fixNamesIn shortens the real paths in a message about the fixes.
func (s *scanState) fixNamesIn(msg string) string {
	if root, err := filepath.EvalSymlinks(s.root); err == nil {
		msg = strings.ReplaceAll(msg, root+string(filepath.Separator), "")
	}
	return s.relativeIn(msg)
}
