package standalone

import (
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/fix"
)

// TestAgreedFixes: a site fixed the same way by two packages keeps one
// fix (the scan keeps only distinct ones), one fixed differently keeps
// none, and each of its fixes is reported.
func TestAgreedFixes(t *testing.T) {
	a := fix.Fix{Finding: "a/x.go:3:2 (call of jwt.Parse)", Edits: []fix.Edit{{File: "/m/a/x.go", Start: 1, End: 2, New: "auth."}}}
	b := fix.Fix{Finding: "b/x.go:3:2 (call of jwt.Parse)", Edits: []fix.Edit{{File: "/m/a/x.go", Start: 1, End: 2, New: "auth2."}}}
	c := fix.Fix{Finding: "c/y.go:4:1 (call of jwt.Parse)", Edits: []fix.Edit{{File: "/m/c/y.go", Start: 1, End: 2, New: "auth."}}}
	kept, skipped := agreedFixes([]sitedFix{{"/m/a/x.go:3:2", a}, {"/m/a/x.go:3:2", b}, {"/m/c/y.go:4:1", c}})
	if len(kept) != 1 || kept[0].Finding != c.Finding {
		t.Errorf("kept %v, want the fix of c only", kept)
	}
	if len(skipped) != 2 || skipped[0].Finding != a.Finding || skipped[1].Finding != b.Finding ||
		!strings.Contains(skipped[0].Reason, "whose fix of the same call differs") {
		t.Errorf("skipped %v", skipped)
	}
}

// TestFindingHead: a skipped fix names its finding by the call the
// message names.
func TestFindingHead(t *testing.T) {
	for msg, want := range map[string]string{
		"call of jwt.Parse outside the auth packages (./internal/auth/...); use x instead (jwtssot/call)": "call of jwt.Parse",
		"call of (*jwt.Token).SignedString; no auth packages are configured, so ... (jwtssot/call)":       "call of (*jwt.Token).SignedString",
	} {
		if got := findingHead(msg); got != want {
			t.Errorf("findingHead(%q) = %q, want %q", msg, got, want)
		}
	}
}
