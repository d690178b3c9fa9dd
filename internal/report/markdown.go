package report

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/visible"
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
		fmt.Fprintf(bw, "Baseline %s: %d known violations remain, %d new, %d fixed.\n", mdCode(b.File), b.Known, b.New, b.Fixed)
	}
	if s.Fixable > 0 {
		fmt.Fprintf(bw, "%s with a fix: `jwtssot -fix -diff` shows them, `jwtssot -fix` applies them.\n", plural(s.Fixable, "violation"))
	}
	if s.Unfixable > 0 {
		fmt.Fprintf(bw, "%s that a recipe matches without a fix: `jwtssot -fix -diff` says why.\n", plural(s.Unfixable, "call"))
	}
	for i, a := range s.Auth {
		patterns := "none"
		if len(a.Patterns) > 0 {
			var quoted []string
			for _, p := range a.Patterns {
				quoted = append(quoted, mdCode(p))
			}
			patterns = strings.Join(quoted, ", ")
		}
		if i == 0 {
			fmt.Fprintf(bw, "Auth packages: %s", patterns)
		} else {
			fmt.Fprintf(bw, "; below %s: %s", mdCode(a.Dir+"/"), patterns)
		}
		if i == len(s.Auth)-1 {
			fmt.Fprintln(bw, ".")
		}
	}
	if s.Total > 0 {
		fmt.Fprintf(bw, "\n| Rule | Violations |\n|---|---:|\n")
		for _, rk := range rankRules(s.ByRule) {
			fmt.Fprintf(bw, "| [%s](%s/%s.md) | %d |\n", mdCell(rk.Name), rules.DocsURL, url.PathEscape(rk.Name), rk.Count)
		}
		fmt.Fprintf(bw, "\n| Package | Violations |\n|---|---:|\n")
		for i, rk := range Rank(s.ByPackage) {
			if i == topN {
				fmt.Fprintf(bw, "| … %d more | |\n", len(s.ByPackage)-topN)
				break
			}
			fmt.Fprintf(bw, "| %s | %d |\n", mdCell(rk.Name), rk.Count)
		}
		if len(s.ByFunction) > 0 {
			fmt.Fprintf(bw, "\n| Function | Violations |\n|---|---:|\n")
			for i, fc := range s.ByFunction {
				if i == topN {
					fmt.Fprintf(bw, "| … %d more | |\n", len(s.ByFunction)-topN)
					break
				}
				fmt.Fprintf(bw, "| %s | %d |\n", mdCell(fc.Package+"."+fc.Function), fc.Count)
			}
		}
		fmt.Fprintf(bw, "\n<details><summary>Violations</summary>\n\n| Location | Rule | Message |\n|---|---|---|\n")
		for i, v := range r.Violations {
			if i == maxMarkdownRows {
				fmt.Fprintf(bw, "| … %d more | | |\n", len(r.Violations)-maxMarkdownRows)
				break
			}
			body, _ := rules.SplitMessage(v.Message)
			fmt.Fprintf(bw, "| %s | %s | %s |\n", mdCell(fmt.Sprintf("%s:%d:%d", v.File, v.Line, v.Column)), mdCell(v.Rule), mdText(body))
		}
		fmt.Fprintf(bw, "\n</details>\n")
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(bw, "\n**%s could not be checked:**\n\n", plural(len(r.Errors), "package"))
		for _, e := range r.Errors {
			fmt.Fprintf(bw, "- %s: %s\n", mdCode(e.Package), mdText(e.Message))
		}
	}
	return bw.Flush()
}

// mdText makes a value from code or config plain text in Markdown, in a
// table cell or a list item: its control and bidi characters shown
// visibly (so it stays on its line), and every character Markdown or
// GitHub's HTML would act on backslash-escaped — HTML tags (<img
// onerror=…>), character references (&#x202E;), emphasis, links, code
// spans and a table's cell separator |.
func mdText(s string) string {
	s = visible.Text(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdSpecial are the ASCII punctuation characters mdText escapes: those
// CommonMark and GitHub Flavored Markdown give a meaning to in running
// text (CommonMark lets any ASCII punctuation be backslash-escaped).
const mdSpecial = "\\`*_[]<>|&~!#"

// mdCode writes a value as a code span, in which Markdown interprets
// nothing, not even HTML: a fence of more backticks than the value holds
// in a row, and its control and bidi characters shown visibly.
func mdCode(s string) string { return codeSpan(visible.Text(s)) }

// mdCell is mdCode for a table cell, where | must be escaped even in a
// code span, or the table takes it for a cell separator (GitHub Flavored
// Markdown removes the backslash).
func mdCell(s string) string { return codeSpan(strings.ReplaceAll(visible.Text(s), "|", `\|`)) }

func codeSpan(s string) string {
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
