package report

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// The HTML report is one self-contained file for a lead to open or attach
// to a CI run: inline CSS and SVG, no script, no fetch (its
// Content-Security-Policy forbids any), rendered by html/template, which
// escapes every value taken from the code for HTML, from a copy of the
// page's data in which every string is shown with visible.Text (see
// visibleCopy): a U+202E in a file name or a line of code would reorder
// what the reader sees, and a line break in a replacement's use text would
// start a line of the page's text.

//go:embed html.tmpl
var htmlTemplate string

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{"breakable": breakable}).Parse(htmlTemplate))

// breakable writes a name (a package path, a function, a file, a setting's
// expression) with a line break opportunity (<wbr>) after each /, . and _:
// a narrow column wraps it at those boundaries rather than a few letters
// per line, and its widest unbreakable piece, not the whole name, decides
// how narrow the column may be.
func breakable(s string) template.HTML {
	var b strings.Builder
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/', '.', '_':
			if i+1 < len(s) {
				b.WriteString(template.HTMLEscapeString(s[start : i+1]))
				b.WriteString("<wbr>")
				start = i + 1
			}
		}
	}
	b.WriteString(template.HTMLEscapeString(s[start:]))
	return template.HTML(b.String()) // safe: every piece is escaped above
}

// htmlPage is what the template renders.
type htmlPage struct {
	Title    string
	Subtitle string
	Tool     Tool
	Scanned  bool // false for a trend alone (jwtssot -trend -format html)
	Counts   []headline
	CountsOf string // what the counts count, when it is not obvious
	Baseline *BaselineStats

	ByRule, ByPackage *barChart

	Inventory *inventoryView
	Findings  []findingView
	Errors    []PackageError
	Trend     *trendView
	DocsURL   string
}

// A headline is one of the plan's counts, on a card.
type headline struct {
	Label string
	Count int
	Note  string
	Class string
}

type findingView struct {
	Location string
	Function string
	Rule     string
	Class    string
	Href     string
	Message  string
	Code     []codeSeg
	Fix      *fixView
}

// writeHTML writes the report as one HTML page.
func writeHTML(w io.Writer, r *Report) error {
	return renderHTML(w, htmlScanPage(r))
}

func renderHTML(w io.Writer, p *htmlPage) error {
	var buf bytes.Buffer
	if err := htmlTmpl.Execute(&buf, visibleCopy(p)); err != nil {
		return err
	}
	// Every value is escaped already; this is the guard for one that a
	// future view might add outside the page's data.
	_, err := w.Write(visible.Page(buf.Bytes()))
	return err
}

func htmlScanPage(r *Report) *htmlPage {
	s := r.Summary
	noun := "JWT violations outside the SSOT"
	if r.Baseline != nil {
		noun = "new " + noun
	}
	p := &htmlPage{Tool: r.Tool, Scanned: true, Baseline: r.Baseline, Errors: r.Errors, DocsURL: rules.DocsURL}
	if s.Total == 0 {
		p.Title = "jwtssot: no " + noun
	} else {
		p.Title = fmt.Sprintf("jwtssot: %d %s", s.Total, noun)
	}
	p.Subtitle = fmt.Sprintf("%s and %s scanned", plural(s.Packages, "package"), plural(s.Files, "Go file"))
	if len(s.ByPackage) > 0 {
		p.Subtitle += fmt.Sprintf("; violations in %s", plural(len(s.ByPackage), "package"))
	}
	if s.Fixable > 0 {
		p.Subtitle += fmt.Sprintf("; %d with a fix (jwtssot -fix)", s.Fixable)
	}
	if s.Unfixable > 0 {
		p.Subtitle += fmt.Sprintf("; %d that a recipe matches without a fix", s.Unfixable)
	}
	if r.Baseline != nil {
		p.CountsOf = fmt.Sprintf("The counts are of the violations not recorded in the baseline %s.", r.Baseline.File)
	}
	p.Counts = scanHeadlines(r)
	p.ByRule = rulesChart(s.ByRule)
	p.ByPackage = packagesChart(s.ByPackage)
	p.Inventory = newInventoryView(r.Inventory)
	p.Findings = findingViews(r)
	if r.Trend != nil {
		p.Trend = newTrendView(r.Trend)
	}
	return p
}

// scanHeadlines are the counts a migration plan tracks: JWT operations
// outside the SSOT, implementations, direct imports, hardcoded secrets and
// secret reads.
func scanHeadlines(r *Report) []headline {
	by := r.Summary.ByRule
	ops := ruleHeadline(rules.Call, by)
	impls := headline{Label: "Implementations", Count: len(r.Summary.ByFunction), Class: "impl",
		Note: "functions with findings"}
	if inv := r.Inventory; inv != nil {
		outside := 0
		for _, st := range inv.Sites {
			if !st.InAuth {
				outside++
			}
		}
		ops.Note += fmt.Sprintf("; %d of the inventory's %s", outside, plural(len(inv.Sites), "JWT operation"))
		out, in := 0, 0
		for _, im := range inv.Implementations {
			if im.InAuth {
				in++
			} else {
				out++
			}
		}
		impls.Count = out
		impls.Note = fmt.Sprintf("functions outside the auth packages that handle tokens (%d more inside)", in)
	}
	return []headline{ops, impls, ruleHeadline(rules.Import, by), ruleHeadline(rules.HardcodedSecret, by), ruleHeadline(rules.SecretAccess, by)}
}

