package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/trend"
)

// newFlagSet declares the scan's flags and the analyzer's own (-config,
// -auth, -tests, ...), which are the same flags go vet knows as
// -jwtssot.config, -jwtssot.auth, ...; the prefixed spellings work here too,
// so a command line can move between the two modes.
func newFlagSet(o *options, a *analysis.Analyzer) *flag.FlagSet {
	fs := flag.NewFlagSet("jwtssot", flag.ContinueOnError)
	fs.StringVar(&o.dir, "C", "", "run as if jwtssot were started in `dir`")
	fs.StringVar(&o.report.format, "format", "text", "report `format`: text, json, sarif, github, markdown or html")
	fs.StringVar(&o.report.output, "o", "", "write the report to `file` instead of stdout")
	fs.StringVar(&o.report.color, "color", "auto", "color the text report: auto, always or never")
	fs.StringVar(&o.scan.tags, "tags", "", "comma-separated build `tags`")
	fs.StringVar(&o.baseline.read, "baseline", "", "report only violations not recorded in baseline `file`; with -trend, the file whose history is counted")
	fs.StringVar(&o.baseline.write, "write-baseline", "", "record today's violations in baseline `file`")
	fs.BoolVar(&o.trend.on, "trend", false, "count the violations by rule over the git history of the baseline (-baseline, default "+trend.DefaultBaseline+"); with packages, scan them too")
	fs.StringVar(&o.trend.reports, "reports", "", "with -trend: count these JSON reports instead, a comma-separated `list` of files, globs and directories")
	fs.BoolVar(&o.report.quiet, "q", false, "print violations only, no summary")
	fs.BoolVar(&o.report.inventory, "inventory", false, "list every JWT operation, grouped by function, and how the functions differ, instead of the violations")
	fs.BoolVar(&o.scan.verbose, "v", false, "print progress on stderr")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.fix.apply, "fix", false, "apply the fixes of the migration recipes (recipes in .jwtssot.yaml) instead of writing a report")
	fs.BoolVar(&o.fix.diff, "diff", false, "with -fix: print the fixes as a unified diff and write nothing")
	fs.StringVar(&o.explain, "explain", "", "print the documentation of `rule` (or, for catalogue, the catalogue in effect) and exit; alone, list the rules")
	fs.StringVar(&o.report.pathPrefix, "path-prefix", "", "name files in sarif and github reports with this `prefix` (default: the scan root's path in its git repository)")
	fs.StringVar(&o.profile.cpu, "cpuprofile", "", "write a CPU profile to `file` (for performance work)")
	fs.StringVar(&o.profile.mem, "memprofile", "", "write a heap profile to `file` once the scan is done (for performance work)")
	a.Flags.VisitAll(func(f *flag.Flag) {
		fs.Var(f.Value, f.Name, f.Usage)
		fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
	})
	return fs
}

const usageHead = `jwtssot finds JWT code outside your auth module: imports and calls of JWT
libraries, hardcoded JWT secrets, and JWT secrets read outside the auth
packages. Configure the auth packages in .jwtssot.yaml (see docs/config.md).

Usage:
  jwtssot [flags] [packages]          scan packages (default ./...)
  go vet -vettool=$(which jwtssot) [-jwtssot.auth=...] [packages]
  jwtssot help [rule|rules]           this help, a rule's documentation, or the rules

Examples:
  jwtssot ./...                               report every violation
  jwtssot -auth ./internal/auth/... ./...     declare the auth module by flag
  jwtssot -format sarif -o jwtssot.sarif      for GitHub code scanning
  jwtssot -inventory ./...                    every JWT operation and how the duplicates differ
  jwtssot -fix -diff ./...                    the edits of the migration recipes; -fix makes them
  jwtssot -write-baseline .jwtssot-baseline.json
  jwtssot -baseline .jwtssot-baseline.json    fail only on new violations
  jwtssot -format html -o jwtssot.html        a report to open in a browser
  jwtssot -trend                              violations by rule over the baseline's history
  jwtssot -trend -format html ./...           the report with its burn-down chart
  jwtssot -explain hardcoded-secret

Exit status: 0 no (new) violations, 1 violations, 2 usage or config error
(for -trend also: no git, not a git repository, a baseline never committed),
3 some packages could not be loaded or type-checked. -trend alone exits 0.

Flags:
`

// printUsage writes the help text, with the flags if fs is given.
func printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, usageHead)
	if fs == nil {
		fmt.Fprintln(w, "  run 'jwtssot -h' to list them")
		return
	}
	fs.VisitAll(func(f *flag.Flag) {
		if strings.Contains(f.Name, ".") {
			return // the vet spelling of an analyzer flag, listed once
		}
		name, usage := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		if def := f.DefValue; def != "" && def != "false" {
			usage += fmt.Sprintf(" (default %q)", def)
		}
		fmt.Fprintf(w, "%-28s %s\n", line, usage)
	})
	fmt.Fprintln(w, "\nDocs: https://github.com/jwtssot/jwtssot/tree/main/docs")
}
