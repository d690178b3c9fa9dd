// Package cli is the jwtssot command: the standalone scan with its report
// formats and baseline, and the dispatch to the vet protocol.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/report"
	"github.com/jwtssot/jwtssot/internal/rules"
)

// Exit codes, documented in docs/cli.md.
const (
	ExitClean      = 0 // no violations (with a baseline: no new ones)
	ExitViolations = 1 // violations found
	ExitUsage      = 2 // bad flags, bad config, nothing to scan
	ExitLoad       = 3 // some packages could not be loaded or type-checked
)

// options are the standalone scan's flags.
type options struct {
	dir           string
	format        string
	output        string
	color         string
	tags          string
	baseline      string
	writeBaseline string
	quiet         bool
	verbose       bool
	version       bool
	explain       string
	cpuProfile    string
	memProfile    string
	trend         bool
	reports       string
	reportsSet    bool // -reports given, even empty
	patterns      []string
	// testsFlagSet records -tests on the command line, which decides
	// whether test packages are listed whatever the config files say.
	testsFlagSet bool
}

// usageError is a problem with how jwtssot was called: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Main runs the standalone scan (the vet protocol is dispatched before, see
// IsVetInvocation) and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "help" {
		if len(args) > 1 {
			return explain(args[1], stdout, stderr)
		}
		printUsage(stdout, nil)
		return ExitClean
	}
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		fmt.Fprintf(stderr, "jwtssot: %v\n", err)
		return ExitUsage
	}
	var o options
	fs := newFlagSet(&o, a)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(stdout, fs)
			return ExitClean
		}
		fmt.Fprintf(stderr, "jwtssot: %v\nRun 'jwtssot -h' for usage.\n", err)
		return ExitUsage
	}
	o.patterns = fs.Args()
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "tests" || f.Name == a.Name+".tests" {
			o.testsFlagSet = true
		}
		if f.Name == "reports" {
			o.reportsSet = true
		}
	})
	switch {
	case o.version:
		fmt.Fprintf(stdout, "jwtssot %s\n", Version())
		return ExitClean
	case o.explain != "":
		return explain(o.explain, stdout, stderr)
	}
	if err := o.check(); err != nil {
		fmt.Fprintf(stderr, "jwtssot: %v\n", err)
		return ExitUsage
	}
	if o.trend && len(o.patterns) == 0 {
		return trendOnly(context.Background(), &o, stdout, stderr)
	}
	if o.cpuProfile != "" {
		stop, err := startCPUProfile(o.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "jwtssot: -cpuprofile: %v\n", err)
			return ExitUsage
		}
		defer stop()
	}
	tuneGC()
	code, err := scan(context.Background(), &o, a, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "jwtssot: %v\n", err)
	}
	return code
}

// check validates flag values that parsing cannot.
func (o *options) check() error {
	if !slices.Contains(report.Formats, o.format) {
		return usagef("-format %q: want one of %s", o.format, strings.Join(report.Formats, ", "))
	}
	switch o.color {
	case "auto", "always", "never":
	default:
		return usagef("-color %q: want auto, always or never", o.color)
	}
	if o.reportsSet {
		o.trend = true
	}
	if o.trend && !slices.Contains(trendFormats, o.format) {
		return usagef("-trend writes %s, not %s", strings.Join(trendFormats, ", "), o.format)
	}
	for _, p := range o.patterns {
		if o.trend && strings.HasSuffix(p, ".json") {
			// The shell expanded an unquoted -reports glob.
			return usagef("%s is a file, not a package pattern: quote the glob of -reports ('reports/*.json') or join the files with commas", p)
		}
	}
	if o.baseline != "" && o.writeBaseline != "" && o.baseline == o.writeBaseline {
		return usagef("-baseline and -write-baseline name the same file %s: write the baseline in one run, compare with it in later ones", o.baseline)
	}
	return nil
}

// explain prints a rule's documentation.
func explain(id string, stdout, stderr io.Writer) int {
	r, ok := rules.ByID(id)
	if !ok {
		fmt.Fprintf(stderr, "jwtssot: no rule %q (rules: %s)\n", id, strings.Join(rules.IDs(), ", "))
		return ExitUsage
	}
	fmt.Fprint(stdout, ruleDoc(r))
	return ExitClean
}
