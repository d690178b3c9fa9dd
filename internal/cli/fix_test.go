package cli

import (
	"strings"
	"testing"
)

// TestCheckFix: -diff needs -fix, and -fix takes no flag that shapes a
// report.
func TestCheckFix(t *testing.T) {
	for _, tc := range []struct {
		o    options
		want string
	}{
		{options{report: reportOptions{format: "text", quiet: true}, fix: fixOptions{apply: true, diff: true}}, ""},
		{options{report: reportOptions{format: "text"}, fix: fixOptions{diff: true}}, "-diff shows what -fix would change"},
		{options{report: reportOptions{format: "json"}, fix: fixOptions{apply: true}}, "-format cannot be used with it"},
		{options{report: reportOptions{format: "text"}, fix: fixOptions{apply: true}, baseline: baselineOptions{read: "b.json"}}, "-baseline cannot be used with it"},
		{options{report: reportOptions{format: "text"}, fix: fixOptions{apply: true}, trend: trendOptions{on: true}}, "-trend cannot be used with it"},
	} {
		err := tc.o.checkFix()
		if (tc.want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("checkFix(%+v) = %v, want %q", tc.o, err, tc.want)
		}
	}
}
