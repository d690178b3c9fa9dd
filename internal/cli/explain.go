package cli

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"
	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// explain prints a rule's page for a terminal, the list of rules when id
// is "" or "rules", or the catalogue in effect (see explainCatalogue).
func explain(id string, a *analysis.Analyzer, stdout, stderr io.Writer, colorMode string) int {
	style := newMDStyle(useColor(colorMode, stdout, false))
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
func ruleDoc(r rules.Rule, s mdStyle, width int) string {
	base := r.URL()
	return renderMarkdown(r.Page, base, s, width) + "\n" + s.faint("Online: "+base) + "\n"
}

// ruleList is what -explain without a rule (and help rules) prints.
func ruleList(s mdStyle) string {
	var b strings.Builder
	b.WriteString("jwtssot rules; jwtssot -explain <rule> prints a rule's page:\n\n")
	n := 0
	for _, id := range rules.IDs() {
		n = max(n, len(id))
	}
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "  %s%s  %s\n", s.bold(r.ID), strings.Repeat(" ", n-len(r.ID)), r.Title)
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

// mdStyle emphasises the parts of a page; every style is the identity
// without color.
type mdStyle struct {
	color                                  bool
	boldC, codeC, faintC, sectionC, titleC *color.Color
}

func newMDStyle(on bool) mdStyle {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return mdStyle{
		color:    on,
		boldC:    mk(color.Bold),
		codeC:    mk(color.FgCyan),
		faintC:   mk(color.Faint),
		sectionC: mk(color.Bold, color.FgYellow),
		titleC:   mk(color.Bold, color.Underline),
	}
}

func (s mdStyle) bold(t string) string  { return s.boldC.Sprint(t) }
func (s mdStyle) code(t string) string  { return s.codeC.Sprint(t) }
func (s mdStyle) faint(t string) string { return s.faintC.Sprint(t) }

// Indentation of the rendered page, man-page style: headings at the margin,
// text under them, code further in.
const (
	textIndent = 2
	codeIndent = 6
)

// renderMarkdown renders the Markdown of a rule page for a terminal:
// headings emphasised (bold with color; without, the title underlined,
// sections in capitals), paragraphs and list items wrapped to width, code
// blocks indented and left as they are, links shown as "text (url)" with
// relative links made absolute against base, and inline code in color or
// between its backticks. It knows the Markdown the pages use: ATX
// headings, paragraphs, "-", "*" and numbered lists, fenced code, tables
// and HTML comments (dropped).
func renderMarkdown(page, base string, s mdStyle, width int) string {
	var out strings.Builder
	lines := strings.Split(strings.ReplaceAll(page, "\r\n", "\n"), "\n")
	blank := true // the output ends with a blank line (or is empty)
	gap := func() {
		if !blank {
			out.WriteString("\n")
			blank = true
		}
	}
	for i := 0; i < len(lines); {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			i++
		case strings.HasPrefix(trimmed, "<!--"):
			for i < len(lines) && !strings.Contains(lines[i], "-->") {
				i++
			}
			i++
		case strings.HasPrefix(trimmed, "```"):
			gap()
			i++
			for i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```") {
				code := strings.ReplaceAll(lines[i], "\t", "    ")
				if strings.TrimSpace(code) == "" {
					out.WriteString("\n")
				} else {
					out.WriteString(strings.Repeat(" ", codeIndent) + s.code(code) + "\n")
				}
				i++
			}
			i++ // the closing fence
			blank = false
			gap()
		case strings.HasPrefix(trimmed, "#"):
			level := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
			text := plainInline(strings.TrimSpace(trimmed[level:]), base)
			gap()
			out.WriteString(heading(level, text, s) + "\n\n")
			i++
		case strings.HasPrefix(trimmed, "|"):
			var rows []string
			for i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|") {
				rows = append(rows, strings.TrimSpace(lines[i]))
				i++
			}
			gap()
			out.WriteString(renderTable(rows, base, s))
			blank = false
			gap()
		case listMarker(line) != "":
			gap()
			for i < len(lines) && listMarker(lines[i]) != "" {
				marker := listMarker(lines[i])
				depth := (len(lines[i]) - len(strings.TrimLeft(lines[i], " "))) / 2
				text := strings.TrimSpace(lines[i])[len(marker):]
				i++
				// Continuation lines: indented, not a new item.
				for i < len(lines) && strings.HasPrefix(lines[i], " ") && strings.TrimSpace(lines[i]) != "" && listMarker(lines[i]) == "" {
					text += " " + strings.TrimSpace(lines[i])
					i++
				}
				indent := textIndent + 2*depth
				bullet := strings.TrimSpace(marker)
				if bullet == "*" {
					bullet = "-"
				}
				out.WriteString(wrap(inline(text, base, s), width, indent, indent+len(bullet)+1, bullet+" "))
			}
			blank = false
			gap()
		default:
			text := trimmed
			i++
			for i < len(lines) && strings.TrimSpace(lines[i]) != "" && !startsBlock(lines[i]) {
				text += " " + strings.TrimSpace(lines[i])
				i++
			}
			gap()
			out.WriteString(wrap(inline(text, base, s), width, textIndent, textIndent, ""))
			blank = false
			gap()
		}
	}
	return strings.TrimRight(out.String(), "\n") + "\n"
}

// heading renders a heading of the given level.
func heading(level int, text string, s mdStyle) string {
	switch {
	case level == 1 && s.color:
		return s.titleC.Sprint(text)
	case level == 1:
		return text + "\n" + strings.Repeat("=", utf8.RuneCountInString(text))
	case level == 2 && s.color:
		return s.sectionC.Sprint(text)
	case level == 2:
		return strings.ToUpper(text)
	case s.color:
		return strings.Repeat(" ", textIndent) + s.bold(text)
	default:
		return strings.Repeat(" ", textIndent) + text + "\n" + strings.Repeat(" ", textIndent) + strings.Repeat("-", utf8.RuneCountInString(text))
	}
}

// listMarker returns the marker of a list item line ("- ", "* ", "1. "),
// or "" if the line is not one.
func listMarker(line string) string {
	t := strings.TrimLeft(line, " ")
	if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") {
		return t[:2]
	}
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && strings.HasPrefix(t[n:], ". ") {
		return t[:n+2]
	}
	return ""
}

// startsBlock reports whether a line ends the paragraph before it.
func startsBlock(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "```") || strings.HasPrefix(t, "|") ||
		strings.HasPrefix(t, "<!--") || listMarker(line) != ""
}

// renderTable aligns a Markdown table's columns; the delimiter row becomes
// a rule under the header.
func renderTable(rows []string, base string, s mdStyle) string {
	var cells [][]span
	var widths []int
	for _, row := range rows {
		parts := splitRow(row)
		if isDelimiterRow(parts) {
			cells = append(cells, nil)
			continue
		}
		var rc []span
		for j, p := range parts {
			sp := parseInline(strings.TrimSpace(p), base)
			rc = append(rc, sp...)
			rc = append(rc, span{kind: spanCellEnd})
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], visibleLen(sp, s))
		}
		cells = append(cells, rc)
	}
	var b strings.Builder
	for _, rc := range cells {
		b.WriteString(strings.Repeat(" ", textIndent))
		if rc == nil {
			for j, w := range widths {
				if j > 0 {
					b.WriteString("  ")
				}
				b.WriteString(strings.Repeat("-", w))
			}
			b.WriteString("\n")
			continue
		}
		col, cell := 0, []span(nil)
		var line strings.Builder
		for _, sp := range rc {
			if sp.kind != spanCellEnd {
				cell = append(cell, sp)
				continue
			}
			if col > 0 {
				line.WriteString("  ")
			}
			line.WriteString(styleSpans(cell, s))
			if col < len(widths)-1 {
				line.WriteString(strings.Repeat(" ", widths[col]-visibleLen(cell, s)))
			}
			col++
			cell = nil
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return b.String()
}

// splitRow splits "| a | b \| c |" into its cells, honouring escaped pipes.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
		case row[i] == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(cells, cur.String())
}

func isDelimiterRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(strings.TrimSpace(c), "-:") != "" {
			return false
		}
	}
	return len(cells) > 0
}

