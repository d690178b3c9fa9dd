// Package cli is the jwtssot command: it parses the flags, runs the
// standalone scan (internal/standalone) and turns its result into a report
// (internal/report), a baseline or the trend, or applies its fixes; -explain
// prints the rules' pages and the catalogue. When the go command runs it as
// a vet tool, it only dispatches to go vet's protocol (internal/vet).
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/atomicfile"
	"github.com/jwtssot/jwtssot/internal/report"
)

// Exit codes, documented in docs/cli.md.
const (
	ExitClean      = 0 // no violations (with a baseline: no new ones)
	ExitViolations = 1 // violations found
	ExitUsage      = 2 // bad flags, bad config, nothing to scan
	ExitLoad       = 3 // some packages could not be loaded or type-checked
)

// options are the command's flags, grouped by what they shape.
type options struct {
	dir      string   // -C
	patterns []string // the package patterns
	version  bool     // -version
	explain  string   // -explain
	scan     scanOptions
	report   reportOptions
	baseline baselineOptions
	trend    trendOptions
	fix      fixOptions
	profile  profileOptions
}

// scanOptions shape what the scan loads and what it says meanwhile.
type scanOptions struct {
	tags    string // -tags
	verbose bool   // -v
}

// reportOptions shape the report: its format, where it goes, what it shows.
type reportOptions struct {
	format     string // -format
	output     string // -o
	color      string // -color
	quiet      bool   // -q
	inventory  bool   // -inventory
	pathPrefix string // -path-prefix
	// pathPrefixSet records -path-prefix, even empty, which replaces the
	// prefix found from the git repository.
	pathPrefixSet bool
}

// baselineOptions name the baseline files.
type baselineOptions struct {
	read  string // -baseline; with -trend, the file whose history is counted
	write string // -write-baseline
}

// trendOptions are -trend's (trend.go).
type trendOptions struct {
	on         bool   // -trend, or -reports
	reports    string // -reports
	reportsSet bool   // -reports given, even empty
}

// fixOptions are -fix's (fix.go).
type fixOptions struct {
	apply bool // -fix
	diff  bool // -diff
}

// profileOptions name the profiles for performance work (profile.go).
type profileOptions struct {
	cpu string // -cpuprofile
	mem string // -memprofile
}

// usageError is a problem with how jwtssot was called: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Main runs the standalone scan (the vet protocol is dispatched before, see
// IsVetInvocation) and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		message(stderr, "%v", err)
		return ExitUsage
	}
	if len(args) > 0 && args[0] == "help" {
		if len(args) > 1 {
			return explain(args[1], a, stdout, stderr, "auto")
		}
		printUsage(stdout, nil)
		return ExitClean
	}
	var o options
	fs := newFlagSet(&o, a)
	fs.SetOutput(io.Discard)
	explainSet, err := o.parse(fs, explainAlone(args))
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(stdout, fs)
			return ExitClean
		}
		message(stderr, "%v\nRun 'jwtssot -h' for usage.", err)
		return ExitUsage
	}
	if o.version {
		fmt.Fprintf(stdout, "jwtssot %s\n", Version())
		return ExitClean
	}
	// -C applies to every mode: the scan, -trend, and -explain catalogue
	// (which reads the config files found there).
	if o.dir != "" {
		if err := os.Chdir(o.dir); err != nil {
			message(stderr, "-C %s: %v", o.dir, errors.Unwrap(err))
			return ExitUsage
		}
	}
	if explainSet {
		return explain(o.explain, a, stdout, stderr, o.report.color)
	}
	return o.run(a, stdout, stderr)
}

// parse parses the arguments into o: the flags, wherever they are among
// the patterns, and which of them were set. It reports whether -explain
// was.
func (o *options) parse(fs *flag.FlagSet, args []string) (explainSet bool, err error) {
	if o.patterns, err = parseInterspersed(fs, args); err != nil {
		return false, err
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "reports":
			o.trend.reportsSet = true
		case "explain":
			explainSet = true
		case "path-prefix":
			o.report.pathPrefixSet = true
		}
	})
	return explainSet, nil
}

