package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/termcolor"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// topN is how many packages and functions the text summary lists.
const topN = 10

// palette colors the text report; every color is off unless enabled.
type palette struct {
	rule  map[string]*color.Color
	bold  *color.Color
	faint *color.Color
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color { return termcolor.New(on, attrs...) }
	return palette{
		rule: map[string]*color.Color{
			rules.Import:          mk(color.FgCyan),
			rules.Call:            mk(color.FgYellow),
			rules.HardcodedSecret: mk(color.FgRed, color.Bold),
			rules.SecretAccess:    mk(color.FgMagenta),
			rules.Directive:       mk(color.FgBlue),
			rules.InsecureParse:   mk(color.FgRed),
		},
		bold:  mk(color.Bold),
		faint: mk(color.Faint),
	}
}

func (p palette) ruleColor(rule string) *color.Color {
	if c := p.rule[rule]; c != nil {
		return c
	}
	return p.bold
}

// writeText writes "file:line:col: message [rule]" lines, then a summary a
// team can size a migration with. Every value from code or config is shown
// with visible.Text: it cannot start a line or carry a control code.
func writeText(w io.Writer, r *Report, opts Options) error {
	bw := bufio.NewWriter(w)
	p := newPalette(opts.Color)
	for _, v := range r.Violations {
		body, _ := rules.SplitMessage(v.Message)
		fmt.Fprintf(bw, "%s: %s %s\n", p.bold.Sprintf("%s:%d:%d", visible.Text(v.File), v.Line, v.Column), visible.Text(body),
			p.ruleColor(v.Rule).Sprintf("[%s]", visible.Text(v.Rule)))
	}
	if !opts.Quiet {
		if len(r.Violations) > 0 {
			fmt.Fprintln(bw)
		}
		writeTextSummary(bw, r, p)
	}
	return bw.Flush()
}

func writeTextSummary(w io.Writer, r *Report, p palette) {
	s := r.Summary
	noun := "JWT violations outside the SSOT"
	if r.Baseline != nil {
		noun = "new JWT violations outside the SSOT"
	}
	if s.Total == 0 {
		fmt.Fprintf(w, "jwtssot: no %s (%s scanned)\n", noun, plural(s.Packages, "package"))
	} else {
		var parts []string
		for _, rk := range rankRules(s.ByRule) {
			parts = append(parts, fmt.Sprintf("%s %d", p.ruleColor(rk.Name).Sprint(rk.Name), rk.Count))
		}
		where := plural(len(s.ByPackage), "package")
		if n := len(s.ByFunction); n > 0 {
			where += " and " + plural(n, "function")
		}
		fmt.Fprintf(w, "jwtssot: %s %s in %s (%s); %s scanned\n",
			p.bold.Sprint(s.Total), noun, where, strings.Join(parts, ", "), plural(s.Packages, "package"))
		fmt.Fprintln(w, "\nTop packages:")
		for i, rk := range Rank(s.ByPackage) {
			if i == topN {
				fmt.Fprintf(w, "  %s\n", p.faint.Sprintf("... and %d more", len(s.ByPackage)-topN))
				break
			}
			fmt.Fprintf(w, "  %5d  %s\n", rk.Count, visible.Text(rk.Name))
		}
		if len(s.ByFunction) > 0 {
			fmt.Fprintln(w, "\nJWT code outside the SSOT, by function:")
			for i, fc := range s.ByFunction {
				if i == topN {
					fmt.Fprintf(w, "  %s\n", p.faint.Sprintf("... and %d more functions", len(s.ByFunction)-topN))
					break
				}
				fmt.Fprintf(w, "  %5d  %s\n", fc.Count, visible.Text(fc.Package+"."+fc.Function))
			}
		}
	}
	writeTextAuth(w, s.Auth)
	if note := fixNote(s.Fixable, s.Unfixable); note != "" {
		fmt.Fprintf(w, "\nFixes: %s\n", note)
	}
	if b := r.Baseline; b != nil {
		fmt.Fprintf(w, "\nBaseline %s: %d known violations remain, %d new, %d fixed since it was written\n",
			visible.Text(b.File), b.Known, b.New, b.Fixed)
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "\n%s could not be checked (exit status 3):\n", plural(len(r.Errors), "package"))
		for _, e := range r.Errors {
			fmt.Fprintf(w, "  %s: %s\n", visible.Text(e.Package), visible.Text(e.Message))
		}
	}
}

// writeTextAuth says which packages are auth: the scan root's patterns and
// each nested config that replaces them in its subtree.
func writeTextAuth(w io.Writer, scopes []AuthScope) {
	for i, a := range scopes {
		patterns := "none (every JWT use is a violation)"
		if len(a.Patterns) > 0 {
			patterns = visible.Text(strings.Join(a.Patterns, ", "))
		}
		from := "no config file"
		if a.Config != "" {
			from = visible.Text(a.Config)
		}
		if a.Tests {
			from += ", tests: true"
		}
		if i == 0 {
			fmt.Fprintf(w, "\nAuth packages: %s (%s)\n", patterns, from)
			continue
		}
		if i == 1 {
			fmt.Fprintln(w, "Configs below the scan root replace that in their directory:")
		}
		fmt.Fprintf(w, "  %s/: %s (%s)\n", visible.Text(a.Dir), patterns, from)
	}
}

// rankRules orders rule counts in the rules' own order.
func rankRules(byRule map[string]int) []Ranked {
	var out []Ranked
	for _, id := range rules.IDs() {
		if n := byRule[id]; n > 0 {
			out = append(out, Ranked{id, n})
		}
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
