package rules

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestPages: every rule has a page with a title, a summary and the sections
// every page has, messages ending with the rule's tag, and the suppression
// text every page shares, word for word.
func TestPages(t *testing.T) {
	if got := IDs(); !slices.Equal(got, []string{"import", "call", "hardcoded-secret", "secret-access", "directive", "insecure-parse"}) {
		t.Errorf("IDs() = %v", got)
	}
	for _, r := range All() {
		if r.Title == "" || r.Summary == "" || strings.Contains(r.Summary, "\n") {
			t.Errorf("%s: title %q, summary %q", r.ID, r.Title, r.Summary)
		}
		for _, s := range []string{"What it flags", "Message", "Why", "Bad", "Good", "Not flagged", "Suppressing"} {
			if r.Section(s) == "" {
				t.Errorf("docs/rules/%s.md has no section ## %s", r.ID, s)
			}
		}
		msg := r.Section("Message")
		if !strings.Contains(msg, "(jwtssot/"+r.ID+")") {
			t.Errorf("%s: the Message section quotes no message ending with %q", r.ID, Tag(r.ID))
		}
		if got, ok := ByID(r.ID); !ok || got.Title != r.Title {
			t.Errorf("ByID(%q) = %v, %v", r.ID, got, ok)
		}
		if want := DocsURL + "/" + r.ID + ".md"; r.URL() != want {
			t.Errorf("%s.URL() = %s, want %s", r.ID, r.URL(), want)
		}
		if r.ID == Directive {
			continue
		}
		sup := r.Section("Suppressing")
		for _, want := range []string{
			"Give the rule and a reason in a `//jwtssot:ignore` directive at the end of the line:",
			"or alone on the line above, where it covers the whole statement or declaration that starts on the next line, however many lines it spans. Several rules are separated by commas (`//jwtssot:ignore call,secret-access ...`), and `all` names every rule. The reason is required; a directive without one, with an unknown rule, or that suppresses nothing is reported by the [directive](directive.md) rule.",
			"In golangci-lint, `//nolint:jwtssot` works too, for every jwtssot rule on its line.",
			"To turn the rule off: `disable: [" + r.ID + "]` in `.jwtssot.yaml`, or `-disable=" + r.ID + "`. See the [configuration](../config.md).",
		} {
			if !strings.Contains(sup, want) {
				t.Errorf("docs/rules/%s.md: the Suppressing section lacks the shared text %q", r.ID, want)
			}
		}
	}
	if _, ok := ByID("nope"); ok || Known("nope") {
		t.Error("ByID found a rule that does not exist")
	}
}

func TestParseErrors(t *testing.T) {
	for name, page := range map[string]string{
		"no heading": "import — x\n\nsummary\n",
		"wrong id":   "# call — x\n\nsummary\n",
		"no summary": "# import — x\n\n## What it flags\n",
	} {
		fsys := fstest.MapFS{}
		for _, id := range order {
			fsys["rules/"+id+".md"] = &fstest.MapFile{Data: []byte("# " + id + " — t\n\ns\n")}
		}
		fsys["rules/import.md"] = &fstest.MapFile{Data: []byte(page)}
		if _, err := parse(fsys); err == nil {
			t.Errorf("%s: parsed %q", name, page)
		}
	}
}

func TestSectionSkipsFences(t *testing.T) {
	page := "# x — t\n\ns\n\n## Bad\n\n```go\n## not a heading\n```\n\n## Good\n\nok\n"
	if got := section(page, "Bad"); !strings.Contains(got, "## not a heading") {
		t.Errorf("section ended inside a code fence: %q", got)
	}
	if got := section(page, "Good"); got != "ok" {
		t.Errorf("Good = %q", got)
	}
}
