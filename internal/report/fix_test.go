package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestWithholdSecretFixes: a fix whose edits would write a hardcoded
// secret the scan found keeps its message and loses its edits and diff;
// the others are untouched; both still count as fixable.
func TestWithholdSecretFixes(t *testing.T) {
	secretFix := &Fix{Message: "apply recipe beforeSign/afterSign", Diff: "@@ -1 +1 @@\n-a\n+b\n",
		Edits: []Edit{{File: "a.go", Line: 1, Column: 1, EndLine: 1, EndColumn: 5, New: `auth.Sign(t, "dev-signing-key")`}}}
	plainFix := &Fix{Message: "apply recipe beforeParse/afterParse", Diff: "@@ -1 +1 @@\n-a\n+b\n",
		Edits: []Edit{{File: "b.go", Line: 1, Column: 1, EndLine: 1, EndColumn: 5, New: "auth.Parse(raw)"}}}
	r := &Report{Violations: []Violation{{Rule: "call", File: "a.go", Fix: secretFix}, {Rule: "call", File: "b.go", Fix: plainFix}},
		Secrets: []string{"dev-signing-key"}}
	r.Summarize()
	WithholdSecretFixes(r)
	if !secretFix.Withheld || secretFix.Edits != nil || secretFix.Diff != "" {
		t.Errorf("the secret's fix: %+v", secretFix)
	}
	if plainFix.Withheld || len(plainFix.Edits) != 1 || plainFix.Diff == "" {
		t.Errorf("the other fix: %+v", plainFix)
	}
	if r.Summary.Fixable != 2 {
		t.Errorf("fixable %d, want 2", r.Summary.Fixable)
	}
	for _, format := range []string{"json", "sarif", "html"} {
		var b bytes.Buffer
		if err := Write(&b, format, r, Options{}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "dev-signing-key") {
			t.Errorf("the %s report holds the secret", format)
		}
	}
}

// TestNoFixReasons: a call a recipe matches without a fix counts apart
// from the fixes, every format that counts fixes says so, and the reason,
// which may quote the call, has the scan's secrets redacted everywhere.
func TestNoFixReasons(t *testing.T) {
	r := &Report{Violations: []Violation{
		{Rule: "call", File: "a.go", Fix: &Fix{Message: "apply recipe beforeParse/afterParse"}},
		{Rule: "call", File: "b.go", NoFix: "recipe beforeSign/afterSign matches, but afterSign drops k, and `mustKey(\"dev-signing-key\")` may have side effects"},
		{Rule: "call", File: "c.go"},
	}, Secrets: []string{"dev-signing-key"}}
	r.Summarize()
	WithholdSecretFixes(r)
	if r.Summary.Fixable != 1 || r.Summary.Unfixable != 1 {
		t.Errorf("fixable %d, unfixable %d; want 1, 1", r.Summary.Fixable, r.Summary.Unfixable)
	}
	want := map[string]string{
		"text":     "1 finding has a fix: jwtssot -fix -diff shows it, jwtssot -fix applies it; 1 call a recipe matches has none: jwtssot -fix -diff says why",
		"github":   "1 call a recipe matches has none",
		"markdown": "1 call that a recipe matches without a fix",
		"html":     "No fix: recipe beforeSign/afterSign matches, but afterSign drops k",
		"json":     `"unfixable": 1`,
	}
	for format, w := range want {
		var b bytes.Buffer
		if err := Write(&b, format, r, Options{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), w) {
			t.Errorf("the %s report lacks %q:\n%s", format, w, b.String())
		}
		if strings.Contains(b.String(), "dev-signing-key") {
			t.Errorf("the %s report holds the secret", format)
		}
	}
	for _, tc := range []struct {
		fixes, refused int
		want           string
	}{
		{0, 0, ""},
		{2, 0, "2 findings have a fix: jwtssot -fix -diff shows them, jwtssot -fix applies them"},
		{0, 2, "2 calls a recipe matches have none: jwtssot -fix -diff says why"},
	} {
		if got := fixNote(tc.fixes, tc.refused); got != tc.want {
			t.Errorf("fixNote(%d, %d) = %q, want %q", tc.fixes, tc.refused, got, tc.want)
		}
	}
}

// TestFixViewRedacts: the HTML report's diff of a fix shows a secret the
// scan found as its description, on any line of the diff, and keeps the
// kind of each line.
func TestFixViewRedacts(t *testing.T) {
	v := newFixView(Violation{Fix: &Fix{Message: "m", Diff: "@@ -3,2 +3,1 @@\n var k = \"dev-signing-key\"\n-x := t.SignedString(\"dev-signing-key\")\n+x := auth.Sign(t)\n"}},
		[]string{"dev-signing-key"})
	var kinds []string
	var text strings.Builder
	for _, l := range v.Lines {
		kinds = append(kinds, l.Kind)
		for _, s := range l.Segs {
			text.WriteString(s.Text)
			if s.Mark {
				t.Errorf("a diff line is marked: %+v", l)
			}
		}
		text.WriteString("\n")
	}
	if got := strings.Join(kinds, " "); got != "hunk ctx del add" {
		t.Errorf("kinds %s", got)
	}
	if strings.Contains(text.String(), "dev-signing-key") || !strings.Contains(text.String(), `"de"… (15 characters)`) {
		t.Errorf("diff not redacted:\n%s", text.String())
	}
}

// TestSARIFFixes: a fix is a result's fixes[0], its edits the
// replacements of one artifact change per file, an insertion without a
// deleted text, a deletion without inserted content.
func TestSARIFFixes(t *testing.T) {
	r := &Report{Violations: []Violation{{Rule: "call", File: "a.go", Line: 9, Column: 2, Fix: &Fix{Message: "apply recipe x",
		Edits: []Edit{
			{File: "a.go", Line: 3, Column: 1, EndLine: 4, EndColumn: 1},
			{File: "a.go", Line: 4, Column: 1, EndLine: 4, EndColumn: 1, New: "\t\"example.com/app/auth\"\n"},
			{File: "a.go", Line: 9, Column: 2, EndLine: 9, EndColumn: 20, New: "auth.Parse(raw)"},
		}}}}}
	r.Summarize()
	var b bytes.Buffer
	if err := Write(&b, "sarif", r, Options{PathPrefix: "server"}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct{ Results []struct{ Fixes []sarifFix } }
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	fixes := log.Runs[0].Results[0].Fixes
	if len(fixes) != 1 || fixes[0].Description.Text != "apply recipe x" || len(fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("fixes %+v", fixes)
	}
	ch := fixes[0].ArtifactChanges[0]
	if ch.ArtifactLocation.URI != "server/a.go" || len(ch.Replacements) != 3 {
		t.Fatalf("change %+v", ch)
	}
	if ch.Replacements[0].InsertedContent != nil || ch.Replacements[1].InsertedContent == nil ||
		ch.Replacements[2].DeletedRegion != (sarifRegion{StartLine: 9, StartColumn: 2, EndLine: 9, EndColumn: 20}) {
		t.Errorf("replacements %+v", ch.Replacements)
	}
}
