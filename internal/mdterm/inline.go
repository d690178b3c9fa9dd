package mdterm

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

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
func styled(sp span, s Style) string {
	switch sp.kind {
	case spanCode:
		if s.color {
			return s.Code(sp.text)
		}
		return "`" + sp.text + "`"
	case spanBold:
		return s.Bold(sp.text)
	case spanURL:
		if s.color {
			return s.codeC.Sprint(sp.text)
		}
	}
	return sp.text
}

func styleSpans(sps []span, s Style) string {
	var b strings.Builder
	for _, sp := range sps {
		b.WriteString(styled(sp, s))
	}
	return b.String()
}

func visibleLen(sps []span, s Style) int {
	n := 0
	for _, sp := range sps {
		n += utf8.RuneCountInString(sp.text)
		if sp.kind == spanCode && !s.color {
			n += 2
		}
	}
	return n
}