// run checks the options and runs the mode they ask for: -trend alone, or
// the scan (which writes a report or applies the fixes).
func (o *options) run(a *analysis.Analyzer, stdout, stderr io.Writer) int {
	if err := o.check(); err != nil {
		message(stderr, "%v", err)
		return ExitUsage
	}
	if o.trend.on && len(o.patterns) == 0 {
		return trendOnly(context.Background(), o, stdout, stderr)
	}
	if o.profile.cpu != "" {
		stop, err := startCPUProfile(o.profile.cpu)
		if err != nil {
			message(stderr, "-cpuprofile: %v", err)
			return ExitUsage
		}
		defer stop()
	}
	code, err := scan(context.Background(), o, a, stdout, stderr)
	if err != nil {
		message(stderr, "%v", err)
	}
	return code
}

// parseInterspersed parses flags wherever they are among the package
// patterns (jwtssot ./... -format json), as users type them; after "--"
// every argument is a pattern.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var patterns []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(patterns, rest...), nil // flag stopped at "--"
		}
		i := 0
		for i < len(rest) && (!strings.HasPrefix(rest[i], "-") || rest[i] == "-") {
			i++
		}
		patterns = append(patterns, rest[:i]...)
		if i == len(rest) {
			return patterns, nil
		}
		args = rest[i:]
	}
}

// check validates flag values that parsing cannot.
func (o *options) check() error {
	if !slices.Contains(report.Formats, o.report.format) {
		return usagef("-format %q: want one of %s", o.report.format, strings.Join(report.Formats, ", "))
	}
	switch o.report.color {
	case "auto", "always", "never":
	default:
		return usagef("-color %q: want auto, always or never", o.report.color)
	}
	if o.report.inventory && o.report.format != "text" && o.report.format != "json" && o.report.format != "html" {
		return usagef("-inventory is a text report, and -format json and html carry the inventory too; -format %s has no place for it", o.report.format)
	}
	if o.trend.reportsSet {
		o.trend.on = true
	}
	if err := o.checkFix(); err != nil {
		return err
	}
	if o.trend.on && !slices.Contains(trendFormats, o.report.format) {
		return usagef("-trend writes %s, not %s", strings.Join(trendFormats, ", "), o.report.format)
	}
	for _, p := range o.patterns {
		if o.trend.on && strings.HasSuffix(p, ".json") {
			// The shell expanded an unquoted -reports glob.
			return usagef("%s is a file, not a package pattern: quote the glob of -reports ('reports/*.json') or join the files with commas", p)
		}
	}
	return nil
}

// checkFiles refuses, before anything is read or written, any two of -o,
// -baseline and -write-baseline that name the same file (after symlinks,
// "./" and relative paths): the report would overwrite the baseline, or a
// baseline be compared with itself. It runs after -C, which the names are
// relative to.
func (o *options) checkFiles() error {
	files := []struct{ flag, name string }{{"-o", o.report.output}, {"-baseline", o.baseline.read}, {"-write-baseline", o.baseline.write}}
	for i, a := range files {
		for _, b := range files[i+1:] {
			if a.name == "" || b.name == "" || !atomicfile.SameFile(a.name, b.name) {
				continue
			}
			if a.flag == "-o" {
				return usagef("%s and %s name the same file %s: the report would overwrite the baseline; write the report elsewhere", a.flag, b.flag, b.name)
			}
			return usagef("%s and %s name the same file %s: write the baseline in one run, compare with it in later ones", a.flag, b.flag, b.name)
		}
	}
	if o.report.pathPrefixSet {
		p, err := cleanPathPrefix(o.report.pathPrefix)
		if err != nil {
			return err
		}
		o.report.pathPrefix = p
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
