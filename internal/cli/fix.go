package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/jwtssot/jwtssot/internal/fix"
	"github.com/jwtssot/jwtssot/internal/report"
	"github.com/jwtssot/jwtssot/internal/standalone"
)

// This file is -fix and -diff: the scan keeps each finding's fix
// (internal/standalone), every report shows it, and -fix plans them all
// with internal/fix, which applies each whole or not at all, reports the
// conflicts, and writes the files atomically (or, with -diff, prints a
// unified diff and writes nothing).

// checkFix refuses what -fix and -diff cannot be combined with: -fix
// writes no report, so every flag that shapes one is a mistake.
func (o *options) checkFix() error {
	if o.fix.diff && !o.fix.apply {
		return usagef("-diff shows what -fix would change: use it with -fix (jwtssot -fix -diff ./...)")
	}
	if !o.fix.apply {
		return nil
	}
	for _, c := range []struct {
		set  bool
		flag string
	}{
		{o.report.format != "text", "-format"}, {o.report.output != "", "-o"}, {o.baseline.read != "", "-baseline"},
		{o.baseline.write != "", "-write-baseline"}, {o.trend.on, "-trend"}, {o.report.inventory, "-inventory"},
	} {
		if c.set {
			return usagef("-fix writes the fixes, not a report: %s cannot be used with it; scan again after fixing for the report", c.flag)
		}
	}
	return nil
}

// applyFixes plans the fixes of the scan and writes them, or with -diff
// prints them; it reports each fix left out, and returns the exit status:
// 0 when every fix was applied (or there was none), 1 when one was left
// out or, with -diff, when the diff is not empty, 3 when some packages
// could not be checked.
func applyFixes(o *options, res *standalone.Result, stdout, stderr io.Writer) (int, error) {
	fixes := res.Fixes
	plan := fixes.Plan()
	code := ExitClean
	if o.fix.diff {
		if err := plan.WriteDiff(stdout, fix.DiffOptions{Name: fixes.Name, Terminal: isTerminal(stdout)}); err != nil {
			return ExitUsage, err
		}
		if len(plan.Files) > 0 {
			code = ExitViolations
		}
	} else if err := plan.Write(); err != nil {
		return ExitUsage, fmt.Errorf("-fix: %s", fixes.NamesIn(err.Error()))
	}
	for _, sk := range plan.Skipped {
		message(stderr, "%s", fixes.NamesIn(sk.String()))
		code = ExitViolations
	}
	unfixed := unfixedCalls(res.Violations)
	for _, u := range unfixed {
		message(stderr, "%s", u)
	}
	if !o.report.quiet {
		message(stderr, "%s", fixSummary(plan, len(unfixed), o.fix.diff))
	}
	if len(res.Errors) > 0 {
		for _, e := range res.Errors {
			message(stderr, "package %s could not be checked, and none of its files was fixed: %s", e.Package, e.Message)
		}
		code = ExitLoad
	}
	return code, nil
}

// unfixedCalls says, for each call finding a recipe matches but gives no
// fix, where it is and why, in the order of the report, with the scan's
// hardcoded secrets redacted (a reason may quote the call).
func unfixedCalls(vs []report.Violation) []string {
	var unfixed []report.Violation
	for _, v := range vs {
		if v.NoFix != "" {
			unfixed = append(unfixed, v)
		}
	}
	if len(unfixed) == 0 {
		return nil
	}
	report.Sort(unfixed)
	secrets := report.SecretValues(vs)
	out := make([]string, len(unfixed))
	for i, v := range unfixed {
		out[i] = fmt.Sprintf("%s:%d:%d: no fix: %s", v.File, v.Line, v.Column, report.RedactSecrets(v.NoFix, secrets))
	}
	return out
}

// fixSummary is -fix's last line: how many findings it fixed in how many
// files, how many fixes it left out, and how many calls a recipe matches
// it could not fix.
func fixSummary(p *fix.Plan, unfixed int, diff bool) string {
	if len(p.Applied) == 0 && len(p.Skipped) == 0 && unfixed == 0 {
		return "no fixes to apply"
	}
	out := fmt.Sprintf("fixed %s in %s", plural(len(p.Applied), "finding"), plural(len(p.Files), "file"))
	if diff {
		out = fmt.Sprintf("the fixes of %s would change %s (-diff: nothing written)", plural(len(p.Applied), "finding"), plural(len(p.Files), "file"))
	}
	if n := len(p.Skipped); n > 0 {
		out += fmt.Sprintf("; %s not applied (above)", plural(n, "fix", "fixes"))
	}
	if unfixed > 0 {
		out += fmt.Sprintf("; %s that a recipe matches left as written (above)", plural(unfixed, "call"))
	}
	return out
}

// plural writes n and the noun, in its plural form unless n is 1.
func plural(n int, noun string, pluralForm ...string) string {
	if n == 1 {
		return "1 " + noun
	}
	if len(pluralForm) > 0 {
		return fmt.Sprintf("%d %s", n, pluralForm[0])
	}
	return fmt.Sprintf("%d %ss", n, strings.TrimSuffix(noun, "s"))
}
