package cli

import (
	"strings"
	"testing"
)

func TestTrendFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-trend", "-format", "markdown"}, "-trend writes text, json, html, not markdown"},
		{[]string{"-reports", "a.json", "-format", "sarif"}, "-trend writes text, json, html, not sarif"},
		{[]string{"-reports", "ci/a.json", "ci/b.json"}, "ci/b.json is a file, not a package pattern: quote the glob"},
		{[]string{"-trend", "-reports", "a.json,,b.json"}, "item 2 is empty"},
		{[]string{"-trend", "-reports", "", "-C", "."}, "-reports names no report"},
	} {
		code, out, errOut := runMain(tc.args...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.args, code, out, errOut, tc.want)
		}
	}
}
