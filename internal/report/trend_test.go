package report

import (
	"bytes"
	"testing"
)

func sampleTrend() *Trend {
	return &Trend{Source: TrendGit, File: ".jwtssot-baseline.json", Points: []TrendPoint{
		{Label: "a1b2c3d", Commit: "a1b2c3d4", Date: "2025-01-02T10:00:00Z", Subject: "baseline", Total: 9, ByRule: map[string]int{"import": 2, "call": 5, "hardcoded-secret": 1, "secret-access": 1}},
		{Label: "b2c3d4e", Commit: "b2c3d4e5", Date: "2025-02-02T10:00:00Z", Subject: "billing uses the auth module", Total: 7, ByRule: map[string]int{"import": 2, "call": 3, "hardcoded-secret": 1, "secret-access": 1}},
		{Label: "scan", Total: 5, ByRule: map[string]int{"import": 1, "call": 2, "hardcoded-secret": 1, "secret-access": 1}},
	}, Skipped: []TrendSkip{{Label: "c3d4e5f", Commit: "c3d4e5f6", Reason: "not a baseline"}}}
}

func TestTrendText(t *testing.T) {
	var buf bytes.Buffer
	writeTrendText(&buf, sampleTrend())
	want := `jwtssot: violations by rule over 2 commits of .jwtssot-baseline.json and this scan, oldest first

commit   date        total  import  call  hardcoded-secret  secret-access  subject
a1b2c3d  2025-01-02      9       2     5                 1              1  baseline
b2c3d4e  2025-02-02      7       2     3                 1              1  billing uses the auth module
scan                     5       1     2                 1              1

skipped c3d4e5f: not a baseline
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestTrendTextReports(t *testing.T) {
	var buf bytes.Buffer
	writeTrendText(&buf, &Trend{Source: TrendReports, Points: []TrendPoint{
		{Label: "run-9", File: "ci/run-9.json", Total: 21, ByRule: map[string]int{"call": 1, "x-new-rule": 0}, Known: 20},
		{Label: "run-10", File: "ci/run-10.json", Total: 3, ByRule: map[string]int{"call": 2, "x-new-rule": 1}},
	}})
	want := `jwtssot: violations by rule over 2 reports, oldest first

report  total  call  x-new-rule  known  file
run-9      21     1           0     20  ci/run-9.json
run-10      3     2           1      0  ci/run-10.json
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestTrendRules(t *testing.T) {
	tr := &Trend{Points: []TrendPoint{{ByRule: map[string]int{"zz": 1, "call": 1, "import": 0, "aa": 2}}, {ByRule: map[string]int{"import": 1}}}}
	got := tr.Rules()
	if want := []string{"import", "call", "aa", "zz"}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || got[3] != want[3] {
		t.Errorf("Rules() = %q, want %q", got, want)
	}
	if tr.HasKnown() {
		t.Error("HasKnown without known violations")
	}
}