// A span is a run of inline text with one style.
type span struct {
	kind int
	text string
}

const (
	spanText = iota
	spanCode
	spanBold
	spanURL
	spanCellEnd // internal to renderTable
)

// parseInline splits Markdown inline text into spans: code spans (any
// number of backticks), **bold**, links [text](url) as their text followed
// by " (url)", and backslash escapes.
func parseInline(text, base string) []span {
	var out []span
	var cur strings.Builder
	kind := spanText
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, span{kind: kind, text: cur.String()})
			cur.Reset()
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\\' && i+1 < len(text) && strings.IndexByte("\\`*_[]()#|<>!-.", text[i+1]) >= 0:
			cur.WriteByte(text[i+1])
			i += 2
		case c == '`':
			n := 0
			for i+n < len(text) && text[i+n] == '`' {
				n++
			}
			fence := strings.Repeat("`", n)
			end := strings.Index(text[i+n:], fence)
			if end < 0 {
				cur.WriteString(fence)
				i += n
				continue
			}
			code := text[i+n : i+n+end]
			if len(code) > 1 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.TrimSpace(code) != "" {
				code = code[1 : len(code)-1]
			}
			flush()
			out = append(out, span{kind: spanCode, text: code})
			i += n + end + n
		case c == '*' && strings.HasPrefix(text[i:], "**"):
			flush()
			if kind == spanBold {
				kind = spanText
			} else if strings.Contains(text[i+2:], "**") {
				kind = spanBold
			} else {
				cur.WriteString("**")
			}
			i += 2
		case c == '[':
			label, target, n, ok := parseLink(text[i:])
			if !ok {
				cur.WriteByte(c)
				i++
				continue
			}
			flush()
			saved := kind
			inner := parseInline(label, base)
			if saved == spanBold {
				for j := range inner {
					if inner[j].kind == spanText {
						inner[j].kind = spanBold
					}
				}
			}
			out = append(out, inner...)
			abs := resolveLink(target, base)
			if abs != label {
				out = append(out, span{kind: spanText, text: " ("}, span{kind: spanURL, text: abs}, span{kind: spanText, text: ")"})
			}
			i += n
		default:
			cur.WriteByte(c)
			i++
		}
	}
	flush()
	return out
}

