package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/baseline"
	"github.com/jwtssot/jwtssot/internal/report"
	"github.com/jwtssot/jwtssot/internal/standalone"
	"github.com/jwtssot/jwtssot/internal/trend"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// scan runs the standalone scan (internal/standalone) and writes its
// report, or applies its fixes. It returns the exit status and an error to
// print.
func scan(ctx context.Context, o *options, a *analysis.Analyzer, stdout, stderr io.Writer) (int, error) {
	start := time.Now()
	root, err := os.Getwd()
	if err != nil {
		return ExitUsage, err
	}
	if err := o.checkFiles(); err != nil {
		return ExitUsage, err
	}
	sc, err := standalone.Prepare(ctx, a, root)
	if err != nil {
		return ExitUsage, err
	}
	var base *baseline.File
	if o.baseline.read != "" {
		if base, err = baseline.Read(o.baseline.read); err != nil {
			return ExitUsage, err
		}
	}
	var tr *report.Trend
	if o.trend.on { // before the scan, which a bad history would waste
		if tr, err = loadTrend(ctx, o, stderr); err != nil {
			return ExitUsage, err
		}
	}
	prog := newProgress(stderr, o.scan.verbose)
	defer prog.close()
	res, err := sc.Run(ctx, standalone.Options{
		Patterns: o.patterns, Tags: o.scan.tags,
		Progress: standalone.Progress{
			Status: prog.status, Loaded: prog.loaded,
			Done: func(n int) { prog.done(n, time.Since(start)) },
		},
		Analyzed: heapProfile(o.profile.mem),
	})
	if err != nil {
		return ExitUsage, err
	}
	if o.fix.apply {
		return applyFixes(o, res, stdout, stderr)
	}
	r := newReport(res)
	r.Summary.Auth = res.Auth
	r.Secrets = report.SecretValues(r.Violations) // before a baseline drops some
	report.WithholdSecretFixes(r)
	if tr != nil {
		tr.Points = append(tr.Points, trend.ScanPoint(r.Summary.ByRule))
		r.Trend = tr
	}
	code, err := applyBaseline(o.baseline, r, base, stderr)
	if err != nil {
		return ExitUsage, err
	}
	if len(r.Errors) > 0 {
		code = ExitLoad
		explainLoadErrors(stderr, res.GoSumMissing, o.scan.tags)
	}
	prefix := o.report.pathPrefix
	if !o.report.pathPrefixSet {
		prefix = repoPrefix(root)
	}
	if err := writeReport(o.report, r, prefix, stdout, stderr); err != nil {
		return ExitUsage, err
	}
	return code, nil
}

// newReport assembles the sorted, fingerprinted, summarized report of a
// scan's result.
func newReport(res *standalone.Result) *report.Report {
	vs := res.Violations
	report.Sort(vs)
	report.Fingerprint(vs)
	r := &report.Report{
		Version:    report.SchemaVersion,
		Tool:       report.Tool{Name: "jwtssot", Version: Version()},
		Violations: vs,
		Errors:     res.Errors,
	}
	r.Summary.Packages, r.Summary.Files = res.Packages, res.Files
	r.Summarize()
	r.Inventory = report.NewInventory(res.Sites)
	return r
}

// applyBaseline writes the baseline (-write-baseline) or compares the
// report with the one read (-baseline, base), and returns the exit status
// the violations give.
func applyBaseline(o baselineOptions, r *report.Report, base *baseline.File, stderr io.Writer) (int, error) {
	switch {
	case o.write != "" && len(r.Errors) > 0:
		// A baseline of a partial scan would drop the violations of the
		// packages that failed, which would then be "new" on the next
		// run: keep the old one.
		message(stderr, "did not write baseline %s: %d packages could not be checked (listed below); "+
			"fix them or leave them out of the patterns, then write it again; the baseline on disk is unchanged",
			o.write, len(r.Errors))
		return ExitClean, nil
	case o.write != "":
		if err := baseline.Write(o.write, r.Violations); err != nil {
			return ExitUsage, fmt.Errorf("writing baseline %s: %w", o.write, err)
		}
		message(stderr, "wrote %d violations to baseline %s", len(r.Violations), o.write)
		return ExitClean, nil
	case base != nil:
		r.Violations, r.Baseline = base.Apply(o.read, r.Violations)
		r.Summarize()
	}
	if len(r.Violations) > 0 {
		return ExitViolations, nil
	}
	return ExitClean, nil
}

// explainLoadErrors says once what a common cause of the packages that
// could not be checked is: a go.sum without the entries of a module the
// code imports (the go command's advice for it names one importer, and is
// left out of each package's error), or -tags ignore.
func explainLoadErrors(stderr io.Writer, goSumMissing []string, tags string) {
	if len(goSumMissing) > 0 {
		message(stderr, "go.sum has no entry for the module providing %s, so the packages that import it could not be checked; "+
			"run go mod tidy in the module, then scan again", strings.Join(goSumMissing, ", "))
	}
	if slices.Contains(strings.Split(tags, ","), "ignore") {
		message(stderr, "-tags ignore also selects the files of the standard library and of other "+
			"modules marked //go:build ignore (code generators, no part of any package), which do not compile; "+
			"give the files you mean a tag of their own")
	}
}

// writeReport writes the report to -o (atomically) or stdout. Package
// errors also go to stderr unless the text report already lists them there.
// prefix leads from the repository root to the scan root, for the formats
// that name files from the repository root.
func writeReport(o reportOptions, r *report.Report, prefix string, stdout, stderr io.Writer) error {
	toFile := o.output != ""
	opts := report.Options{Quiet: o.quiet, Inventory: o.inventory, Color: useColor(o.color, stdout, toFile), PathPrefix: prefix}
	if len(r.Errors) > 0 && (o.format != "text" || o.quiet || toFile) {
		for _, e := range r.Errors {
			message(stderr, "package %s could not be checked: %s", e.Package, visible.Text(e.Message))
		}
	}
	return writeOutput(o.output, stdout, func(w io.Writer) error { return report.Write(w, o.format, r, opts) })
}
