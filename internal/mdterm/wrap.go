package mdterm

import (
	"strings"
	"unicode/utf8"
)

// inline parses and keeps the spans with the style, for wrap.
func inline(text, base string, s Style) styledText {
	return styledText{spans: parseInline(text, base), style: s}
}

type styledText struct {
	spans []span
	style Style
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