// ruleHeadlines are the cards of the rules a migration plan counts, by
// rule: the scan's page and the trend's show the same.
var ruleHeadlines = map[string]headline{
	rules.Call:            {Label: "Operations outside the SSOT", Note: "calls of JWT library code outside the auth packages"},
	rules.Import:          {Label: "Direct imports", Note: "imports of a JWT library outside the auth packages"},
	rules.HardcodedSecret: {Label: "Hardcoded secrets", Note: "JWT keys written in the code, auth packages included"},
	rules.SecretAccess:    {Label: "Secret reads", Note: "JWT secrets read outside the auth packages"},
}

// ruleHeadline is a rule's card with its count.
func ruleHeadline(rule string, by map[string]int) headline {
	h := ruleHeadlines[rule]
	h.Count, h.Class = by[rule], ruleClass(rule)
	return h
}

// findingViews are the violations with their code lines, secrets
// redacted.
func findingViews(r *Report) []findingView {
	type fileLine struct {
		file string
		line int
	}
	secretLines := map[fileLine]bool{}
	secrets := slices.Clone(r.Secrets)
	for _, v := range r.Violations {
		if v.Rule == rules.HardcodedSecret {
			secretLines[fileLine{v.File, v.Line}] = true
		}
	}
	for _, sec := range SecretValues(r.Violations) {
		if !slices.Contains(secrets, sec) {
			secrets = append(secrets, sec)
		}
	}
	out := make([]findingView, 0, len(r.Violations))
	for _, v := range r.Violations {
		body, _ := rules.SplitMessage(v.Message)
		out = append(out, findingView{
			Location: fmt.Sprintf("%s:%d:%d", v.File, v.Line, v.Column),
			Function: v.Function,
			Rule:     v.Rule,
			Class:    ruleClass(v.Rule),
			Href:     ruleURL(v.Rule),
			Message:  body,
			Code:     trimIndent(codeLine(v, secretLines[fileLine{v.File, v.Line}], secrets)),
			Fix:      newFixView(v, secrets),
		})
	}
	return out
}

// trimIndent drops the line's leading white space, which columns counted
// but a table cell need not show.
func trimIndent(segs []codeSeg) []codeSeg {
	for len(segs) > 0 && !segs[0].Redacted {
		segs[0].Text = strings.TrimLeft(segs[0].Text, " \t")
		if segs[0].Text != "" {
			break
		}
		segs = segs[1:]
	}
	return segs
}

// WriteTrend writes a trend alone, without a scan: a table (text), the
// trend's JSON, or an HTML page with the burn-down chart.
func WriteTrend(w io.Writer, format string, tool Tool, t *Trend) error {
	switch format {
	case "text":
		bw := bufio.NewWriter(w)
		writeTrendText(bw, t)
		return bw.Flush()
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Version int    `json:"version"`
			Tool    Tool   `json:"tool"`
			Trend   *Trend `json:"trend"`
		}{SchemaVersion, tool, t})
	case "html":
		return renderHTML(w, htmlTrendPage(tool, t))
	}
	return fmt.Errorf("-trend writes text, json or html, not %s", format)
}

func htmlTrendPage(tool Tool, t *Trend) *htmlPage {
	p := &htmlPage{Tool: tool, DocsURL: rules.DocsURL, Trend: newTrendView(t)}
	p.Title = "jwtssot: " + p.Trend.Heading
	if n := len(t.Points); n > 0 {
		last := t.Points[n-1]
		p.Subtitle = fmt.Sprintf("%s at %s", plural(last.Total, "violation"), last.Label)
		p.CountsOf = fmt.Sprintf("The counts are those of %s, the latest point.", last.Label)
		by := last.ByRule
		p.Counts = []headline{ruleHeadline(rules.Call, by), ruleHeadline(rules.Import, by),
			ruleHeadline(rules.HardcodedSecret, by), ruleHeadline(rules.SecretAccess, by)}
		if last.Known > 0 {
			p.Counts = append(p.Counts, headline{Label: "Known", Count: last.Known, Class: "known", Note: "in the baseline, not listed by rule"})
		}
	}
	return p
}

// trendView is the burn-down chart and its table.
type trendView struct {
	Heading string
	Chart   *areaChart
	Legend  []legendItem
	Columns []string // rule ids, then "known" if any point has some
	Rows    []trendRow
	Skipped []TrendSkip
	Git     bool
}

type legendItem struct{ Name, Class string }

type trendRow struct {
	Label, Date, Subject, File string
	Total                      int
	Counts                     []int
}

func newTrendView(t *Trend) *trendView {
	v := &trendView{Chart: newAreaChart(t), Skipped: t.Skipped, Git: t.Source == TrendGit}
	v.Heading = trendHeading(t)
	for _, s := range trendSeries(t) {
		v.Legend = append(v.Legend, legendItem{s.name, s.class})
	}
	ids := t.Rules()
	v.Columns = slices.Clone(ids)
	if t.HasKnown() {
		v.Columns = append(v.Columns, "known")
	}
	for _, p := range t.Points {
		row := trendRow{Label: p.Label, Subject: p.Subject, File: p.File, Total: p.Total}
		if len(p.Date) >= 10 {
			row.Date = p.Date[:10]
		}
		for _, id := range ids {
			row.Counts = append(row.Counts, p.ByRule[id])
		}
		if t.HasKnown() {
			row.Counts = append(row.Counts, p.Known)
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}
