// Package standalone is the jwtssot command's own front end, as go vet's
// protocol (internal/vet) and golangci-lint (plugin/) are the others: it
// lists the packages of a scan with the go command, type-checks each after
// its imports and analyzes it with their facts, and collects what the
// analyzer found into a Result. The command (internal/cli) parses the
// flags, calls it, and turns the Result into a report or applies its
// fixes.
//
// A scan has two steps, so that the command can check its own inputs (a
// baseline, a trend) between the quick checks and the long part:
//
//   - Prepare reads and checks every config file and recipe file the scan
//     can use before any package is loaded, so that a bad one is one error
//     rather than one per package;
//   - Run lists the packages (internal/load), analyzes them as they are
//     type-checked, several at a time, each with the facts of the packages
//     it imports (internal/driver), and collects the findings as report
//     rows, the inventory's sites, and the findings' fixes (fixes.go),
//     every file named from the scan root.
//
// Every error Prepare and Run return is a usage or config error (the
// command's exit status 2). A package that could not be loaded or
// type-checked is one of the Result's Errors instead: every other package
// is still analyzed.
package standalone

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/load"
	"github.com/jwtssot/jwtssot/internal/report"
)

// A Scan is a scan whose config files and recipe files are read and
// checked, ready to run.
type Scan struct {
	analyzer *analysis.Analyzer // its flags set from the command line
	root     string             // the directory the scan runs in
	set      *config.Set        // the config files in effect
	tests    bool               // go list lists the test packages
}

// Prepare reads and checks every config file and recipe file a scan of
// the analyzer a, run in the directory root, can use (see preflightConfig
// and preflightRecipes). Its errors name files relative to root.
func Prepare(ctx context.Context, a *analysis.Analyzer, root string) (*Scan, error) {
	set, tests, err := preflightConfig(a, root)
	if err == nil {
		err = preflightRecipes(ctx, a, set)
	}
	if err != nil {
		// Name the files as the user would: relative to where the scan runs.
		return nil, errors.New(strings.ReplaceAll(err.Error(), root+string(filepath.Separator), ""))
	}
	return &Scan{analyzer: a, root: root, set: set, tests: tests}, nil
}

// Options say what Run scans and whom it tells how it goes.
type Options struct {
	Patterns []string // package patterns, as for go list (none: ./...)
	Tags     string   // comma-separated build tags
	Progress Progress
	// Analyzed, if set, is called once every package is analyzed, while
	// the loaded packages and their results are still in memory (a heap
	// profile of what the scan keeps); its error ends the scan.
	Analyzed func() error
}

// Progress hears how a scan goes; any of its functions may be nil.
type Progress struct {
	Status func(msg string) // what the scan is doing
	// Loaded is called after each package is analyzed, from the
	// goroutines that analyze them: concurrently.
	Loaded func(done, total int)
	Done   func(packages int) // once every package is: how many were scanned
}

func (p Progress) status(msg string) {
	if p.Status != nil {
		p.Status(msg)
	}
}

func (p Progress) loaded(done, total int) {
	if p.Loaded != nil {
		p.Loaded(done, total)
	}
}

func (p Progress) done(packages int) {
	if p.Done != nil {
		p.Done(packages)
	}
}

// A Result is what a scan found in the packages its patterns matched.
// Files are named relative to the scan root, slash-separated.
type Result struct {
	// Violations are the findings, each once (a file of two package
	// variants is analyzed twice), in no particular order; a finding
	// with a fix carries it as the report shows it.
	Violations []report.Violation
	Sites      []report.Site         // the JWT operations, for the inventory
	Errors     []report.PackageError // packages that could not be checked, sorted; never nil
	Packages   int                   // packages scanned
	Files      int                   // their Go files
	// Auth says which packages are auth, for the report's summary.
	Auth []report.AuthScope
	// GoSumMissing are the packages whose module go.sum has no entry
	// for, a common cause of Errors.
	GoSumMissing []string
	Fixes        *Fixes // the findings' fixes, for -fix
}

// Run lists the packages the patterns match, analyzes them and collects
// the Result.
func (s *Scan) Run(ctx context.Context, o Options) (*Result, error) {
	if err := checkFileArguments(o.Patterns); err != nil {
		return nil, err
	}
	o.Progress.status("listing packages with go list (this builds their dependencies' export data)")
	g, err := s.list(ctx, load.Config{Patterns: o.Patterns, Tests: s.tests, Tags: o.Tags})
	if err != nil {
		return nil, err
	}
	tuneGC(len(g.Roots) + len(g.Deps))
	c := newCollector(s.root, s.analyzer, g.TypesLock())
	g.Each(ctx, 0, c.analyze, o.Progress.loaded)
	o.Progress.done(len(g.Roots))
	if o.Analyzed != nil {
		if err := o.Analyzed(); err != nil {
			return nil, err
		}
		runtime.KeepAlive(g) // until now, for the profile
	}
	if len(c.configErrs) > 0 {
		return nil, c.configError()
	}
	r := c.result()
	r.Auth = authScopes(s.set, s.root, s.analyzer)
	r.GoSumMissing = g.GoSumMissing()
	return r, nil
}

// list runs go list, and turns what it could not resolve into one usage
// error that says what to change.
func (s *Scan) list(ctx context.Context, cfg load.Config) (*load.Graph, error) {
	g, err := load.List(ctx, cfg)
	if err != nil {
		return nil, listError(err)
	}
	if err := patternErrors(g.Roots); err != nil {
		return nil, err
	}
	if err := malformedPatterns(g.Roots); err != nil {
		return nil, err
	}
	if err := goVersionError(g.Roots, runtime.Version()); err != nil {
		return nil, err
	}
	if len(g.Roots) == 0 {
		if msg := load.GoListError(ctx, cfg); msg != "" {
			return nil, fmt.Errorf("the go command failed to list %s:\n%s", quotePatterns(cfg.Patterns), msg)
		}
		return nil, fmt.Errorf("%s matched no packages; run jwtssot in a Go module (or with -C dir) and pass package patterns such as ./...", quotePatterns(cfg.Patterns)) //nolint:staticcheck // ends with a package pattern, not punctuation
	}
	return g, nil
}
