package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jwtssot/jwtssot/internal/mdterm"
	"github.com/jwtssot/jwtssot/internal/rules"
)

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestRuleDocs renders every rule page: each section is there, each line of
// each code block is there, indented and as written, no Markdown link is
// left, and prose stays within the width.
func TestRuleDocs(t *testing.T) {
	const width = 72
	for _, r := range rules.All() {
		for _, color := range []bool{false, true} {
			out := ruleDoc(r, mdterm.NewStyle(color), width)
			plain := ansi.ReplaceAllString(out, "")
			if !color && plain != out {
				t.Errorf("%s: escape sequences without color", r.ID)
			}
			if color && plain == out {
				t.Errorf("%s: no escape sequences with color", r.ID)
			}
			if !strings.HasPrefix(plain, r.ID+" — "+r.Title+"\n") {
				t.Errorf("%s: does not start with its title:\n%.200s", r.ID, plain)
			}
			for _, s := range []string{"What it flags", "Message", "Why", "Bad", "Good", "Not flagged", "Suppressing"} {
				h := strings.ToUpper(s)
				if color {
					h = s
				}
				if !strings.Contains(plain, "\n"+h+"\n") {
					t.Errorf("%s (color %v): no section %q", r.ID, color, h)
				}
			}
			lines := strings.Split(plain, "\n")
			for _, block := range codeBlocks(r.Page) {
				for _, l := range strings.Split(block, "\n") {
					if strings.TrimSpace(l) == "" {
						continue
					}
					want := "      " + strings.ReplaceAll(l, "\t", "    ")
					if !slices.Contains(lines, want) {
						t.Errorf("%s: code line %q not printed as %q", r.ID, l, want)
					}
				}
			}
			if regexp.MustCompile(`\]\([^)]*\)`).MatchString(plain) {
				t.Errorf("%s: a Markdown link is left:\n%s", r.ID, plain)
			}
			for _, l := range lines {
				if utf8.RuneCountInString(l) > width && !strings.HasPrefix(l, "      ") && !strings.HasPrefix(l, "Online: ") && strings.Contains(strings.TrimSpace(l), " ") {
					t.Errorf("%s: line longer than %d: %q", r.ID, width, l)
				}
			}
			if !strings.HasSuffix(plain, "Online: "+r.URL()+"\n") {
				t.Errorf("%s: no link to the page at the end", r.ID)
			}
		}
	}
}

// codeBlocks returns the bodies of a page's fenced code blocks.
func codeBlocks(page string) []string {
	var blocks []string
	var cur []string
	in := false
	for l := range strings.SplitSeq(page, "\n") {
		switch {
		case strings.HasPrefix(l, "```") && in:
			blocks = append(blocks, strings.Join(cur, "\n"))
			cur, in = nil, false
		case strings.HasPrefix(l, "```"):
			in = true
		case in:
			cur = append(cur, l)
		}
	}
	return blocks
}

func TestExplainAlone(t *testing.T) {
	for in, want := range map[string]string{
		"-explain":          "-explain=",
		"-q --explain":      "-q -explain=",
		"-explain call":     "-explain call",
		"-explain=call ./x": "-explain=call ./x",
		"":                  "",
	} {
		if got := strings.Join(explainAlone(strings.Fields(in)), " "); got != want {
			t.Errorf("explainAlone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRuleList(t *testing.T) {
	out := ruleList(mdterm.NewStyle(false))
	for _, r := range rules.All() {
		if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(r.ID) + ` +` + regexp.QuoteMeta(r.Title) + `$`).MatchString(out) {
			t.Errorf("rule %s with its title not listed:\n%s", r.ID, out)
		}
	}
}

// TestExplainCatalogue runs -explain catalogue in a module whose config
// adds rows: they are listed by origin, a flag overrides the file's list
// of the same key, text from the file is escaped, and the built-in
// catalogue follows.
func TestExplainCatalogue(t *testing.T) {
	t.Chdir(".") // Main's -C moves the process: back here after the test
	dir := t.TempDir()
	writeFile(t, dir, "go.mod", "module example.com/m\n")
	writeFile(t, dir, ".jwtssot.yaml", "auth: [./auth/...]\n"+
		"libraries: [example.com/platform/tokens]\n"+
		"sources:\n  - symbol: example.com/platform/settings.Get\n    name: 1\n"+
		"  - symbol: (*example.com/platform/settings.Store).Fill\n    fills: 2\n"+
		"sinks:\n  - symbol: \"example.com/platform/jwtx.Sign\\u001b[2J\"\n    arg: 2\n")
	run := func(args ...string) (string, string, int) {
		var out, errb strings.Builder
		code := Main(append([]string{"-C", dir, "-color", "never"}, args...), &out, &errb)
		return out.String(), errb.String(), code
	}
	out, errOut, code := run("-explain", "catalogue")
	if code != ExitClean {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{
		"Added by `.jwtssot.yaml`:",
		"`example.com/platform/tokens`",
		"`example.com/platform/settings.Get`",
		"`(*example.com/platform/settings.Store).Fill`  none        what argument 2 points to",
		"`example.com/platform/jwtx.Sign\\x1b[2J`  2         a secret",
		"JWT libraries\n=============", "`github.com/golang-jwt/jwt`", "LookupEnv", "DecodeString",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile("`example.com/platform/settings.Get` +argument 1 +the result").MatchString(out) {
		t.Errorf("the Get row is not listed with its name and value:\n%s", out)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("a control character from the config reached the terminal")
	}
	if strings.Contains(out, "Added by the command line") {
		t.Errorf("no flag was given, yet the command line adds rows")
	}
	out, _, _ = run("-explain", "catalogue", "-sinks", "example.com/x.Sign=1=public")
	if !strings.Contains(out, "Added by the command line:") || !strings.Contains(out, "`example.com/x.Sign`  1         a public key") {
		t.Errorf("the flag's row is not listed:\n%s", out)
	}
	if strings.Contains(out, `jwtx.Sign\x1b`) {
		t.Errorf("-sinks overrides the file's sinks, yet they are listed:\n%s", out)
	}
	writeFile(t, dir, ".jwtssot.yaml", "sinks: [1, 2\n")
	if _, errOut, code := run("-explain", "catalogue"); code != ExitUsage || !strings.Contains(errOut, ".jwtssot.yaml") {
		t.Errorf("a broken config: exit %d, stderr %q; want %d naming the file", code, errOut, ExitUsage)
	}
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
