package cli

import "github.com/jwtssot/jwtssot/internal/rules"

// ruleDoc is what -explain prints.
func ruleDoc(r rules.Rule) string {
	return "# " + r.ID + " — " + r.Title + "\n\n" + r.Summary + "\n\n" + r.URL() + "\n"
}