// parseLink parses "[label](target)" at the start of s and returns its
// length.
func parseLink(s string) (label, target string, n int, ok bool) {
	depth, i := 0, 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '`':
			// Skip a code span: brackets inside it do not count.
			if j := strings.IndexByte(s[i+1:], '`'); j >= 0 {
				i += j + 1
			}
		}
		if depth == 0 {
			break
		}
	}
	if i >= len(s) || i+1 >= len(s) || s[i+1] != '(' {
		return "", "", 0, false
	}
	end := strings.IndexByte(s[i+2:], ')')
	if end < 0 {
		return "", "", 0, false
	}
	return s[1:i], s[i+2 : i+2+end], i + 2 + end + 1, true
}

// resolveLink makes a page's relative link absolute against the page's
// address: "directive.md" and "../config.md" become the published pages,
// "#names" an anchor of the page itself.
func resolveLink(target, base string) string {
	u, err := url.Parse(target)
	if err != nil || u.IsAbs() {
		return target
	}
	b, err := url.Parse(base)
	if err != nil {
		return target
	}
	return b.ResolveReference(u).String()
}

// plainInline is inline text without styles (for headings, which have a
// style of their own).
func plainInline(text, base string) string {
	var b strings.Builder
	for _, sp := range parseInline(text, base) {
		b.WriteString(sp.text)
	}
	return b.String()
}

// styled is one span's text as printed; without color, code keeps its
// backticks.
func styled(sp span, s mdStyle) string {
	switch sp.kind {
	case spanCode:
		if s.color {
			return s.code(sp.text)
		}
		return "`" + sp.text + "`"
	case spanBold:
		return s.bold(sp.text)
	case spanURL:
		if s.color {
			return s.codeC.Sprint(sp.text)
		}
	}
	return sp.text
}

func styleSpans(sps []span, s mdStyle) string {
	var b strings.Builder
	for _, sp := range sps {
		b.WriteString(styled(sp, s))
	}
	return b.String()
}

func visibleLen(sps []span, s mdStyle) int {
	n := 0
	for _, sp := range sps {
		n += utf8.RuneCountInString(sp.text)
		if sp.kind == spanCode && !s.color {
			n += 2
		}
	}
	return n
}

// inline parses and keeps the spans with the style, for wrap.
func inline(text, base string, s mdStyle) styledText {
	return styledText{spans: parseInline(text, base), style: s}
}

type styledText struct {
	spans []span
	style mdStyle
}

// A word is a run of text between spaces, possibly in several styles
// ("`jwt.Parse`," is code then text).
type word struct {
	parts []span
	n     int // visible length
}

// words splits the text at spaces. Code without color keeps its backticks
// on the word where it starts and the word where it ends.
func (t styledText) words() []word {
	var ws []word
	var cur word
	flush := func() {
		if cur.n > 0 {
			ws = append(ws, cur)
		}
		cur = word{}
	}
	for _, sp := range t.spans {
		fields := strings.Split(sp.text, " ")
		for j, f := range fields {
			if j > 0 {
				flush()
			}
			if f == "" {
				continue
			}
			part := span{kind: sp.kind, text: f}
			n := utf8.RuneCountInString(f)
			if sp.kind == spanCode && !t.style.color {
				// The backticks go around the whole span, not each word.
				part.kind = spanText
				if j == 0 {
					part.text = "`" + part.text
					n++
				}
				if j == len(fields)-1 {
					part.text += "`"
					n++
				}
			}
			cur.parts = append(cur.parts, part)
			cur.n += n
		}
	}
	flush()
	return ws
}

// wrap fills the words into lines of at most width columns: the first
// line starts with prefix at indent first, the others at indent rest. A
// word longer than a line gets a line of its own.
func wrap(t styledText, width, first, rest int, prefix string) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", first) + prefix)
	col := first + utf8.RuneCountInString(prefix)
	start := col
	for _, w := range t.words() {
		if col > start && col+1+w.n > width {
			b.WriteString("\n" + strings.Repeat(" ", rest))
			col, start = rest, rest
		}
		if col > start {
			b.WriteString(" ")
			col++
		}
		for _, p := range w.parts {
			b.WriteString(styled(p, t.style))
		}
		col += w.n
	}
	b.WriteString("\n")
	return b.String()
}
