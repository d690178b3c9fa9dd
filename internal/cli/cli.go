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
	pathPrefix    string
	patterns      []string
	// testsFlagSet records -tests on the command line, which decides
	// whether test packages are listed whatever the config files say.
	testsFlagSet bool
	// pathPrefixSet records -path-prefix, even empty, which replaces the
	// prefix found from the git repository.
	pathPrefixSet bool
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
			return explain(args[1], stdout, stderr, "auto")
		}
		printUsage(stdout, nil)
		return ExitClean
	}
	args = explainAlone(args)
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
	explainSet := false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "tests", a.Name + ".tests":
			o.testsFlagSet = true
		case "explain":
			explainSet = true
		case "path-prefix":
			o.pathPrefixSet = true
		}
	})
	switch {
	case o.version:
		fmt.Fprintf(stdout, "jwtssot %s\n", Version())
		return ExitClean
	case explainSet:
		return explain(o.explain, stdout, stderr, o.color)
	}
	if err := o.check(); err != nil {
		fmt.Fprintf(stderr, "jwtssot: %v\n", err)
		return ExitUsage
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
	if o.baseline != "" && o.writeBaseline != "" && o.baseline == o.writeBaseline {
		return usagef("-baseline and -write-baseline name the same file %s: write the baseline in one run, compare with it in later ones", o.baseline)
	}
	if o.pathPrefixSet {
		p, err := cleanPathPrefix(o.pathPrefix)
		if err != nil {
			return err
		}
		o.pathPrefix = p
	}
	return nil
}

// explainAlone lets -explain end the command line without a rule, to list
// the rules: the flag package would want a value.
func explainAlone(args []string) []string {
	if n := len(args); n > 0 && (args[n-1] == "-explain" || args[n-1] == "--explain") {
		return append(args[:n-1:n-1], "-explain=")
	}
	return args
}
