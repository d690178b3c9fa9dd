package fix

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SafeName returns a file name fit to print on a terminal, in a report or in
// a diff header: the name itself when every character is a printable one
// other than a quote or a backslash, else the name quoted in Go syntax
// ("a\x1bb.go", "\u202egol.go"), as git quotes such names in its diffs. A
// name from the scanned tree can thus never carry a control code, a
// bidirectional override or a line break to the reader.
func SafeName(name string) string {
	if name == "" || strings.IndexFunc(name, unsafeInName) >= 0 {
		return strconv.Quote(name)
	}
	return name
}

// unsafeInName reports the characters SafeName quotes: controls, format
// characters (bidirectional overrides among them), characters that are not
// graphic, separators other than a plain space, and the quote and backslash
// that would make a quoted name ambiguous.
func unsafeInName(r rune) bool {
	switch r {
	case '"', '\\':
		return true
	case ' ':
		return false
	case unicode.ReplacementChar:
		return true // also what an invalid UTF-8 byte decodes to
	}
	return !unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r)
}

// SafeText returns s with every control and format character (and every
// invalid byte) written as a Go escape, for showing source text on a
// terminal; tabs are kept. Unlike SafeName it never quotes the whole text.
func SafeText(s string) string {
	if strings.IndexFunc(s, unsafeInText) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case unsafeInText(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func unsafeInText(r rune) bool {
	if r == '\t' {
		return false
	}
	return r == unicode.ReplacementChar || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
		r == '\u2028' || r == '\u2029'
}
