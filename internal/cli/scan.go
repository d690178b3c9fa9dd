package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/atomicfile"
	"github.com/jwtssot/jwtssot/internal/baseline"
	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/driver"
	"github.com/jwtssot/jwtssot/internal/load"
	"github.com/jwtssot/jwtssot/internal/report"
	"github.com/jwtssot/jwtssot/internal/trend"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// scan lists the packages, analyzes them as they are type-checked, and
// writes the report. It returns the exit status and an error to print.
func scan(ctx context.Context, o *options, a *analysis.Analyzer, stdout, stderr io.Writer) (int, error) {
	start := time.Now()
	root, err := os.Getwd()
	if err != nil {
		return ExitUsage, err
	}
	if err := o.checkFiles(); err != nil {
		return ExitUsage, err
	}
	set, tests, err := preflightConfig(a, root)
	if err == nil {
		err = preflightRecipes(ctx, a, set)
	}
	if err != nil {
		// Name the files as the user would: relative to where the scan runs.
		return ExitUsage, errors.New(strings.ReplaceAll(err.Error(), root+string(filepath.Separator), ""))
	}
	var base *baseline.File
	if o.baseline != "" {
		if base, err = baseline.Read(o.baseline); err != nil {
			return ExitUsage, err
		}
	}
	var tr *report.Trend
	if o.trend { // before the scan, which a bad history would waste
		if tr, err = loadTrend(ctx, o, stderr); err != nil {
			return ExitUsage, err
		}
	}
	if err := checkFileArguments(o.patterns); err != nil {
		return ExitUsage, err
	}
	prog := newProgress(stderr, o.verbose)
	defer prog.close()
	prog.status("listing packages with go list (this builds their dependencies' export data)")
	g, err := load.List(ctx, load.Config{Patterns: o.patterns, Tests: tests, Tags: o.tags})
	if err != nil {
		return ExitUsage, listError(err)
	}
	if err := patternErrors(g.Roots); err != nil {
		return ExitUsage, err
	}
	if err := malformedPatterns(g.Roots); err != nil {
		return ExitUsage, err
	}
	if err := goVersionError(g.Roots, runtime.Version()); err != nil {
		return ExitUsage, err
	}
	if len(g.Roots) == 0 {
		if msg := load.GoListError(ctx, load.Config{Patterns: o.patterns, Tests: tests, Tags: o.tags}); msg != "" {
			return ExitUsage, usagef("the go command failed to list %s:\n%s", quotePatterns(o.patterns), msg)
		}
		return ExitUsage, usagef("%s matched no packages; run jwtssot in a Go module (or with -C dir) and pass package patterns such as ./...", quotePatterns(o.patterns))
	}

	tuneGC(len(g.Roots) + len(g.Deps))
	facts := driver.NewFacts()
	facts.SetTypesLock(g.TypesLock())
	s := &scanState{root: root, analyzer: a, facts: facts, sources: map[string][]string{}}
	g.Each(ctx, 0, s.analyze, prog.loaded)
	prog.done(len(g.Roots), time.Since(start))
	if o.memProfile != "" {
		// Now, while the graph and the results are still in use.
		if err := writeHeapProfile(o.memProfile); err != nil {
			return ExitUsage, fmt.Errorf("-memprofile: %w", err)
		}
		runtime.KeepAlive(g)
	}

	if len(s.configErrs) > 0 {
		return ExitUsage, s.configError()
	}
	r := s.report()
	if o.fix {
		return s.applyFixes(o, r, stdout, stderr)
	}
	r.Summary.Auth = authScopes(set, root, a)
	r.Secrets = report.SecretValues(r.Violations) // before a baseline drops some
	report.WithholdSecretFixes(r)
	if tr != nil {
		tr.Points = append(tr.Points, trend.ScanPoint(r.Summary.ByRule))
		r.Trend = tr
	}
	code := ExitClean
	switch {
	case o.writeBaseline != "" && len(r.Errors) > 0:
		// A baseline of a partial scan would drop the violations of the
		// packages that failed, which would then be "new" on the next
		// run: keep the old one.
		message(stderr, "did not write baseline %s: %d packages could not be checked (listed below); "+
			"fix them or leave them out of the patterns, then write it again; the baseline on disk is unchanged",
			o.writeBaseline, len(r.Errors))
	case o.writeBaseline != "":
		if err := baseline.Write(o.writeBaseline, r.Violations); err != nil {
			return ExitUsage, fmt.Errorf("writing baseline %s: %w", o.writeBaseline, err)
		}
		message(stderr, "wrote %d violations to baseline %s", len(r.Violations), o.writeBaseline)
	case base != nil:
		r.Violations, r.Baseline = base.Apply(o.baseline, r.Violations)
		r.Summarize()
		fallthrough
	default:
		if len(r.Violations) > 0 {
			code = ExitViolations
		}
	}
	if len(r.Errors) > 0 {
		code = ExitLoad
		explainLoadErrors(stderr, g, o.tags)
	}
	prefix := o.pathPrefix
	if !o.pathPrefixSet {
		prefix = repoPrefix(root)
	}
	if err := writeReport(o, r, prefix, stdout, stderr); err != nil {
		return ExitUsage, err
	}
	return code, nil
}

