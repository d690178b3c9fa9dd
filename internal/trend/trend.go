// Package trend counts a migration's violations by rule over time, from
// what a team already keeps: the history of the committed baseline file,
// read with git (no checkout, no rescan), or a series of JSON reports kept
// as CI artifacts. `jwtssot -trend` prints the counts, and the HTML report
// charts them as a burn-down.
package trend

import (
	"errors"
	"maps"

	"github.com/jwtssot/jwtssot/internal/report"
)

// DefaultBaseline is the baseline file -trend charts when -baseline names
// none: the name the docs use.
const DefaultBaseline = ".jwtssot-baseline.json"

// The errors that stop a trend, each with a message that says what to do;
// the command exits 2 on any of them.
var (
	ErrNoGit          = errors.New("git is not installed (no git on PATH)")
	ErrNotRepository  = errors.New("not in a git repository")
	ErrNeverCommitted = errors.New("the baseline has never been committed")
	ErrNoVersion      = errors.New("no readable version")
	ErrReports        = errors.New("bad -reports")
)

// Warn receives the warnings of a trend: a version or report left out,
// a shallow clone. It may be nil.
type Warn func(msg string)

// warn passes msg on, if anyone listens.
func (w Warn) warn(msg string) {
	if w != nil {
		w(msg)
	}
}

// point makes a trend point from counts by rule.
func point(byRule map[string]int, known int) report.TrendPoint {
	p := report.TrendPoint{ByRule: maps.Clone(byRule), Known: known}
	if p.ByRule == nil {
		p.ByRule = map[string]int{}
	}
	p.Total = known
	for _, n := range byRule {
		p.Total += n
	}
	return p
}

// ScanPoint is the point of the scan -trend ran with, labelled "scan":
// the violations it found, before any baseline took the known ones out.
func ScanPoint(byRule map[string]int) report.TrendPoint {
	p := point(byRule, 0)
	p.Label = "scan"
	return p
}
