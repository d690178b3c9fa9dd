package visible

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

func TestSecret(t *testing.T) {
	for in, want := range map[string]string{
		"":                      "of 0 characters",
		"abc":                   "of 3 characters",
		"1234567":               "of 7 characters",
		"12345678":              `"12"… (8 characters)`,
		"s3cr3t-dev-key":        `"s3"… (14 characters)`,
		"héllo wörld":           `"hé"… (11 characters)`,
		"ééééééééé":             `"éé"… (9 characters)`,
		"日本語のひみつ":               "of 7 characters",
		"\x00\nsecret-material": `"\x00\n"… (17 characters)`,
	} {
		if got := Secret(in); got != want {
			t.Errorf("Secret(%q) = %s, want %s", in, got, want)
		}
	}
}

// FuzzSecret: a description shows at most the first two characters of a
// secret, quoted, and its length; never a control code or a line break.
func FuzzSecret(f *testing.F) {
	for _, s := range []string{"", "short", "s3cr3t-dev-key", "héllo wörld", "\xff\xfe-invalid-utf8", "\u202e\x1b[31mred-secret"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, secret string) {
		got := Secret(secret)
		n := utf8.RuneCountInString(secret)
		want := fmt.Sprintf("of %d characters", n)
		if n >= 8 {
			want = fmt.Sprintf("%q… (%d characters)", string([]rune(secret)[:2]), n)
		}
		if got != want {
			t.Errorf("Secret(%q) = %s, want %s", secret, got, want)
		}
		if !clean(got, "") {
			t.Errorf("Secret(%q) = %q shows a control character", secret, got)
		}
	})
}
