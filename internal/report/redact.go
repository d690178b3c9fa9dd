package report

import (
	"fmt"
	"go/scanner"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// redactInCode is what stands for a secret in a line of code: the
// message's description, shaped like a literal so that the line still
// reads as code.
func redactInCode(secret string) string {
	if utf8.RuneCountInString(secret) < 8 {
		return fmt.Sprintf(`"…" (%d characters)`, utf8.RuneCountInString(secret))
	}
	return visible.Secret(secret)
}

// minSecretSearch is the shortest secret looked for anywhere in a line of
// code: a shorter one is only redacted as a string literal of a line that
// holds a hardcoded-secret finding, or it would blank out ordinary text.
const minSecretSearch = 4

// SecretValues returns the values of the string literals under the
// report's hardcoded-secret findings (their span, on their first line),
// deduplicated. The scan keeps them in Report.Secrets before a baseline
// drops the known findings, so that the HTML report redacts a secret even
// on a line whose own hardcoded-secret finding is not shown.
func SecretValues(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		if v.Rule != rules.HardcodedSecret {
			continue
		}
		lo, hi := span(v)
		for _, lit := range stringLiterals(v.SourceLine) {
			if lit.lo < hi && lit.hi > lo && !slices.Contains(out, lit.value) {
				out = append(out, lit.value)
			}
		}
	}
	slices.Sort(out)
	return out
}

// span is a violation's byte range in its SourceLine: from its column to
// its end column, or to the end of the line when it ends on another line,
// clipped to the line.
func span(v Violation) (lo, hi int) {
	n := len(v.SourceLine)
	lo = min(max(v.Column-1, 0), n)
	hi = n
	if v.EndLine == v.Line && v.EndColumn > v.Column {
		hi = min(v.EndColumn-1, n)
	}
	return lo, hi
}

// literal is a string literal in a line of code.
type literal struct {
	lo, hi int    // byte range in the line, quotes included
	value  string // the value; the text between the quotes if it does not unquote
}

// stringLiterals finds the string literals of one line of Go with the Go
// scanner, so that a quote in a rune literal or a comment is not taken for
// the start of a string. A raw string that goes on to the next line runs
// to the end of this one.
func stringLiterals(line string) []literal {
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(line))
	s.Init(file, []byte(line), func(token.Position, string) {}, scanner.ScanComments)
	var out []literal
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if tok != token.STRING {
			continue
		}
		lo := file.Offset(pos)
		value, err := strconv.Unquote(lit)
		if err != nil {
			value = strings.TrimPrefix(strings.TrimPrefix(lit, "`"), `"`)
			value = strings.TrimSuffix(strings.TrimSuffix(value, "`"), `"`)
		}
		out = append(out, literal{lo: lo, hi: min(lo+len(lit), len(line)), value: value})
	}
}

// A codeSeg is a piece of a line of code as the HTML report shows it.
type codeSeg struct {
	Text     string `visible:"code"` // keeps the tabs that align code
	Mark     bool   // under the finding
	Redacted bool   // a secret's description, not the code
}

// codeLine cuts a violation's source line into segments: the finding's
// span marked, and secrets redacted. On a secret line (one that holds a
// hardcoded-secret finding) every string literal is redacted, and so is
// every occurrence of a known secret on any line.
func codeLine(v Violation, secretLine bool, secrets []string) []codeSeg {
	line := v.SourceLine
	type hidden struct {
		lo, hi int
		text   string
	}
	var hide []hidden
	if secretLine {
		lo, hi := span(v)
		covered := false
		for _, lit := range stringLiterals(line) {
			hide = append(hide, hidden{lit.lo, lit.hi, redactInCode(lit.value)})
			covered = covered || (lit.lo < hi && lit.hi > lo)
		}
		if v.Rule == rules.HardcodedSecret && !covered && hi > lo {
			// No literal under the finding as the scanner sees the line
			// (say, a line inside a raw string): hide the whole span.
			hide = append(hide, hidden{lo, hi, redactInCode(line[lo:hi])})
		}
	}
	for _, sec := range secrets {
		if len(sec) < minSecretSearch {
			continue
		}
		for off := 0; ; {
			i := strings.Index(line[off:], sec)
			if i < 0 {
				break
			}
			hide = append(hide, hidden{off + i, off + i + len(sec), redactInCode(sec)})
			off += i + len(sec)
		}
	}
	// Merge overlapping ranges: the widest text that hides them wins.
	slices.SortFunc(hide, func(a, b hidden) int { return a.lo - b.lo })
	var merged []hidden
	for _, h := range hide {
		if n := len(merged); n > 0 && h.lo < merged[n-1].hi {
			if h.hi > merged[n-1].hi {
				merged[n-1].hi = h.hi
			}
			continue
		}
		merged = append(merged, h)
	}

	markLo, markHi := span(v)
	var segs []codeSeg
	add := func(text string, mark, redacted bool) {
		if text == "" {
			return
		}
		if n := len(segs); n > 0 && !redacted && !segs[n-1].Redacted && segs[n-1].Mark == mark {
			segs[n-1].Text += text
			return
		}
		segs = append(segs, codeSeg{Text: text, Mark: mark, Redacted: redacted})
	}
	plain := func(lo, hi int) {
		// Up to three pieces: before, inside and after the mark.
		cuts := []int{lo, min(max(markLo, lo), hi), min(max(markHi, lo), hi), hi}
		for i := 0; i+1 < len(cuts); i++ {
			add(line[cuts[i]:cuts[i+1]], i == 1, false)
		}
	}
	pos := 0
	for _, h := range merged {
		plain(pos, h.lo)
		add(h.text, h.lo < markHi && h.hi > markLo, true)
		pos = h.hi
	}
	plain(pos, len(line))
	return segs
}
