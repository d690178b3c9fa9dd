package mdterm

import (
	"strings"
	"testing"
)

const base = "https://example.com/docs/rules/x.md"

func TestRenderMarkdown(t *testing.T) {
	page := "# x — A rule\n\n" +
		"Summary with `code`, **bold** and a [link](../config.md), an [anchor](#names), [another rule](y.md#bad) and [abs](https://go.dev/).\n\n" +
		"## Bad\n\n" +
		"```go\nfunc f() {\n\treturn\n}\n```\n\n" +
		"- one item that is long enough to wrap at the width the test gives the renderer here, with a hanging indent\n" +
		"- two ``a `tick` inside``\n" +
		"  continued\n\n" +
		"### Sub\n\n" +
		"| A | B |\n|---|---|\n| `x` | y \\| z |\n\n" +
		"<!-- a comment -->\n"
	got := Render(page, base, NewStyle(false), 60)
	want := "x — A rule\n" +
		"==========\n" +
		"\n" +
		"  Summary with `code`, bold and a link\n" +
		"  (https://example.com/docs/config.md), an anchor\n" +
		"  (https://example.com/docs/rules/x.md#names), another rule\n" +
		"  (https://example.com/docs/rules/y.md#bad) and abs\n" +
		"  (https://go.dev/).\n" +
		"\n" +
		"BAD\n" +
		"\n" +
		"      func f() {\n" +
		"          return\n" +
		"      }\n" +
		"\n" +
		"  - one item that is long enough to wrap at the width the\n" +
		"    test gives the renderer here, with a hanging indent\n" +
		"  - two `a `tick` inside` continued\n" +
		"\n" +
		"  Sub\n" +
		"  ---\n" +
		"\n" +
		"  A    B\n" +
		"  ---  -----\n" +
		"  `x`  y | z\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	colored := Render(page, base, NewStyle(true), 60)
	if !strings.Contains(colored, "\x1b[") || strings.Contains(colored, "`code`") || strings.Contains(colored, "**") {
		t.Errorf("with color: code and bold must be styled, not marked up:\n%s", colored)
	}
}
