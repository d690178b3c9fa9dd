package rules

import (
	"testing"
)

func TestSplitMessage(t *testing.T) {
	for _, tc := range []struct{ msg, body, rule string }{
		{"call of jwt.Parse (jwtssot/call)", "call of jwt.Parse", "call"},
		{"hardcoded JWT secret of 3 characters assigned to k (jwtssot/hardcoded-secret)", "hardcoded JWT secret of 3 characters assigned to k", "hardcoded-secret"},
		{"x (jwtssot/import) (jwtssot/call)", "x (jwtssot/import)", "call"},
		{"no tag at all", "no tag at all", ""},
		{"a (jwtssot/call) trailing", "a (jwtssot/call) trailing", ""},
		{"ends with a paren (not a tag)", "ends with a paren (not a tag)", ""},
		{"", "", ""},
	} {
		body, rule := SplitMessage(tc.msg)
		if body != tc.body || rule != tc.rule {
			t.Errorf("SplitMessage(%q) = %q, %q; want %q, %q", tc.msg, body, rule, tc.body, tc.rule)
		}
	}
	for _, id := range IDs() {
		if body, rule := SplitMessage("some body" + Tag(id)); body != "some body" || rule != id {
			t.Errorf("SplitMessage(tagged(%q)) = %q, %q", id, body, rule)
		}
	}
}
