package standalone

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/driver"
	"github.com/jwtssot/jwtssot/internal/load"
	"github.com/jwtssot/jwtssot/internal/report"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// collector gathers the results of the packages analyzed concurrently.
type collector struct {
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
	fixes      *Fixes              // the findings' fixes (fixes.go)
}

// newCollector returns a collector of a scan in root, its facts named
// under the loader's types lock (see driver.Facts.SetTypesLock).
func newCollector(root string, a *analysis.Analyzer, typesLock sync.Locker) *collector {
	facts := driver.NewFacts()
	facts.SetTypesLock(typesLock)
	return &collector{root: root, analyzer: a, facts: facts, sources: map[string][]string{}, fixes: &Fixes{root: root}}
}

// analyze runs the analyzer on one type-checked package, with the facts of
// the packages it imports; a module dependency that is not a root (root
// false) is analyzed for its facts only, and reports nothing.
func (c *collector) analyze(p *packages.Package, root bool) {
	c.fixes.notePackage(p, root)
	if p.IllTyped {
		if root {
			c.mu.Lock()
			c.errors = append(c.errors, report.PackageError{Package: p.ID, Message: relativeIn(c.root, summarizeErrors(p.Errors))})
			c.mu.Unlock()
		}
		return
	}
	res, err := c.facts.Run(c.analyzer, &driver.Package{
		Fset: p.Fset, Files: p.Syntax, Types: p.Types, TypesInfo: p.TypesInfo, Sizes: p.TypesSizes,
		Module: analysisModule(p.Module), OtherFiles: p.OtherFiles, IgnoredFiles: p.IgnoredFiles,
		DependsOn: load.DependsOn(p),
	})
	var vs []report.Violation
	var sites []report.Site
	if err == nil && root {
		if r, _ := res.Value.(*analyzer.Result); r != nil {
			for _, f := range r.Findings {
				v := c.violation(p, f)
				v.Fix, v.NoFix = c.fixes.record(p, v, f), f.NoFix
				vs = append(vs, v)
			}
			for _, site := range r.Sites {
				sites = append(sites, c.site(p, site))
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var cerr *config.Error
	switch {
	case errors.As(err, &cerr):
		if !containsError(c.configErrs, cerr) {
			c.configErrs = append(c.configErrs, cerr)
		}
	case err != nil && root:
		c.errors = append(c.errors, report.PackageError{Package: p.ID, Message: relativeIn(c.root, err.Error())})
	}
	if root {
		c.packages++
		c.files += len(p.CompiledGoFiles)
	}
	c.violations = append(c.violations, vs...)
	c.sites = append(c.sites, sites...)
}

// configError is the config errors the analysis met, one a line, each
// shown with visible.Text so that a file name cannot start a line of its
// own, and named relative to the scan root.
func (c *collector) configError() error {
	lines := make([]string, len(c.configErrs))
	for i, err := range c.configErrs {
		lines[i] = visible.Text(relativeIn(c.root, err.Error()))
	}
	return errors.New(strings.Join(lines, "\n"))
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
func (c *collector) violation(p *packages.Package, f analyzer.Finding) report.Violation {
	pos, end := p.Fset.Position(f.Pos), p.Fset.Position(f.End)
	v := report.Violation{
		Rule: f.Rule, File: relative(c.root, pos.Filename), Line: pos.Line, Column: pos.Column,
		EndLine: end.Line, EndColumn: end.Column,
		Package: p.PkgPath, Function: f.Function, Symbol: f.Symbol, Message: f.Message,
	}
	if !end.IsValid() {
		v.EndLine, v.EndColumn = v.Line, v.Column
	}
	v.SourceLine = c.line(pos.Filename, pos.Line)
	v.Home = moduleRelative(p.Module, pos.Filename)
	return v
}

// site turns one of the analyzer's JWT operations into an inventory row:
// where it is, as the report names it, and what is known of it as it is.
func (c *collector) site(p *packages.Package, a analyzer.Site) report.Site {
	pos := p.Fset.Position(a.Pos)
	return report.Site{
		File: relative(c.root, pos.Filename), Line: pos.Line, Column: pos.Column,
		Package: p.PkgPath, Function: a.Function, InAuth: a.InAuth,
		Facts: a.Facts,
	}
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

// relative is filename relative to root (the scan root), slash-separated.
func relative(root, filename string) string {
	if rel, err := filepath.Rel(root, filename); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(filename)
}

// line returns a line of a file, read once per file.
func (c *collector) line(filename string, n int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	lines, ok := c.sources[filename]
	if !ok {
		data, _ := os.ReadFile(filename)
		lines = strings.Split(string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))), "\n")
		c.sources[filename] = lines
	}
	if n >= 1 && n <= len(lines) {
		return lines[n-1]
	}
	return ""
}

// result is what the collector gathered, once every package is analyzed.
func (c *collector) result() *Result {
	errs := c.errors
	if errs == nil {
		errs = []report.PackageError{}
	}
	sortErrors(errs)
	return &Result{
		Violations: dedupe(c.violations), Sites: c.sites, Errors: errs,
		Packages: c.packages, Files: c.files, Fixes: c.fixes,
	}
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

// relativeIn shortens the absolute paths in a message to root-relative
// ones, as in the rest of the report.
func relativeIn(root, msg string) string {
	return strings.ReplaceAll(msg, root+string(filepath.Separator), "")
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

func sortErrors(errs []report.PackageError) {
	sort.Slice(errs, func(i, j int) bool { return errs[i].Package < errs[j].Package })
}
