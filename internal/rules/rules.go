// Package rules is jwtssot's rule metadata: the rule ids, the order reports
// list them in, and their documentation. The documentation is not written
// here: each rule's page, docs/rules/<id>.md, is the one source, embedded by
// the docs package and parsed here, so the analyzer's Doc, `jwtssot
// -explain`, SARIF's rule descriptors and the pages a reader browses are the
// same text.
package rules

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/docs"
)

// Rule ids: each diagnostic's Category, and the tag at the end of its
// message.
const (
	Import          = "import"
	Call            = "call"
	HardcodedSecret = "hardcoded-secret"
	SecretAccess    = "secret-access"
	Directive       = "directive"
	InsecureParse   = "insecure-parse"
)

// DocsURL is where the rule pages are published; a diagnostic links to
// DocsURL + "/<id>.md".
const DocsURL = "https://github.com/jwtssot/jwtssot/blob/main/docs/rules"

// order is the order in which reports, docs and -explain list the rules.
var order = []string{Import, Call, HardcodedSecret, SecretAccess, Directive, InsecureParse}

// offByDefault are the rules that run only when the enable setting names
// them: they go beyond the SSOT rule (see their pages).
var offByDefault = map[string]bool{InsecureParse: true}

// OnByDefault reports whether a rule runs without being enabled.
func OnByDefault(id string) bool { return Known(id) && !offByDefault[id] }

// A Rule is one rule's metadata, read from its page.
type Rule struct {
	ID      string
	Title   string // the page's heading after the id: one line
	Summary string // the page's first paragraph: one sentence
	Page    string // the whole page, Markdown
}

// URL is the address of the rule's published page.
func (r Rule) URL() string { return DocsURL + "/" + r.ID + ".md" }

// Section returns the body of the page's "## heading" section, without the
// heading, trimmed; "" if the page has none.
func (r Rule) Section(heading string) string {
	return section(r.Page, heading)
}

var all = mustParse()

// All returns every rule, in report order. The slice is the caller's.
func All() []Rule { return slices.Clone(all) }

// IDs returns the rule ids in report order.
func IDs() []string { return slices.Clone(order) }

// ByID returns the rule with the given id.
func ByID(id string) (Rule, bool) {
	for _, r := range all {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Known reports whether id is a rule id.
func Known(id string) bool { return slices.Contains(order, id) }

func mustParse() []Rule {
	rs, err := parse(docs.RulePages)
	if err != nil {
		panic(err) // the pages are embedded: TestPages keeps them parseable
	}
	return rs
}

// parse reads rules/<id>.md for every id in order.
func parse(fsys fs.FS) ([]Rule, error) {
	var rs []Rule
	for _, id := range order {
		data, err := fs.ReadFile(fsys, "rules/"+id+".md")
		if err != nil {
			return nil, fmt.Errorf("rule %s has no page: %w", id, err)
		}
		r, err := parsePage(id, string(data))
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// parsePage reads a page that starts "# <id> — <title>", a blank line and
// a one-paragraph summary.
func parsePage(id, page string) (Rule, error) {
	head, rest, _ := strings.Cut(page, "\n")
	title, ok := strings.CutPrefix(head, "# "+id+" — ")
	if !ok || strings.TrimSpace(title) == "" {
		return Rule{}, fmt.Errorf("docs/rules/%s.md must start with %q", id, "# "+id+" — <title>")
	}
	rest = strings.TrimLeft(rest, "\n")
	summary, _, _ := strings.Cut(rest, "\n\n")
	if summary == "" || strings.HasPrefix(summary, "#") {
		return Rule{}, fmt.Errorf("docs/rules/%s.md has no summary paragraph under its heading", id)
	}
	return Rule{ID: id, Title: strings.TrimSpace(title), Summary: strings.Join(strings.Fields(summary), " "), Page: page}, nil
}

func section(page, heading string) string {
	start := strings.Index(page, "\n## "+heading+"\n")
	if start < 0 {
		return ""
	}
	body := page[start+len("\n## "+heading+"\n"):]
	if end := nextHeading(body); end >= 0 {
		body = body[:end]
	}
	return strings.TrimSpace(body)
}

// nextHeading finds the next "## " heading outside a code fence.
func nextHeading(s string) int {
	fenced := false
	off := 0
	for line := range strings.SplitAfterSeq(s, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			fenced = !fenced
		case !fenced && strings.HasPrefix(line, "## "):
			return off
		}
		off += len(line)
	}
	return -1
}

// Tag is how a message names its rule: golangci-lint drops a diagnostic's
// category, so every message carries its rule id at the end, as
// " (jwtssot/call)", in every front end.
func Tag(id string) string { return " (jwtssot/" + id + ")" }

// SplitMessage separates a diagnostic message into its body and rule id,
// for reports that show the rule in a column of its own.
func SplitMessage(msg string) (body, id string) {
	if !strings.HasSuffix(msg, ")") {
		return msg, ""
	}
	i := strings.LastIndex(msg, " (jwtssot/")
	if i < 0 {
		return msg, ""
	}
	return msg[:i], msg[i+len(" (jwtssot/") : len(msg)-1]
}
