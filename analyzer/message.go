package analyzer

import (
	"fmt"
	"unicode/utf8"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// tagged appends the rule tag to a message body.
func tagged(rule, body string) string { return body + rules.Tag(rule) }

// redact describes a secret without revealing it: its first two characters
// when it is long enough that they give little away, and its length.
func redact(secret string) string {
	n := utf8.RuneCountInString(secret)
	if n < 8 {
		return fmt.Sprintf("of %d characters", n)
	}
	runes := []rune(secret)
	return fmt.Sprintf("%q… (%d characters)", string(runes[:2]), n)
}