// scanState gathers the results of the packages analyzed concurrently.
type scanState struct {
	root     string
	analyzer *analysis.Analyzer
	facts    *driver.Facts

	mu         sync.Mutex
	violations []report.Violation
	sites      []report.Site
	errors     []report.PackageError
	configErrs []error
	packages   int
	files      int
	sources    map[string][]string // file → lines, for fingerprints
	fixes      fixState            // the findings' fixes (fix.go)
}

// analyze runs the analyzer on one type-checked package, with the facts of
// the packages it imports; a module dependency that is not a root (root
// false) is analyzed for its facts only, and reports nothing.
func (s *scanState) analyze(p *packages.Package, root bool) {
	s.notePackage(p, root)
	if p.IllTyped {
		if root {
			s.mu.Lock()
			s.errors = append(s.errors, report.PackageError{Package: p.ID, Message: s.relativeIn(summarizeErrors(p.Errors))})
			s.mu.Unlock()
		}
		return
	}
	res, err := s.facts.Run(s.analyzer, &driver.Package{
		Fset: p.Fset, Files: p.Syntax, Types: p.Types, TypesInfo: p.TypesInfo, Sizes: p.TypesSizes,
		Module: analysisModule(p.Module), OtherFiles: p.OtherFiles, IgnoredFiles: p.IgnoredFiles,
		DependsOn: load.DependsOn(p),
	})
	var vs []report.Violation
	var sites []report.Site
	if err == nil && root {
		if r, _ := res.Value.(*analyzer.Result); r != nil {
			for _, f := range r.Findings {
				v := s.violation(p, f)
				v.Fix = s.recordFix(p, v, f)
				vs = append(vs, v)
			}
			for _, site := range r.Sites {
				sites = append(sites, s.site(p, site))
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var cerr *config.Error
	switch {
	case errors.As(err, &cerr):
		if !containsError(s.configErrs, cerr) {
			s.configErrs = append(s.configErrs, cerr)
		}
	case err != nil && root:
		s.errors = append(s.errors, report.PackageError{Package: p.ID, Message: s.relativeIn(err.Error())})
	}
	if root {
		s.packages++
		s.files += len(p.CompiledGoFiles)
	}
	s.violations = append(s.violations, vs...)
	s.sites = append(s.sites, sites...)
}

// configError is the config errors the analysis met, one a line, each
// shown with visible.Text so that a file name cannot start a line of its
// own, and named relative to the scan root.
func (s *scanState) configError() error {
	lines := make([]string, len(s.configErrs))
	for i, err := range s.configErrs {
		lines[i] = visible.Text(s.relativeIn(err.Error()))
	}
	return errors.New(strings.Join(lines, "\n"))
}

// explainLoadErrors says once what a common cause of the packages that
// could not be checked is: a go.sum without the entries of a module the
// code imports (the go command's advice for it names one importer, and is
// left out of each package's error), or -tags ignore.
func explainLoadErrors(stderr io.Writer, g *load.Graph, tags string) {
	if missing := g.GoSumMissing(); len(missing) > 0 {
		message(stderr, "go.sum has no entry for the module providing %s, so the packages that import it could not be checked; "+
			"run go mod tidy in the module, then scan again", strings.Join(missing, ", "))
	}
	if slices.Contains(strings.Split(tags, ","), "ignore") {
		message(stderr, "-tags ignore also selects the files of the standard library and of other "+
			"modules marked //go:build ignore (code generators, no part of any package), which do not compile; "+
			"give the files you mean a tag of their own")
	}
}

// analysisModule is the Module a pass sees, from go list's.
func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return &analysis.Module{}
	}
	return &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion}
}

func containsError(errs []error, err error) bool {
	for _, e := range errs {
		if e.Error() == err.Error() {
			return true
		}
	}
	return false
}

// violation turns a finding into a report row.
func (s *scanState) violation(p *packages.Package, f analyzer.Finding) report.Violation {
	pos, end := p.Fset.Position(f.Pos), p.Fset.Position(f.End)
	v := report.Violation{
		Rule: f.Rule, File: s.relative(pos.Filename), Line: pos.Line, Column: pos.Column,
		EndLine: end.Line, EndColumn: end.Column,
		Package: p.PkgPath, Function: f.Function, Symbol: f.Symbol, Message: f.Message,
	}
	if !end.IsValid() {
		v.EndLine, v.EndColumn = v.Line, v.Column
	}
	v.SourceLine = s.line(pos.Filename, pos.Line)
	v.Home = moduleRelative(p.Module, pos.Filename)
	return v
}

