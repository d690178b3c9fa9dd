package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// maxMarkdownRows bounds the violation table: a PR comment or step summary
// has a size limit, and the JSON or SARIF report has the full list.
const maxMarkdownRows = 200

// writeMarkdown writes a summary for $GITHUB_STEP_SUMMARY or a PR comment.
func writeMarkdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	s := r.Summary
	noun := "JWT violations outside the SSOT"
	if r.Baseline != nil {
		noun = "new " + noun
	}
	fmt.Fprintf(bw, "## jwtssot: %d %s\n\n", s.Total, noun)
	fmt.Fprintf(bw, "%s scanned, %s with violations.\n", plural(s.Packages, "package"), plural(len(s.ByPackage), "package"))
	if b := r.Baseline; b != nil {
		fmt.Fprintf(bw, "Baseline `%s`: %d known violations remain, %d new, %d fixed.\n", mdCell(b.File), b.Known, b.New, b.Fixed)
	}
	for i, a := range s.Auth {
		patterns := "none"
		if len(a.Patterns) > 0 {
			patterns = "`" + mdCell(strings.Join(a.Patterns, "`, `")) + "`"
		}
		if i == 0 {
			fmt.Fprintf(bw, "Auth packages: %s", patterns)
		} else {
			fmt.Fprintf(bw, "; below `%s/`: %s", mdCell(a.Dir), patterns)
		}
		if i == len(s.Auth)-1 {
			fmt.Fprintln(bw, ".")
		}
	}
	if s.Total > 0 {
		fmt.Fprintf(bw, "\n| Rule | Violations |\n|---|---:|\n")
		for _, rk := range rankRules(s.ByRule) {
			fmt.Fprintf(bw, "| [`%s`](%s/%s.md) | %d |\n", rk.Name, rules.DocsURL, rk.Name, rk.Count)
		}
		fmt.Fprintf(bw, "\n| Package | Violations |\n|---|---:|\n")
		for i, rk := range Rank(s.ByPackage) {
			if i == topN {
				fmt.Fprintf(bw, "| … %d more | |\n", len(s.ByPackage)-topN)
				break
			}
			fmt.Fprintf(bw, "| `%s` | %d |\n", mdCell(rk.Name), rk.Count)
		}
		if len(s.ByFunction) > 0 {
			fmt.Fprintf(bw, "\n| Function | Violations |\n|---|---:|\n")
			for i, fc := range s.ByFunction {
				if i == topN {
					fmt.Fprintf(bw, "| … %d more | |\n", len(s.ByFunction)-topN)
					break
				}
				fmt.Fprintf(bw, "| `%s.%s` | %d |\n", mdCell(fc.Package), mdCell(fc.Function), fc.Count)
			}
		}
		fmt.Fprintf(bw, "\n<details><summary>Violations</summary>\n\n| Location | Rule | Message |\n|---|---|---|\n")
		for i, v := range r.Violations {
			if i == maxMarkdownRows {
				fmt.Fprintf(bw, "| … %d more | | |\n", len(r.Violations)-maxMarkdownRows)
				break
			}
			body, _ := rules.SplitMessage(v.Message)
			fmt.Fprintf(bw, "| `%s:%d:%d` | `%s` | %s |\n", mdCell(v.File), v.Line, v.Column, v.Rule, mdCell(body))
		}
		fmt.Fprintf(bw, "\n</details>\n")
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(bw, "\n**%s could not be checked:**\n\n", plural(len(r.Errors), "package"))
		for _, e := range r.Errors {
			fmt.Fprintf(bw, "- `%s`: %s\n", mdCell(e.Package), mdCell(e.Message))
		}
	}
	return bw.Flush()
}

// mdCell makes s safe inside a table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
}
