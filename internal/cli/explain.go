package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/mdterm"
	"github.com/jwtssot/jwtssot/internal/rules"
)

// explain prints a rule's page for a terminal, the list of rules when id
// is "" or "rules", or the catalogue in effect (see explainCatalogue).
func explain(id string, a *analysis.Analyzer, stdout, stderr io.Writer, colorMode string) int {
	style := mdterm.NewStyle(useColor(colorMode, stdout, false))
	if id == catalogueTopic {
		return explainCatalogue(a, stdout, stderr, colorMode)
	}
	if id == "" || id == "rules" {
		fmt.Fprint(stdout, ruleList(style))
		return ExitClean
	}
	r, ok := rules.ByID(id)
	if !ok {
		message(stderr, "no rule %q (rules: %s; or %s)", id, strings.Join(rules.IDs(), ", "), catalogueTopic)
		return ExitUsage
	}
	fmt.Fprint(stdout, ruleDoc(r, style, terminalWidth()))
	return ExitClean
}

// ruleDoc is what -explain prints: the rule's page, the same text as
// docs/rules/<id>.md, rendered for a terminal, and where it is online.
func ruleDoc(r rules.Rule, s mdterm.Style, width int) string {
	base := r.URL()
	return mdterm.Render(r.Page, base, s, width) + "\n" + s.Faint("Online: "+base) + "\n"
}

// ruleList is what -explain without a rule (and help rules) prints.
func ruleList(s mdterm.Style) string {
	var b strings.Builder
	b.WriteString("jwtssot rules; jwtssot -explain <rule> prints a rule's page:\n\n")
	n := 0
	for _, id := range rules.IDs() {
		n = max(n, len(id))
	}
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "  %s%s  %s\n", s.Bold(r.ID), strings.Repeat(" ", n-len(r.ID)), r.Title)
	}
	fmt.Fprintf(&b, "\nOnline: %s\n", rules.DocsURL)
	return b.String()
}

// terminalWidth is the width -explain wraps text to: $COLUMNS when the
// shell exports it, else 80, and never more than 100, which is as long as
// a line of prose stays easy to read.
func terminalWidth() int {
	w := 80
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		w = n
	}
	return min(max(w, 40), 100)
}
