package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// The doc-truth tests: each sentence of the docs that states what the tool
// does is checked against what it does — the flag table against -help,
// every list of rules against the rule registry, every error message
// quoted against the golden output of some test, the SARIF fingerprint's
// name against the SARIF report, and the shell examples marked runnable by
// running them (docexamples_test.go).

// A mdDoc is a Markdown file of the repository, read as the tests need it.
type mdDoc struct {
	name   string // repository-relative, slash-separated
	lines  []string
	blocks []mdBlock
	spans  []mdSpan // inline code spans outside fenced blocks
}

// A mdBlock is a fenced code block.
type mdBlock struct {
	line   int    // of its first content line, 1-based
	lang   string // the info string's first word
	marker string // an HTML comment alone on the line before the fence, without <!-- -->
	text   []string
}

// A mdSpan is an inline code span.
type mdSpan struct {
	line int
	text string
}

var codeSpan = regexp.MustCompile("(?s)(`+)([^`]|[^`].*?[^`])(`+)")

// readDoc reads a Markdown file of the repository.
func readDoc(t *testing.T, name string) *mdDoc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	d := &mdDoc{name: name, lines: strings.Split(string(data), "\n")}
	var cur *mdBlock
	fence := ""
	for i, line := range d.lines {
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			fence = trimmed[:len(trimmed)-len(strings.TrimLeft(trimmed, "`"))]
			info := strings.Fields(strings.TrimPrefix(trimmed, fence))
			cur = &mdBlock{line: i + 2}
			if len(info) > 0 {
				cur.lang = info[0]
			}
			if i > 0 {
				prev := strings.TrimSpace(d.lines[i-1])
				if m, ok := strings.CutPrefix(prev, "<!--"); ok && strings.HasSuffix(m, "-->") {
					cur.marker = strings.TrimSpace(strings.TrimSuffix(m, "-->"))
				}
			}
		case cur != nil && strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, "`") == "":
			d.blocks = append(d.blocks, *cur)
			cur = nil
		case cur != nil:
			indent := len(line) - len(trimmed)
			cur.text = append(cur.text, line[min(indent, len(line)):])
		}
	}
	// Code spans, which may go on over a line break, from the prose.
	prose := d.prose()
	for _, loc := range codeSpan.FindAllStringSubmatchIndex(prose, -1) {
		open, text, closing := prose[loc[2]:loc[3]], prose[loc[4]:loc[5]], prose[loc[6]:loc[7]]
		if open == closing && !strings.Contains(text, "\n\n") {
			d.spans = append(d.spans, mdSpan{strings.Count(prose[:loc[0]], "\n") + 1, strings.Join(strings.Fields(text), " ")})
		}
	}
	return d
}

