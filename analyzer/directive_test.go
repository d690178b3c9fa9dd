package analyzer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/rules"
)

var directiveCases = []struct {
	text  string
	ok    bool
	rules []string
	err   string // a substring of the error; "" for none
}{
	{"//jwtssot:ignore call legacy verifier", true, []string{"call"}, ""},
	{"//jwtssot:ignore call,secret-access two rules, one reason", true, []string{"call", "secret-access"}, ""},
	{"//jwtssot:ignore all   spaced    out  ", true, []string{"all"}, ""},
	{"//jwtssot:ignore ,call, leading and trailing commas", true, []string{"call"}, ""},
	{"//jwtssot:ignore call", true, nil, "directive has no reason: say why, e.g. //jwtssot:ignore call legacy service"},
	{"//jwtssot:ignore calls typo", true, nil, `directive names unknown rule "calls" (rules: import, call, hardcoded-secret, secret-access, directive, insecure-parse, or all)`},
	{"//jwtssot:ignore", true, nil, "directive names no rule"},
	{"//jwtssot:ignore , reason", true, nil, "directive names no rule"},
	{"//jwtssot:skip call reason", true, nil, "unknown directive jwtssot:skip (want //jwtssot:ignore <rule|all> <reason>)"},
	{"//jwtssot:", true, nil, "unknown directive jwtssot: "},
	{"// jwtssot:ignore call reason", true, nil, "directive must start with //jwtssot:, without a space after the slashes"},
	{"// jwtssot: see the docs", false, nil, ""},
	{"// see jwtssot:ignore in the docs", false, nil, ""},
	{"//nolint:jwtssot", false, nil, ""},
	{"/* jwtssot:ignore call reason */", false, nil, ""},
	{"", false, nil, ""},
}

func TestParseDirective(t *testing.T) {
	for _, tc := range directiveCases {
		d, ok, err := parseDirective(tc.text)
		if ok != tc.ok {
			t.Errorf("ParseDirective(%q): ok = %v, want %v", tc.text, ok, tc.ok)
		}
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("ParseDirective(%q): unexpected error %v", tc.text, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseDirective(%q): error %v, want %q", tc.text, err, tc.err)
		case tc.err == "" && tc.ok && !reflect.DeepEqual(d.Rules, tc.rules):
			t.Errorf("ParseDirective(%q): rules %q, want %q", tc.text, d.Rules, tc.rules)
		}
	}
	d, _, _ := parseDirective("//jwtssot:ignore all   spaced    out  ")
	if d.Reason != "spaced out" {
		t.Errorf("reason %q, want %q", d.Reason, "spaced out")
	}
}

// FuzzParseDirective: ParseDirective never panics, says ok exactly for the
// comments meant as directives, returns a valid directive or an error, and a
// valid directive prints back to itself.
func FuzzParseDirective(f *testing.F) {
	for _, tc := range directiveCases {
		f.Add(tc.text)
	}
	f.Add("//jwtssot:ignore import,call,hardcoded-secret,secret-access,directive,all r")
	f.Add("//jwtssot:ignore\tcall\u00a0reason\u2028x")
	f.Add("//jwtssot:ignore call \xff\xfe")
	f.Fuzz(func(t *testing.T, text string) {
		d, ok, err := parseDirective(text)
		if !ok {
			if err != nil || d.Rules != nil || d.Reason != "" {
				t.Fatalf("ParseDirective(%q): not a directive, yet %+v, %v", text, d, err)
			}
			if strings.HasPrefix(text, directivePrefix) {
				t.Fatalf("ParseDirective(%q): a comment starting with %s is a directive", text, directivePrefix)
			}
			return
		}
		if !strings.HasPrefix(text, directivePrefix) && !strings.HasPrefix(text, "// jwtssot:ignore") {
			t.Fatalf("ParseDirective(%q): ok for a comment that is no directive", text)
		}
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseDirective(%q): empty error", text)
			}
			return
		}
		if len(d.Rules) == 0 {
			t.Fatalf("ParseDirective(%q): valid with no rules", text)
		}
		for _, r := range d.Rules {
			if r != "all" && !rules.Known(r) {
				t.Fatalf("ParseDirective(%q): unknown rule %q accepted", text, r)
			}
		}
		if d.Reason == "" || d.Reason != strings.TrimSpace(d.Reason) {
			t.Fatalf("ParseDirective(%q): reason %q", text, d.Reason)
		}
		again := directivePrefix + "ignore " + strings.Join(d.Rules, ",") + " " + d.Reason
		d2, ok2, err2 := parseDirective(again)
		if !ok2 || err2 != nil || !reflect.DeepEqual(d, d2) {
			t.Fatalf("ParseDirective(%q) = %+v, but its printed form %q gives %+v, %v, %v", text, d, again, d2, ok2, err2)
		}
	})
}
