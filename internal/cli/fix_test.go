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
		{options{format: "text", fix: true, diff: true, quiet: true}, ""},
		{options{format: "text", diff: true}, "-diff shows what -fix would change"},
		{options{format: "json", fix: true}, "-format cannot be used with it"},
		{options{format: "text", fix: true, baseline: "b.json"}, "-baseline cannot be used with it"},
		{options{format: "text", fix: true, trend: true}, "-trend cannot be used with it"},
	} {
		err := tc.o.checkFix()
		if (tc.want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("checkFix(%+v) = %v, want %q", tc.o, err, tc.want)
		}
	}
}
