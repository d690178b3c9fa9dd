package report

import "strings"

// A fixView is a finding's fix as the HTML report shows it: its message
// and its diff, line by line, each line's text with the secrets the scan
// found redacted as in the code lines; or, for a call a recipe matches
// but cannot fix, why (None).
type fixView struct {
	Message string
	None    bool
	Lines   []diffLine
}

type diffLine struct {
	Kind string // add, del, hunk or ctx: the line's class
	Segs []codeSeg
}

// newFixView cuts a violation's fix's diff into lines; nil without a fix
// or a reason for none.
func newFixView(vi Violation, secrets []string) *fixView {
	f := vi.Fix
	if f == nil {
		if vi.NoFix == "" {
			return nil
		}
		return &fixView{Message: RedactSecrets(vi.NoFix, secrets), None: true}
	}
	v := &fixView{Message: f.Message}
	if f.Withheld {
		v.Message += " (not shown: it writes a hardcoded secret)"
	}
	for _, line := range strings.Split(strings.TrimSuffix(f.Diff, "\n"), "\n") {
		if line == "" {
			continue
		}
		kind := "ctx"
		switch line[0] {
		case '+':
			kind = "add"
		case '-':
			kind = "del"
		case '@':
			kind = "hunk"
		}
		// Tabs become the page's four columns: the page holds no raw tab.
		segs := codeLine(Violation{SourceLine: strings.ReplaceAll(line, "\t", "    ")}, false, secrets)
		for i := range segs {
			segs[i].Mark = false
		}
		v.Lines = append(v.Lines, diffLine{Kind: kind, Segs: segs})
	}
	return v
}
