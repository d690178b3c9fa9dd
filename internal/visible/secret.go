package visible

import (
	"fmt"
	"unicode/utf8"
)

// Secret describes a secret without revealing it, for every message and
// report that names one: its first two characters when it is long enough
// that they give little away, quoted (so a control character in them is
// escaped), and its length in characters.
func Secret(secret string) string {
	n := utf8.RuneCountInString(secret)
	if n < 8 {
		return fmt.Sprintf("of %d characters", n)
	}
	runes := []rune(secret)
	return fmt.Sprintf("%q… (%d characters)", string(runes[:2]), n)
}