// userDocs are the Markdown files a user reads: README.md and docs/.
func userDocs(t *testing.T) []*mdDoc {
	t.Helper()
	root := repoRoot(t)
	docs := []*mdDoc{readDoc(t, "README.md")}
	err := filepath.WalkDir(filepath.Join(root, "docs"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err == nil {
			docs = append(docs, readDoc(t, filepath.ToSlash(rel)))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// prose is the document's text with its fenced blocks blanked, line for
// line.
func (d *mdDoc) prose() string {
	lines := slices.Clone(d.lines)
	for _, b := range d.blocks {
		for i := range b.text {
			lines[b.line-1+i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// section returns the lines of a "## heading" section, up to the next
// heading of its level or above.
func (d *mdDoc) section(t *testing.T, heading string) []string {
	t.Helper()
	level := strings.Count(strings.Fields(heading)[0], "#")
	for i, l := range d.lines {
		if l != heading {
			continue
		}
		end := i + 1
		for end < len(d.lines) && !isHeading(d.lines[end], level) {
			end++
		}
		return d.lines[i+1 : end]
	}
	t.Fatalf("%s has no %q", d.name, heading)
	return nil
}

// isHeading reports whether line is a Markdown heading of level or above
// ("## x" is level 2).
func isHeading(line string, level int) bool {
	hashes := len(line) - len(strings.TrimLeft(line, "#"))
	return hashes > 0 && hashes <= level && strings.HasPrefix(line[hashes:], " ")
}

// TestDocsFlagTable: every flag -help lists is a row of docs/cli.md's flag
// table, and every flag the table names is one -help lists.
func TestDocsFlagTable(t *testing.T) {
	r := jwtssot(t, t.TempDir(), "-h")
	if r.code != 0 {
		t.Fatalf("-h: exit %d\n%s", r.code, r.stderr)
	}
	help := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^  -([\w.-]+)`).FindAllStringSubmatch(r.stdout, -1) {
		help[m[1]] = true
	}
	if len(help) < 20 {
		t.Fatalf("-h lists %d flags:\n%s", len(help), r.stdout)
	}
	doc := readDoc(t, "docs/cli.md")
	table := map[string]bool{}
	flagName := regexp.MustCompile("`-([\\w.-]+)")
	for _, l := range doc.section(t, "## Flags of the standalone scan") {
		cells := strings.Split(l, "|")
		if len(cells) < 3 || !strings.Contains(cells[1], "`-") {
			continue
		}
		for _, m := range flagName.FindAllStringSubmatch(cells[1], -1) {
			table[m[1]] = true
		}
	}
	for f := range help {
		if !table[f] {
			t.Errorf("-%s is in -help, but not in docs/cli.md's flag table", f)
		}
	}
	for f := range table {
		if !help[f] {
			t.Errorf("docs/cli.md's flag table has -%s, which -help does not list", f)
		}
	}
}

// ruleRun is a run of two or more rule ids in code spans, separated by
// commas, "and" or "or", across line breaks: a list of rules in prose.
var ruleRun = regexp.MustCompile("`[a-z-]+`(?:,?\\s+(?:and\\s+|or\\s+)?`[a-z-]+`)+")

// TestDocsRuleLists: every list of rules — the README's rule table,
// analyzer/doc.go's list, and every run of rule ids in code spans in the
// docs (docs/cli.md's violations[].rule, docs/golangci-lint.md, the
// disable setting, ...) — names every rule of the registry, and only
// rules of it. A run of rule ids that lists a few on purpose would say
// so in other words.
func TestDocsRuleLists(t *testing.T) {
	all := rules.IDs()
	check := func(where string, got []string) {
		t.Helper()
		for _, id := range all {
			if !slices.Contains(got, id) {
				t.Errorf("%s lists the rules %q without %s", where, got, id)
			}
		}
		for _, id := range got {
			if !rules.Known(id) {
				t.Errorf("%s lists %q, which is no rule", where, id)
			}
		}
	}
	lists := 0
	for _, d := range userDocs(t) {
		prose := d.prose()
		for _, loc := range ruleRun.FindAllStringIndex(prose, -1) {
			ids := regexp.MustCompile("`([a-z-]+)`").FindAllStringSubmatch(prose[loc[0]:loc[1]], -1)
			var got []string
			for _, m := range ids {
				got = append(got, m[1])
			}
			if !slices.ContainsFunc(got, rules.Known) || len(got) < 3 {
				continue // not a list of rules
			}
			lists++
			check(fmt.Sprintf("%s:%d", d.name, strings.Count(prose[:loc[0]], "\n")+1), got)
		}
	}
	if lists < 3 {
		t.Errorf("found %d lists of rules in the docs: the check reads them wrong", lists)
	}
	readme := readDoc(t, "README.md")
	var table []string
	for _, m := range regexp.MustCompile("(?m)^\\| \\[`([a-z-]+)`\\]\\(docs/rules/").FindAllStringSubmatch(strings.Join(readme.lines, "\n"), -1) {
		table = append(table, m[1])
	}
	check("README.md's rule table", table)
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "analyzer", "doc.go"))
	if err != nil {
		t.Fatal(err)
	}
	var bullets []string
	for _, m := range regexp.MustCompile(`(?m)^//   - ([a-z-]+)[: ]`).FindAllStringSubmatch(string(src), -1) {
		bullets = append(bullets, m[1])
	}
	check("analyzer/doc.go's list", bullets)
}

// TestDocsSARIFFingerprint: the partialFingerprints key docs/cli.md names
// is the one the SARIF report carries.
func TestDocsSARIFFingerprint(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "golden", "app.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) == 0 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("app.sarif: %v", err)
	}
	doc := strings.Join(readDoc(t, "docs/cli.md").lines, "\n")
	named := regexp.MustCompile("`partialFingerprints\\.([^`]+)`").FindAllStringSubmatch(doc, -1)
	if len(named) == 0 {
		t.Fatal("docs/cli.md names no partialFingerprints key")
	}
	for _, m := range named {
		if _, ok := log.Runs[0].Results[0].PartialFingerprints[m[1]]; !ok {
			t.Errorf("docs/cli.md names partialFingerprints.%s; the report has %v", m[1], log.Runs[0].Results[0].PartialFingerprints)
		}
	}
}

// errorQuote matches the start of an error message as the docs quote one:
// jwtssot's own ("jwtssot: ..." but for the progress line's count), a
// config or input file's ("<file>: ...", ".jwtssot.yaml:3: ...", a file
// named by its path), the settings' ("jwtssot settings: ..."), a flag's
// ("invalid value ..."), golangci-lint's ("Error: ...").
var errorQuote = regexp.MustCompile(`^(Error: |jwtssot settings: |jwtssot: [^0-9]|invalid value "|<file>:|[\w./-]+\.(ya?ml|json):)`)

// TestDocsErrorQuotes: every error message the docs quote — an inline code
// span or a line of a ```text block that reads like one (errorQuote) — is
// produced by some test's golden output: the golden files (*.golden,
// testdata/golden/) and the golden sections of the command-line scripts
// (testdata/script, run by TestScripts). "..." and "…" in a quote stand for
// any text, and a <placeholder> for a word.
func TestDocsErrorQuotes(t *testing.T) {
	golden := goldenOutput(t)
	quotes := 0
	for _, d := range userDocs(t) {
		var candidates []mdSpan
		candidates = append(candidates, d.spans...)
		for _, b := range d.blocks {
			if b.lang == "text" {
				for i, l := range b.text {
					candidates = append(candidates, mdSpan{b.line + i, strings.TrimSpace(l)})
				}
			}
		}
		for _, c := range candidates {
			if !errorQuote.MatchString(c.text) {
				continue
			}
			quotes++
			if !quoteRegexp(c.text).MatchString(golden) {
				t.Errorf("%s:%d quotes an error message that no golden output holds: %s", d.name, c.line, c.text)
			}
		}
	}
	if quotes < 10 {
		t.Errorf("found %d error messages quoted in the docs: the check reads them wrong", quotes)
	}
}

// quoteRegexp turns a quoted message into a pattern: "..." and "…" match
// any text on the line, <placeholder> a word.
func quoteRegexp(q string) *regexp.Regexp {
	p := regexp.QuoteMeta(q)
	p = strings.NewReplacer(`\.\.\.`, `.*`, "…", `.*`).Replace(p)
	p = regexp.MustCompile(`<[a-z ]+>`).ReplaceAllString(p, `\S+`)
	return regexp.MustCompile("(?m)" + p)
}

// goldenOutput is every golden output of the repository's tests, joined.
func goldenOutput(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	root := repoRoot(t)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "bin"):
			return filepath.SkipDir
		case d.IsDir():
			return nil
		}
		slash := filepath.ToSlash(p)
		switch {
		case strings.HasSuffix(p, ".golden") || strings.Contains(slash, "/testdata/golden/"):
			data, err := os.ReadFile(p)
			b.Write(data)
			b.WriteByte('\n')
			return err
		case strings.Contains(slash, "/testdata/script/") && strings.HasSuffix(p, ".txtar"):
			ar, err := txtar.ParseFile(p)
			for _, f := range ar.Files {
				if strings.HasSuffix(f.Name, ".golden") {
					b.Write(f.Data)
					b.WriteByte('\n')
				}
			}
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
