package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// findings are the package's findings before suppression, and what the
// hardcoded-secret rule decided that the facts need.
type findings struct {
	candidates []Finding
	secretLits map[token.Pos]bool // literals already reported as hardcoded-secret
	// reportedObjs are the constants and variables reported where they are
	// declared: their uses elsewhere are not reported again.
	reportedObjs map[types.Object]bool
	// readSites are the reads the secret-access rule decided to report,
	// by site and setting: their values, passed on to other packages, are
	// not reported again. A loader's call reads many settings; the others
	// are reported where their values meet a key.
	readSites map[readSite]bool
	spans     []ast.Expr // the values of package-level declarations, by position
}

// A readSite is a read of one setting (by its name; "" for a read of no
// name) at the expression that reads.
type readSite struct {
	pos  token.Pos
	name string
}

// report records a finding; suppression directives are applied in finish.
func (ix *index) report(rule string, pos, end token.Pos, symbol, body string) {
	if !ix.s.Enabled(rule) || !ix.analyzed(pos) {
		return
	}
	ix.out.candidates = append(ix.out.candidates, Finding{
		Rule: rule, Pos: pos, End: end, Symbol: symbol, Message: tagged(rule, body),
	})
}

// tagged appends the rule tag to a message body, with every control
// character of it (a setting's name or a replacement's text may hold one)
// shown visibly: a front end that prints the message as it is (go vet,
// golangci-lint) can never start a line or run an escape sequence.
func tagged(rule, body string) string { return visible.Text(body) + rules.Tag(rule) }

// outsideAuth says where the use is: outside the configured auth packages,
// or nowhere allowed because none are configured.
func (ix *index) outsideAuth() string {
	if len(ix.s.AuthWritten) == 0 {
		return ""
	}
	return " outside the auth packages (" + strings.Join(ix.s.AuthWritten, ", ") + ")"
}

// noAuthAdvice tells a user with no auth packages how to declare them.
const noAuthAdvice = "; no auth packages are configured, so every JWT use is a violation: " +
	"declare the auth module with auth: [./internal/auth/...] in .jwtssot.yaml"
