package analyzer

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"strings"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// directivePrefix starts a jwtssot directive comment. Like Go's own
// directives (//go:generate), it has no space after the slashes.
const directivePrefix = "//jwtssot:"

// A parsedDirective is a parsed //jwtssot:ignore comment.
type parsedDirective struct {
	Rules  []string // rule ids, or ["all"]
	Reason string
}

// parseDirective parses the text of a comment. ok is false when the comment
// is not meant as a jwtssot directive at all; err describes a comment that is
// meant as one but is malformed (unknown verb, unknown rule, no reason).
func parseDirective(text string) (d parsedDirective, ok bool, err error) {
	rest, found := strings.CutPrefix(text, directivePrefix)
	if !found {
		if spaced, isSpaced := strings.CutPrefix(text, "// jwtssot:"); isSpaced && strings.HasPrefix(spaced, "ignore") {
			return d, true, fmt.Errorf("directive must start with %s, without a space after the slashes", directivePrefix)
		}
		return d, false, nil
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 || fields[0] != "ignore" {
		verb := ""
		if len(fields) > 0 {
			verb = fields[0]
		}
		return d, true, fmt.Errorf("unknown directive jwtssot:%s (want %signore <rule|all> <reason>)", verb, directivePrefix)
	}
	if len(fields) < 2 {
		return d, true, fmt.Errorf("directive names no rule (want %signore <rule|all> <reason>)", directivePrefix)
	}
	for _, r := range strings.Split(fields[1], ",") {
		if r == "" {
			continue
		}
		if r != "all" && !rules.Known(r) {
			return d, true, fmt.Errorf("directive names unknown rule %q (rules: %s, or all)", r, strings.Join(rules.IDs(), ", "))
		}
		d.Rules = append(d.Rules, r)
	}
	if len(d.Rules) == 0 {
		return d, true, fmt.Errorf("directive names no rule (want %signore <rule|all> <reason>)", directivePrefix)
	}
	d.Reason = strings.TrimSpace(strings.Join(fields[2:], " "))
	if d.Reason == "" {
		return d, true, fmt.Errorf("directive has no reason: say why, e.g. %signore %s legacy service, removed in Q3", directivePrefix, fields[1])
	}
	return d, true, nil
}

// directive is a directive found in an analyzed file.
type directive struct {
	parsedDirective
	comment *ast.Comment
	line    int
	// ownLine directives stand alone on their line and cover the next
	// line's statement or declaration, through its last line; trailing
	// directives cover their own line only.
	ownLine  bool
	lastLine int // last covered line
	err      error
	used     bool
}

func (d *directive) covers(line int) bool {
	if d.ownLine {
		return line > d.line && line <= d.lastLine
	}
	return line == d.line
}

func (d *directive) coversRule(rule string) bool {
	for _, r := range d.Rules {
		if r == "all" || r == rule {
			return true
		}
	}
	return false
}

// parseDirectives finds the directives of a file and the lines each covers.
func (ix *index) parseDirectives(f *ast.File, tf *token.File) []*directive {
	var ds []*directive
	var src []byte
	for _, group := range f.Comments {
		for _, com := range group.List {
			if !strings.Contains(com.Text, "jwtssot:") {
				continue
			}
			parsed, ok, err := parseDirective(com.Text)
			if !ok {
				continue
			}
			line := tf.Line(com.Pos())
			if src == nil {
				src = ix.readFile(tf.Name())
			}
			d := &directive{parsedDirective: parsed, comment: com, line: line, err: err}
			d.ownLine = aloneOnLine(src, tf, com.Pos())
			d.lastLine = line + 1
			ds = append(ds, d)
		}
	}
	if len(ds) > 0 {
		extendToStatements(ds, f, tf)
	}
	return ds
}

// aloneOnLine reports whether only white space precedes pos on its line.
// Without the source it treats a comment in column 1 as alone.
func aloneOnLine(src []byte, tf *token.File, pos token.Pos) bool {
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	if src == nil || off > len(src) {
		return off == start
	}
	return len(bytes.TrimSpace(src[start:off])) == 0
}

// extendToStatements stretches each own-line directive over the node that
// starts on the next line (a multi-line statement, declaration or field), so
// a directive above a call spread over several lines covers all of it.
// It revisits only files that hold such directives.
func extendToStatements(ds []*directive, f *ast.File, tf *token.File) {
	next := map[int][]*directive{}
	for _, d := range ds {
		if d.ownLine {
			next[d.line+1] = append(next[d.line+1], d)
		}
	}
	if len(next) == 0 {
		return
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, isComment := n.(*ast.Comment); isComment {
			return true
		}
		if targets, ok := next[tf.Line(n.Pos())]; ok {
			end := tf.Line(n.End())
			for _, d := range targets {
				d.lastLine = max(d.lastLine, end)
			}
		}
		return true
	})
}

// applyDirectives drops the findings a valid directive covers and reports
// the directives that are malformed or suppress nothing.
func (ix *index) applyDirectives() []Finding {
	var kept []Finding
	for _, f := range ix.out.candidates {
		if !ix.suppressed(f) {
			kept = append(kept, f)
		}
	}
	ix.out.candidates = nil
	for _, fs := range ix.files {
		for _, d := range fs.directives {
			switch {
			case d.err != nil:
				ix.report(rules.Directive, d.comment.Pos(), d.comment.End(), "", "malformed jwtssot directive: "+d.err.Error())
			case !d.used && ix.anyEnabled(d.Rules):
				ix.report(rules.Directive, d.comment.Pos(), d.comment.End(), "",
					"jwtssot:ignore "+strings.Join(d.Rules, ",")+" suppresses nothing here; remove it")
			}
		}
	}
	return append(kept, ix.out.candidates...)
}

func (ix *index) suppressed(f Finding) bool {
	fs := ix.files[ix.pass.Fset.File(f.Pos)]
	if fs == nil {
		return false
	}
	line := fs.tf.Line(f.Pos)
	hit := false
	for _, d := range fs.directives {
		if d.err == nil && d.covers(line) && d.coversRule(f.Rule) {
			d.used = true
			hit = true
		}
	}
	return hit
}

// anyEnabled reports whether a directive's rules include one that runs: a
// directive for a disabled rule is not "unused".
func (ix *index) anyEnabled(rules []string) bool {
	for _, r := range rules {
		if r == "all" || ix.s.Enabled(r) {
			return true
		}
	}
	return false
}

// readFile returns a file's source text: through Pass.ReadFile, which the
// go vet and golangci-lint drivers set, or from disk for a driver that
// leaves it nil (rules_go's nogo).
func (ix *index) readFile(name string) []byte {
	read := ix.pass.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	src, _ := read(name)
	return src
}
