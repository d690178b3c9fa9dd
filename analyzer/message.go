package analyzer

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// RuleTag is how a message names its rule: golangci-lint drops a
// diagnostic's Category, so every message carries its rule id at the end,
// as " (jwtssot/call)", in every front end.
func RuleTag(rule string) string { return " (jwtssot/" + rule + ")" }

// tagged appends the rule tag to a message body.
func tagged(rule, body string) string { return body + RuleTag(rule) }

// SplitMessage separates a diagnostic message into its body and rule id, for
// reports that show the rule in a column of its own.
func SplitMessage(msg string) (body, rule string) {
	if !strings.HasSuffix(msg, ")") {
		return msg, ""
	}
	i := strings.LastIndex(msg, " (jwtssot/")
	if i < 0 {
		return msg, ""
	}
	return msg[:i], msg[i+len(" (jwtssot/") : len(msg)-1]
}

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
