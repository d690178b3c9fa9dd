package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/jwtssot/jwtssot/internal/atomicfile"
	"github.com/jwtssot/jwtssot/internal/report"
	"github.com/jwtssot/jwtssot/internal/trend"
)

// trendFormats are the formats -trend writes: a table, JSON, or the HTML
// report with its burn-down chart.
var trendFormats = []string{"text", "json", "html"}

// trendOnly runs -trend without packages: it counts the violations over
// the baseline's git history (or the -reports) and writes them, without a
// scan. It exits 0, or 2 when it cannot read the history.
func trendOnly(ctx context.Context, o *options, stdout, stderr io.Writer) int {
	t, err := loadTrend(ctx, o, stderr)
	if err != nil {
		message(stderr, "%v", err)
		return ExitUsage
	}
	tool := report.Tool{Name: "jwtssot", Version: Version()}
	if err := writeOutput(o.report.output, stdout, func(w io.Writer) error { return report.WriteTrend(w, o.report.format, tool, t) }); err != nil {
		message(stderr, "%v", err)
		return ExitUsage
	}
	return ExitClean
}

// loadTrend reads the trend -trend asks for: the -reports, or the history
// of the -baseline file (default .jwtssot-baseline.json) in the current
// directory's git repository. Warnings (a version left out, a shallow
// clone) go to stderr.
func loadTrend(ctx context.Context, o *options, stderr io.Writer) (*report.Trend, error) {
	warn := func(msg string) { message(stderr, "%s", msg) }
	if o.trend.reportsSet {
		items, err := trend.ParseList(o.trend.reports)
		if err != nil {
			return nil, err
		}
		files, err := trend.Expand(items)
		if err != nil {
			return nil, err
		}
		return trend.FromReports(files, warn)
	}
	file := o.baseline.read
	if file == "" {
		file = trend.DefaultBaseline
	}
	return trend.FromGit(ctx, ".", file, warn)
}

// writeOutput writes with write to -o (atomically) or to stdout.
func writeOutput(output string, stdout io.Writer, write func(io.Writer) error) error {
	if output == "" {
		return write(stdout)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if err := atomicfile.Write(output, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("-o %s: %w", output, err)
	}
	return nil
}
