package mdterm

import (
	"strings"
	"unicode/utf8"
)

// Indentation of the rendered page, man-page style: headings at the margin,
// text under them, code further in.
const (
	textIndent = 2
	codeIndent = 6
)

// Render renders page for a terminal, wrapping prose to width: headings
// emphasised (bold with color; without, the title underlined, sections in
// capitals), paragraphs and list items wrapped, code blocks indented and
// left as they are, links shown as "text (url)" with relative links made
// absolute against base (the page's address), and inline code in color or
// between its backticks.
func Render(page, base string, s Style, width int) string {
	r := &renderer{lines: strings.Split(strings.ReplaceAll(page, "\r\n", "\n"), "\n"), base: base, s: s, width: width, blank: true}
	for r.i < len(r.lines) {
		r.block()
	}
	return strings.TrimRight(r.out.String(), "\n") + "\n"
}

// A renderer walks a page's lines, a block at a time.
type renderer struct {
	lines []string
	i     int
	base  string
	s     Style
	width int
	out   strings.Builder
	blank bool // the output ends with a blank line (or is empty)
}

// gap ends the output with a blank line, once.
func (r *renderer) gap() {
	if !r.blank {
		r.out.WriteString("\n")
		r.blank = true
	}
}

// wrote ends a block that printed something: the next one is set apart.
func (r *renderer) wrote() {
	r.blank = false
	r.gap()
}

// block renders the block that starts at the current line.
func (r *renderer) block() {
	line := r.lines[r.i]
	trimmed := strings.TrimSpace(line)
	switch {
	case trimmed == "":
		r.i++
	case strings.HasPrefix(trimmed, "<!--"):
		for r.i < len(r.lines) && !strings.Contains(r.lines[r.i], "-->") {
			r.i++
		}
		r.i++
	case strings.HasPrefix(trimmed, "```"):
		r.code()
	case strings.HasPrefix(trimmed, "#"):
		level := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
		r.gap()
		r.out.WriteString(heading(level, plainInline(strings.TrimSpace(trimmed[level:]), r.base), r.s) + "\n\n")
		r.i++
	case strings.HasPrefix(trimmed, "|"):
		var rows []string
		for r.i < len(r.lines) && strings.HasPrefix(strings.TrimSpace(r.lines[r.i]), "|") {
			rows = append(rows, strings.TrimSpace(r.lines[r.i]))
			r.i++
		}
		r.gap()
		r.out.WriteString(renderTable(rows, r.base, r.s))
		r.wrote()
	case listMarker(line) != "":
		r.list()
	default:
		r.paragraph(trimmed)
	}
}

// code renders a fenced code block, indented and as written.
func (r *renderer) code() {
	r.gap()
	r.i++
	for r.i < len(r.lines) && !strings.HasPrefix(strings.TrimSpace(r.lines[r.i]), "```") {
		code := strings.ReplaceAll(r.lines[r.i], "\t", "    ")
		if strings.TrimSpace(code) == "" {
			r.out.WriteString("\n")
		} else {
			r.out.WriteString(strings.Repeat(" ", codeIndent) + r.s.Code(code) + "\n")
		}
		r.i++
	}
	r.i++ // the closing fence
	r.wrote()
}

// list renders a list, its items wrapped under their bullets, nested by
// their indentation.
func (r *renderer) list() {
	r.gap()
	for r.i < len(r.lines) && listMarker(r.lines[r.i]) != "" {
		line := r.lines[r.i]
		marker := listMarker(line)
		depth := (len(line) - len(strings.TrimLeft(line, " "))) / 2
		text := strings.TrimSpace(line)[len(marker):]
		r.i++
		// Continuation lines: indented, not a new item.
		for r.i < len(r.lines) && strings.HasPrefix(r.lines[r.i], " ") && strings.TrimSpace(r.lines[r.i]) != "" && listMarker(r.lines[r.i]) == "" {
			text += " " + strings.TrimSpace(r.lines[r.i])
			r.i++
		}
		indent := textIndent + 2*depth
		bullet := strings.TrimSpace(marker)
		if bullet == "*" {
			bullet = "-"
		}
		r.out.WriteString(wrap(inline(text, r.base, r.s), r.width, indent, indent+len(bullet)+1, bullet+" "))
	}
	r.wrote()
}

// paragraph renders the paragraph that starts with first, wrapped.
func (r *renderer) paragraph(first string) {
	text := first
	r.i++
	for r.i < len(r.lines) && strings.TrimSpace(r.lines[r.i]) != "" && !startsBlock(r.lines[r.i]) {
		text += " " + strings.TrimSpace(r.lines[r.i])
		r.i++
	}
	r.gap()
	r.out.WriteString(wrap(inline(text, r.base, r.s), r.width, textIndent, textIndent, ""))
	r.wrote()
}

// heading renders a heading of the given level.
func heading(level int, text string, s Style) string {
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
		return strings.Repeat(" ", textIndent) + s.Bold(text)
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
