package cli

import "github.com/jwtssot/jwtssot/analyzer"

// ruleDoc is what -explain prints.
func ruleDoc(r analyzer.Rule) string {
	return "# " + r.ID + " — " + r.Title + "\n\n" + r.Summary + "\n\n" + analyzer.DocsURL + "/" + r.ID + ".md\n"
}
