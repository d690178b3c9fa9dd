// Package report holds a scan's results and writes them in each output
// format: text, json, sarif, github, markdown and html.
package report

import (
	"cmp"
	"slices"
)

// SchemaVersion is the version of the JSON report; it changes only when a
// field changes meaning or disappears.
const SchemaVersion = 1

// Report is the result of one scan, in the shape of the JSON format.
type Report struct {
	Version    int            `json:"version"`
	Tool       Tool           `json:"tool"`
	Violations []Violation    `json:"violations"`
	Summary    Summary        `json:"summary"`
	Baseline   *BaselineStats `json:"baseline,omitempty"`
	Errors     []PackageError `json:"errors"`
	// Inventory lists the JWT operations; nil unless the scan computed
	// it (-inventory, -format html).
	Inventory *Inventory `json:"inventory,omitempty"`
	// Trend counts the violations by rule over the baseline's git history
	// or a series of reports; nil unless the scan ran with -trend.
	Trend *Trend `json:"trend,omitempty"`

	// Secrets are the values of the hardcoded secrets the scan found,
	// taken before a baseline drops the known findings, so that the HTML
	// report can redact them in any code line it shows; never written.
	Secrets []string `json:"-"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// A Violation is one finding.
type Violation struct {
	Rule        string `json:"rule"`
	File        string `json:"file"` // relative to the scan root, slash-separated
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	Package     string `json:"package"`
	Function    string `json:"function"` // enclosing function; "" at package level
	Symbol      string `json:"symbol"`   // JWT library symbol involved; "" if none
	Message     string `json:"message"`  // ends with the rule tag " (jwtssot/<rule>)"
	Fingerprint string `json:"fingerprint"`
	// Fix is the fix a migration recipe gives the finding, if any.
	Fix *Fix `json:"fix,omitempty"`
	// NoFix says why a recipe that matches the finding's call gives it no
	// fix there ("recipe beforeParse/afterParse matches, but ..."); ""
	// when it has a fix or no recipe matches.
	NoFix string `json:"no_fix,omitempty"`

	// SourceLine is the text of the violation's line, which the
	// fingerprint hashes; it is not part of the report.
	SourceLine string `json:"-"`
	// Home names the file by its module path and its path in the module
	// ("example.com/app/internal/x.go"), which the fingerprint hashes
	// instead of File, so that it does not depend on where the scan ran;
	// "" falls back to File.
	Home string `json:"-"`
}

// Summary counts the violations reported (with a baseline: the new ones).
type Summary struct {
	Total      int             `json:"total"`
	ByRule     map[string]int  `json:"by_rule"`
	ByPackage  map[string]int  `json:"by_package"`
	ByFunction []FunctionCount `json:"by_function"`
	Packages   int             `json:"packages"` // packages scanned
	Files      int             `json:"files"`    // Go files scanned
	// Fixable counts the violations reported that have a fix (jwtssot
	// -fix applies them); omitted when none has.
	Fixable int `json:"fixable,omitempty"`
	// Unfixable counts the violations a recipe matches that get no fix
	// (each one's no_fix says why); omitted when none.
	Unfixable int `json:"unfixable,omitempty"`
	// Auth lists the auth packages in effect and where they come from:
	// the config of the scan root, then every nested config, which
	// replaces it below its directory, so no exemption is silent.
	Auth []AuthScope `json:"auth"`
}

// An AuthScope is the auth packages a config file declares for the
// packages below its directory.
type AuthScope struct {
	Dir      string   `json:"dir"`    // the directory the config applies below, relative to the scan root ("." for all)
	Config   string   `json:"config"` // the config file, relative to the scan root; "" if none
	Patterns []string `json:"patterns"`
	Tests    bool     `json:"tests"`
}

// FunctionCount is the number of violations in one function: a function
// with many is usually a JWT handler of its own that the migration deletes.
type FunctionCount struct {
	Package  string `json:"package"`
	Function string `json:"function"`
	Count    int    `json:"count"`
}

// BaselineStats compares the scan with a baseline.
type BaselineStats struct {
	File  string `json:"file"`
	Known int    `json:"known"` // in the baseline and still there
	New   int    `json:"new"`   // not in the baseline: reported and failing
	Fixed int    `json:"fixed"` // in the baseline and gone
}

// PackageError is a package that could not be loaded or type-checked.
type PackageError struct {
	Package string `json:"package"`
	Message string `json:"message"`
}

// Sort orders violations by file, position and rule, so that reports are
// the same from run to run whatever order packages were analyzed in.
func Sort(vs []Violation) {
	slices.SortFunc(vs, func(a, b Violation) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Summarize fills r.Summary's counts from r.Violations; packages and files
// scanned are the caller's to set.
func (r *Report) Summarize() {
	s := &r.Summary
	s.Total = len(r.Violations)
	s.Fixable, s.Unfixable = fixable(r.Violations)
	s.ByRule = map[string]int{}
	s.ByPackage = map[string]int{}
	byFunc := map[FunctionCount]int{}
	for _, v := range r.Violations {
		s.ByRule[v.Rule]++
		s.ByPackage[v.Package]++
		if v.Function != "" {
			byFunc[FunctionCount{Package: v.Package, Function: v.Function}]++
		}
	}
	s.ByFunction = []FunctionCount{}
	for k, n := range byFunc {
		k.Count = n
		s.ByFunction = append(s.ByFunction, k)
	}
	slices.SortFunc(s.ByFunction, func(a, b FunctionCount) int {
		return cmp.Or(-cmp.Compare(a.Count, b.Count), cmp.Compare(a.Package, b.Package), cmp.Compare(a.Function, b.Function))
	})
}

// Ranked is a name and its count, for tables sorted by count.
type Ranked struct {
	Name  string
	Count int
}

// Rank sorts a count map by descending count, then name.
func Rank(m map[string]int) []Ranked {
	out := make([]Ranked, 0, len(m))
	for k, n := range m {
		out = append(out, Ranked{k, n})
	}
	slices.SortFunc(out, func(a, b Ranked) int {
		return cmp.Or(-cmp.Compare(a.Count, b.Count), cmp.Compare(a.Name, b.Name))
	})
	return out
}
