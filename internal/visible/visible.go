// Package visible is jwtssot's one escaping policy for human-readable
// output. Every value a report or a message takes from code, config or git
// (a file name, a replacement's use text, a commit subject, a compiler
// message) goes through it before it reaches a terminal, a CI log, a
// Markdown summary or a browser, so that it can neither carry a control
// code (an ANSI escape that recolours or rewrites a terminal, a workflow
// command a CI runner obeys) nor start a line of its own (a forged
// finding), nor reorder what the reader sees (a Trojan-source bidi
// override).
//
// Such characters are shown, not dropped, as GitHub shows them: C0
// controls and DEL as \x1b (\n, \r and \t by their short names), C1
// controls, bidi controls and the Unicode line and paragraph separators as
// <U+202E>, and a byte that is not UTF-8 as \xff. Other text, including
// every printable non-ASCII character, is unchanged.
package visible

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text returns s with every control and bidi character shown visibly: a
// value that must stay on its line.
func Text(s string) string { return escape(s, "", false) }

// Lines is Text, except that it keeps the line breaks (\n): for a message
// made of lines, such as a list of config errors, each line of which is
// then shown visibly.
func Lines(s string) string { return escape(s, "\n", false) }

// Code is Text, except that it keeps tabs: for a line of source code,
// indented with them.
func Code(s string) string { return escape(s, "\t", false) }

// Page escapes a rendered HTML page (the HTML report): it keeps the line
// breaks and tabs that are the markup's own layout, which a browser shows
// as white space, and shows every other control and bidi character
// visibly, wherever a value put it (text, an attribute, the title), with
// the angle brackets of <U+202E> written as character references.
func Page(b []byte) []byte {
	s := string(b)
	if clean(s, "\n\t") {
		return b
	}
	return []byte(escape(s, "\n\t", true))
}

// IsHidden reports whether r is one of the characters this package shows
// visibly: a control character, a bidi control or a line or paragraph
// separator.
func IsHidden(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, 0x80 <= r && r <= 0x9f:
		return true // C0, DEL, C1
	case 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true // bidi embeddings, overrides and isolates
	case r == 0x200e, r == 0x200f, r == 0x061c:
		return true // bidi marks
	case r == 0x2028, r == 0x2029:
		return true // line and paragraph separators
	}
	return false
}

// clean reports whether s holds nothing to escape but the runes of keep.
func clean(s, keep string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (IsHidden(r) && !strings.ContainsRune(keep, r)) {
			return false
		}
		i += size
	}
	return true
}

func escape(s, keep string, html bool) string {
	if clean(s, keep) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !IsHidden(r) || strings.ContainsRune(keep, r):
			b.WriteString(s[i : i+size])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case html:
			fmt.Fprintf(&b, "&lt;U+%04X&gt;", r)
		default:
			fmt.Fprintf(&b, "<U+%04X>", r)
		}
		i += size
	}
	return b.String()
}
