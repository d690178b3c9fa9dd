package report

import (
	"fmt"
	"strings"

	"github.com/jwtssot/jwtssot/internal/visible"
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

// fixable counts the violations that have a fix, and those a recipe
// matches that have none.
func fixable(vs []Violation) (fixes, refused int) {
	for _, v := range vs {
		switch {
		case v.Fix != nil:
			fixes++
		case v.NoFix != "":
			refused++
		}
	}
	return fixes, refused
}

// fixNote says how many findings jwtssot -fix can fix, and how many a
// recipe matches but cannot fix; "" when there are none of either.
func fixNote(fixes, refused int) string {
	var out string
	switch fixes {
	case 0:
	case 1:
		out = "1 finding has a fix: jwtssot -fix -diff shows it, jwtssot -fix applies it"
	default:
		out = fmt.Sprintf("%d findings have a fix: jwtssot -fix -diff shows them, jwtssot -fix applies them", fixes)
	}
	if refused == 0 {
		return out
	}
	if out != "" {
		out += "; "
	}
	if refused == 1 {
		return out + "1 call a recipe matches has none: jwtssot -fix -diff says why"
	}
	return out + fmt.Sprintf("%d calls a recipe matches have none: jwtssot -fix -diff says why", refused)
}

// WithholdSecretFixes leaves out the edits of each fix that would insert
// one of the report's secrets (r.Secrets), and its diff, whose lines the
// HTML report redacts anyway: the edits are written as they are in JSON
// and SARIF. The reasons a recipe gives no fix, which may quote the call,
// get the secrets redacted.
func WithholdSecretFixes(r *Report) {
	for i := range r.Violations {
		v := &r.Violations[i]
		v.NoFix = RedactSecrets(v.NoFix, r.Secrets)
		if v.Fix == nil {
			continue
		}
		for _, e := range v.Fix.Edits {
			if holdsSecret(e.New, r.Secrets) {
				v.Fix.Edits, v.Fix.Diff, v.Fix.Withheld = nil, "", true
				break
			}
		}
	}
}

// RedactSecrets replaces each of the secrets in a text with what
// visible.Secret shows of it.
func RedactSecrets(text string, secrets []string) string {
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			text = strings.ReplaceAll(text, s, "<secret "+visible.Secret(s)+">")
		}
	}
	return text
}

func holdsSecret(text string, secrets []string) bool {
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			return true
		}
	}
	return false
}
