package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/jwtssot/jwtssot/internal/jwtop"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// forged is what a hostile value tries to start a line of the report
// with: a text report's finding.
const forged = "internal/x.go:1:1: forged finding"

// hostile returns a report in which every value that comes from code,
// config or git tries to forge a line, move the terminal's cursor, inject
// HTML or reorder the text.
func hostile() *Report {
	const (
		nl   = "\n" + forged + " [call]\n"
		esc  = "\x1b[2J\x1b]8;;http://evil\x07"
		bidi = "\u202e\u2066"
		html = `<img src=x onerror=alert(1)>`
	)
	r := &Report{
		Violations: []Violation{{
			Rule: "call", File: "internal/a" + esc + bidi + ".go", Line: 3, Column: 2, EndLine: 3, EndColumn: 9,
			Package: "example.com/a", Function: "f" + bidi,
			Message:    "call of jwt.Parse; use " + html + " | x" + nl + esc + bidi + "\u0085\x7f (jwtssot/call)",
			SourceLine: "\tx := jwt.Parse(\"a\u202eb\") // " + esc,
			Fix: &Fix{Message: "apply recipe before" + nl + esc + bidi + html,
				Diff: "@@ -1,1 +1,1 @@\n-\tx := jwt.Parse(\"a\u202eb\") // " + esc + "\n+\tx := " + html + nl + "\n"},
		}},
		Errors:   []PackageError{{Package: "example.com/b", Message: "b.go:1:1: bad" + nl + esc + bidi + html}},
		Baseline: &BaselineStats{File: "base" + nl + esc + ".json", Known: 1},
		Inventory: &Inventory{
			Sites: []Site{{File: "internal/s" + nl + ".go", Line: 1, Column: 1, Package: "example.com/s", Function: "g" + esc, Facts: jwtop.Facts{Op: jwtop.Parse, Symbol: "github.com/golang-jwt/jwt/v5.Parse", KeySource: jwtop.KeyEnv, KeyDetail: "K" + nl + esc + bidi}}},
			Implementations: []Implementation{{Package: "example.com/s", Function: "g" + esc, Sites: []int{0},
				Settings: map[string]string{"algorithms": "cfg.Alg" + nl + bidi + html}}},
			Differences: []Difference{{Setting: "algorithms", Values: []DifferenceValue{
				{Package: "example.com/s", Function: "g" + esc, Value: "x" + nl + bidi, File: "internal/s" + nl + ".go", Line: 1},
			}}},
		},
		Trend: &Trend{Source: TrendGit, File: "b" + nl + ".json",
			Points:  []TrendPoint{{Label: "abc" + esc, Date: "2025-01-01" + esc, Subject: "subject" + nl + esc + bidi + html, Total: 1, ByRule: map[string]int{"call": 1}}},
			Skipped: []TrendSkip{{Label: "def" + bidi, Reason: "bad" + nl + esc}},
		},
	}
	r.Summarize()
	r.Summary.Auth = []AuthScope{{Dir: ".", Config: ".jwtssot.yaml" + nl + esc, Patterns: []string{"./internal/auth/..." + nl + bidi}}, {Dir: "sub" + nl, Patterns: []string{"./x" + esc}}}
	return r
}

// TestEveryFormatEscapes writes the hostile report in every human-readable
// format: no output may hold a control or bidi character but the line
// breaks of its own layout, and no line may start with the forged finding.
func TestEveryFormatEscapes(t *testing.T) {
	r := hostile()
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"text", func(b *bytes.Buffer) error { return Write(b, "text", r, Options{}) }},
		{"text color", func(b *bytes.Buffer) error { return Write(b, "text", r, Options{Color: true}) }},
		{"text inventory", func(b *bytes.Buffer) error { return Write(b, "text", r, Options{Inventory: true}) }},
		{"github", func(b *bytes.Buffer) error { return Write(b, "github", r, Options{}) }},
		{"markdown", func(b *bytes.Buffer) error { return Write(b, "markdown", r, Options{}) }},
		{"html", func(b *bytes.Buffer) error { return Write(b, "html", r, Options{}) }},
		{"trend text", func(b *bytes.Buffer) error { return WriteTrend(b, "text", Tool{Name: "jwtssot"}, r.Trend) }},
		{"trend html", func(b *bytes.Buffer) error { return WriteTrend(b, "html", Tool{Name: "jwtssot"}, r.Trend) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for i, line := range strings.Split(out, "\n") {
				if tc.name == "text color" {
					line = stripSGR(line)
				}
				for _, c := range line {
					if visible.IsHidden(c) && c != '\t' {
						t.Errorf("line %d holds %U: %q", i+1, c, line)
						break
					}
				}
				if strings.HasPrefix(strings.TrimLeft(line, " |-*`\\"), forged) {
					t.Errorf("line %d is forged: %q", i+1, line)
				}
			}
			if strings.Contains(tc.name, "html") {
				if strings.Contains(out, "\t") {
					t.Error("a tab reached the page raw") // the code line's indentation is trimmed
				}
				checkNoElement(t, out, "img")
			}
			if !strings.Contains(out, `\x1b`) {
				t.Errorf("ESC is not shown as \\x1b:\n%s", out)
			}
		})
	}
}

// stripSGR removes the color codes the text report writes itself.
func stripSGR(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 || strings.ContainsAny(s[i+2:i+j], "J]") {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}

func checkNoElement(t *testing.T, page, tag string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			t.Errorf("the page has an <%s> element, from a value", tag)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// TestMarkdownTables: a value can neither add a cell to a table row (an
// unescaped |) nor open an HTML tag, and code spans survive backticks.
func TestMarkdownTables(t *testing.T) {
	r := &Report{Violations: []Violation{{Rule: "call", File: "a`b``.go", Package: "p|q", Function: "f", Line: 1, Column: 1,
		Message: "use <b>x</b> | y & *z* [l](u) (jwtssot/call)"}}}
	r.Summarize()
	var b bytes.Buffer
	if err := Write(&b, "markdown", r, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") - 1
		if header := strings.Count(line, "|"); cells != 2 && cells != 3 {
			t.Errorf("row %q has %d cells (%d pipes)", line, cells, header)
		}
	}
	for _, want := range []string{"```a`b``.go:1:1```", "`p\\|q`", `use \<b\>x\</b\> \| y \& \*z\* \[l\](u)`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
}
