package report

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// Sources of a Trend.
const (
	TrendGit     = "git"     // the committed baseline file's history
	TrendReports = "reports" // a series of JSON reports
)

// A Trend is the violations counted by rule over time: over the commits
// that changed the baseline file, or over a series of JSON reports. It is
// what `jwtssot -trend` prints, and the HTML report's burn-down chart.
type Trend struct {
	Source string `json:"source"` // TrendGit or TrendReports
	// File is the baseline file whose history is charted (git), relative
	// to the directory jwtssot ran in.
	File    string       `json:"file,omitempty"`
	Points  []TrendPoint `json:"points"`  // oldest first
	Skipped []TrendSkip  `json:"skipped"` // versions or reports that could not be read
}

// A TrendPoint is one version of the baseline, one report or the scan
// that went with -trend.
type TrendPoint struct {
	// Label names the point on a chart: a short commit hash, a report's
	// file name without .json, or "scan" for the scan itself.
	Label   string `json:"label"`
	Commit  string `json:"commit,omitempty"`  // git: the full hash
	Date    string `json:"date,omitempty"`    // git: the committer date, RFC 3339
	Subject string `json:"subject,omitempty"` // git: the commit's subject line
	File    string `json:"file,omitempty"`    // reports: the report's path as given
	// Total is every violation the point records: the sum of ByRule and
	// Known.
	Total  int            `json:"total"`
	ByRule map[string]int `json:"by_rule"`
	// Known counts the violations a report written with -baseline only
	// counts, without listing them (baseline.known): they have no rule.
	Known int `json:"known,omitempty"`
}

// TrendSkip is a version of the baseline or a report left out of the
// trend, and why.
type TrendSkip struct {
	Label  string `json:"label"`
	Commit string `json:"commit,omitempty"`
	File   string `json:"file,omitempty"`
	Reason string `json:"reason"`
}

// Rules lists the rules counted at some point of the trend, in the rules'
// report order, then any other rule id (from a newer jwtssot's report) in
// alphabetical order.
func (t *Trend) Rules() []string {
	seen := map[string]bool{}
	for _, p := range t.Points {
		for id, n := range p.ByRule {
			if n > 0 {
				seen[id] = true
			}
		}
	}
	return orderRules(seen)
}

// HasKnown reports whether some point counts known violations without a
// rule.
func (t *Trend) HasKnown() bool {
	return slices.ContainsFunc(t.Points, func(p TrendPoint) bool { return p.Known > 0 })
}

// orderRules returns the set's ids in the rules' order, unknown ids last.
func orderRules(set map[string]bool) []string {
	var out, other []string
	for _, id := range rules.IDs() {
		if set[id] {
			out = append(out, id)
		}
	}
	for id := range set {
		if !rules.Known(id) {
			other = append(other, id)
		}
	}
	slices.SortFunc(other, cmp.Compare)
	return append(out, other...)
}

// trendHeading says what a trend charts.
func trendHeading(t *Trend) string {
	commits := 0
	for _, p := range t.Points {
		if p.Commit != "" {
			commits++
		}
	}
	if t.Source == TrendGit {
		h := fmt.Sprintf("violations by rule over %s of %s", plural(commits, "commit"), t.File)
		if commits < len(t.Points) {
			h += " and this scan"
		}
		return h
	}
	h := fmt.Sprintf("violations by rule over %s", plural(len(t.Points)-scanPoints(t), "report"))
	if scanPoints(t) > 0 {
		h += " and this scan"
	}
	return h
}

func scanPoints(t *Trend) int {
	n := 0
	for _, p := range t.Points {
		if p.Commit == "" && p.File == "" {
			n++
		}
	}
	return n
}
