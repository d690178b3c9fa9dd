package report

import (
	"fmt"
	"strings"
)

// A Fix is what a migration recipe changes for a finding: what jwtssot
// -fix applies (docs/cli.md#fixes). Its edits are in the finding's file.
type Fix struct {
	Message string `json:"message"` // "apply recipe beforeParse/afterParse"
	Edits   []Edit `json:"edits"`
	// Withheld is set when the edits would insert a hardcoded secret the
	// scan found: no report prints a secret, so they are left out (jwtssot
	// -fix still applies the fix).
	Withheld bool `json:"withheld,omitempty"`
	// Diff shows the fix as a small unified diff of its file (hunks
	// only, one line of context), for the HTML report; not written.
	Diff string `json:"-"`
}

// An Edit replaces a span of a file with new text; an empty span is an
// insertion. Lines and columns are 1-based, columns count bytes, as the
// violations' do; the end is exclusive.
type Edit struct {
	File      string `json:"file"` // relative to the scan root, slash-separated
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	New       string `json:"new"`
}

// fixable counts the violations that have a fix.
func fixable(vs []Violation) int {
	n := 0
	for _, v := range vs {
		if v.Fix != nil {
			n++
		}
	}
	return n
}

// fixNote says how many findings jwtssot -fix can fix, "" when none can.
func fixNote(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 finding has a fix: jwtssot -fix -diff shows it, jwtssot -fix applies it"
	}
	return fmt.Sprintf("%d findings have a fix: jwtssot -fix -diff shows them, jwtssot -fix applies them", n)
}

// WithholdSecretFixes leaves out the edits of each fix that would insert
// one of the report's secrets (r.Secrets), and its diff, whose lines the
// HTML report redacts anyway: the edits are written as they are in JSON
// and SARIF.
func WithholdSecretFixes(r *Report) {
	for i := range r.Violations {
		f := r.Violations[i].Fix
		if f == nil {
			continue
		}
		for _, e := range f.Edits {
			if holdsSecret(e.New, r.Secrets) {
				f.Edits, f.Diff, f.Withheld = nil, "", true
				break
			}
		}
	}
}

func holdsSecret(text string, secrets []string) bool {
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			return true
		}
	}
	return false
}
