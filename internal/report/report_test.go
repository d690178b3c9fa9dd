package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestFingerprintIgnoresLineNumbersAndWhitespace(t *testing.T) {
	a := []Violation{{Rule: "call", File: "a.go", Function: "f", Symbol: "s", Line: 10, SourceLine: "\tjwt.Parse(x)"}}
	b := []Violation{{Rule: "call", File: "a.go", Function: "f", Symbol: "s", Line: 99, SourceLine: "    jwt.Parse( x)"}}
	c := []Violation{{Rule: "call", File: "a.go", Function: "g", Symbol: "s", Line: 10, SourceLine: "\tjwt.Parse(x)"}}
	Fingerprint(a)
	Fingerprint(b)
	Fingerprint(c)
	if a[0].Fingerprint == c[0].Fingerprint {
		t.Error("a different function must give a different fingerprint")
	}
	b[0].SourceLine = "jwt.Parse(x)"
	Fingerprint(b)
	if a[0].Fingerprint != b[0].Fingerprint {
		t.Error("moving a line or re-indenting it must keep its fingerprint")
	}
}

func TestFingerprintOccurrences(t *testing.T) {
	vs := []Violation{
		{Rule: "call", File: "a.go", Function: "f", Line: 1, SourceLine: "jwt.Parse(x)"},
		{Rule: "call", File: "a.go", Function: "f", Line: 5, SourceLine: "jwt.Parse(x)"},
	}
	Fingerprint(vs)
	if vs[0].Fingerprint == vs[1].Fingerprint {
		t.Error("identical violations in one function must be told apart")
	}
}

func TestGitHubEscaping(t *testing.T) {
	r := &Report{Violations: []Violation{{Rule: "call", File: "a,b:c.go", Line: 1, Column: 2, Message: "100% bad\nline (jwtssot/call)"}}}
	var buf bytes.Buffer
	if err := Write(&buf, "github", r, Options{}); err != nil {
		t.Fatal(err)
	}
	// The line break is shown, not passed on: an annotation holds one
	// finding's message on one line, as every format does.
	want := "::error file=a%2Cb%3Ac.go,line=1,col=2,endLine=0,endColumn=0,title=jwtssot(call)::100%25 bad\\nline\n"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
}

func TestMarkdownEscapesCells(t *testing.T) {
	r := &Report{Violations: []Violation{{Rule: "call", File: "a.go", Package: "p", Message: "a | b (jwtssot/call)"}}}
	r.Summarize()
	var buf bytes.Buffer
	if err := Write(&buf, "markdown", r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `a \| b`) {
		t.Errorf("pipe not escaped:\n%s", buf.String())
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", &Report{}, Options{}); err == nil {
		t.Error("no error for an unknown format")
	}
}

// TestPathPrefix: sarif and github name files from the repository root,
// the other formats from the scan root.
func TestPathPrefix(t *testing.T) {
	r := &Report{Violations: []Violation{
		{Rule: "call", File: "internal/a.go", Line: 1, Column: 2, EndLine: 1, EndColumn: 3, Package: "p", Message: "m (jwtssot/call)"},
		{Rule: "call", File: "../tools/b.go", Line: 1, Column: 2, EndLine: 1, EndColumn: 3, Package: "q", Message: "m (jwtssot/call)"},
	}}
	r.Summarize()
	for format, want := range map[string][]string{
		"sarif":    {`"uri": "server/internal/a.go"`, `"uri": "tools/b.go"`},
		"github":   {"file=server/internal/a.go,", "file=tools/b.go,"},
		"json":     {`"file": "internal/a.go"`, `"file": "../tools/b.go"`},
		"text":     {"internal/a.go:1:2: m [call]"},
		"markdown": {"`internal/a.go:1:2`"},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, format, r, Options{PathPrefix: "server"}); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s: no %q in\n%s", format, w, buf.String())
			}
		}
		if format != "sarif" && format != "github" && strings.Contains(buf.String(), "server/") {
			t.Errorf("%s: the prefix is only for sarif and github:\n%s", format, buf.String())
		}
	}
}
