package cli

import (
	"bytes"
	"strings"
	"testing"
)

// main runs Main with args and returns its exit status and output.
func runMain(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := Main(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestMainWithoutPackages(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"help"}, 0, "Usage:", ""},
		{[]string{"-h"}, 0, "Flags:", ""},
		{[]string{"-version"}, 0, "jwtssot ", ""},
		{[]string{"-explain", "call"}, 0, "call — ", ""},
		{[]string{"-explain", "call"}, 0, "WHAT IT FLAGS", ""},
		{[]string{"help", "import"}, 0, "import — ", ""},
		{[]string{"-explain"}, 0, "hardcoded-secret  Hardcoded JWT secret", ""},
		{[]string{"help", "rules"}, 0, "secret-access  ", ""},
		{[]string{"help", "nope"}, 2, "", `no rule "nope"`},
		{[]string{"-explain", "nope"}, 2, "", `no rule "nope"`},
		{[]string{"-frobnicate"}, 2, "", "flag provided but not defined: -frobnicate"},
		{[]string{"-format", "xml", "./..."}, 2, "", `-format "xml": want one of`},
		{[]string{"-color", "sometimes"}, 2, "", `-color "sometimes"`},
		{[]string{"-disable", "calls"}, 2, "", `unknown rule "calls"`},
		{[]string{"-baseline", "b.json", "-write-baseline", "b.json"}, 2, "", "name the same file"},
	} {
		code, out, errOut := runMain(tc.args...)
		if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.err) {
			t.Errorf("%v: exit %d, stdout %.80q, stderr %q; want exit %d, %q, %q", tc.args, code, out, errOut, tc.code, tc.out, tc.err)
		}
	}
}

func TestUseColor(t *testing.T) {
	var buf bytes.Buffer
	t.Setenv("NO_COLOR", "")
	t.Setenv("FORCE_COLOR", "")
	if !useColor("always", &buf, false) || useColor("never", &buf, false) || useColor("auto", &buf, false) {
		t.Error("always/never/auto without a terminal")
	}
	t.Setenv("FORCE_COLOR", "1")
	if !useColor("auto", &buf, false) || useColor("auto", &buf, true) {
		t.Error("FORCE_COLOR colors a pipe, never a file")
	}
	t.Setenv("NO_COLOR", "1")
	if useColor("auto", &buf, false) {
		t.Error("NO_COLOR wins over FORCE_COLOR")
	}
}

// TestCheckInventory: -inventory is a text report, and json carries the
// inventory anyway; the formats with no place for it are refused.
func TestCheckInventory(t *testing.T) {
	for format, ok := range map[string]bool{"text": true, "json": true, "sarif": false, "github": false, "markdown": false} {
		o := options{report: reportOptions{format: format, color: "auto", inventory: true}}
		if err := o.check(); (err == nil) != ok {
			t.Errorf("-inventory -format %s: %v, want ok=%v", format, err, ok)
		}
	}
}