// moduleRelative names a file by its module and its path in the module,
// which do not depend on the directory a scan runs in: the fingerprints
// hash it, so a baseline written from the module root matches a scan run
// with -C from elsewhere, or from a subdirectory.
func moduleRelative(m *packages.Module, filename string) string {
	if m == nil || m.Dir == "" {
		return ""
	}
	rel, err := filepath.Rel(m.Dir, filename)
	if err != nil || strings.HasPrefix(rel, "..") {
		return ""
	}
	return m.Path + "/" + filepath.ToSlash(rel)
}

// relative is filename relative to the scan root, slash-separated.
func (s *scanState) relative(filename string) string {
	if rel, err := filepath.Rel(s.root, filename); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(filename)
}

// line returns a line of a file, read once per file.
func (s *scanState) line(filename string, n int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	lines, ok := s.sources[filename]
	if !ok {
		data, _ := os.ReadFile(filename)
		lines = strings.Split(string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))), "\n")
		s.sources[filename] = lines
	}
	if n >= 1 && n <= len(lines) {
		return lines[n-1]
	}
	return ""
}

// report assembles the sorted, fingerprinted, summarized report.
func (s *scanState) report() *report.Report {
	vs := dedupe(s.violations)
	report.Sort(vs)
	report.Fingerprint(vs)
	errs := s.errors
	if errs == nil {
		errs = []report.PackageError{}
	}
	sortErrors(errs)
	r := &report.Report{
		Version:    report.SchemaVersion,
		Tool:       report.Tool{Name: "jwtssot", Version: Version()},
		Violations: vs,
		Errors:     errs,
	}
	r.Summary.Packages, r.Summary.Files = s.packages, s.files
	r.Summarize()
	r.Inventory = report.NewInventory(s.sites)
	return r
}

// dedupe drops repeated findings: a file can belong to more than one
// package variant (with -tests), and the report lists each violation once.
func dedupe(vs []report.Violation) []report.Violation {
	type key struct {
		file         string
		line, column int
		rule, msg    string
	}
	seen := map[key]bool{}
	out := make([]report.Violation, 0, len(vs))
	for _, v := range vs {
		k := key{v.File, v.Line, v.Column, v.Rule, v.Message}
		if !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out
}

// relativeIn shortens the absolute paths in a message to scan-root-relative
// ones, as in the rest of the report.
func (s *scanState) relativeIn(msg string) string {
	return strings.ReplaceAll(msg, s.root+string(filepath.Separator), "")
}

// summarizeErrors turns a package's errors into one line. The type
// checker's own errors come first; the go command's report of the same
// compile failure is dropped when there are some.
func summarizeErrors(errs []packages.Error) string {
	const maxShown = 3
	var own []packages.Error
	for _, e := range errs {
		if e.Kind == packages.TypeError || e.Kind == packages.ParseError {
			own = append(own, e)
		}
	}
	if len(own) > 0 {
		errs = own
	}
	var parts []string
	for i, e := range errs {
		if i == maxShown {
			parts = append(parts, fmt.Sprintf("and %d more errors", len(errs)-maxShown))
			break
		}
		msg := load.Message(e.Msg)
		if e.Pos != "" && e.Pos != "-" && !strings.HasPrefix(msg, e.Pos) {
			msg = e.Pos + ": " + msg
		}
		parts = append(parts, msg)
	}
	if len(parts) == 0 {
		return "package has errors"
	}
	return strings.Join(parts, "; ")
}

// writeReport writes the report to -o (atomically) or stdout. Package
// errors also go to stderr unless the text report already lists them there.
// prefix leads from the repository root to the scan root, for the formats
// that name files from the repository root.
func writeReport(o *options, r *report.Report, prefix string, stdout, stderr io.Writer) error {
	toFile := o.output != ""
	opts := report.Options{Quiet: o.quiet, Inventory: o.inventory, Color: useColor(o.color, stdout, toFile), PathPrefix: prefix}
	if len(r.Errors) > 0 && (o.format != "text" || o.quiet || toFile) {
		for _, e := range r.Errors {
			message(stderr, "package %s could not be checked: %s", e.Package, visible.Text(e.Message))
		}
	}
	if !toFile {
		return report.Write(stdout, o.format, r, opts)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, o.format, r, opts); err != nil {
		return err
	}
	if err := atomicfile.Write(o.output, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("-o %s: %w", o.output, err)
	}
	return nil
}
