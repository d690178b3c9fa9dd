package visible

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, text, lines, code string }{
		{"plain ./internal/auth/... é 世界", "plain ./internal/auth/... é 世界", "plain ./internal/auth/... é 世界", "plain ./internal/auth/... é 世界"},
		{"a\nb", `a\nb`, "a\nb", `a\nb`},
		{"a\r\nb", `a\r\nb`, "a\\r\nb", `a\r\nb`},
		{"\tx", `\tx`, `\tx`, "\tx"},
		{"\x1b[31mred\x1b]8;;http://x\x07", `\x1b[31mred\x1b]8;;http://x\x07`, `\x1b[31mred\x1b]8;;http://x\x07`, `\x1b[31mred\x1b]8;;http://x\x07`},
		{"nul\x00del\x7f", `nul\x00del\x7f`, `nul\x00del\x7f`, `nul\x00del\x7f`},
		{"c1\u0085\u009b", "c1<U+0085><U+009B>", "c1<U+0085><U+009B>", "c1<U+0085><U+009B>"},
		{"user\u202e\u2066txt.go\u2069", "user<U+202E><U+2066>txt.go<U+2069>", "user<U+202E><U+2066>txt.go<U+2069>", "user<U+202E><U+2066>txt.go<U+2069>"},
		{"\u202a\u202b\u202c\u202d\u2067\u2068\u200e\u200f\u061c", "<U+202A><U+202B><U+202C><U+202D><U+2067><U+2068><U+200E><U+200F><U+061C>", "", ""},
		{"ls\u2028ps\u2029", "ls<U+2028>ps<U+2029>", "", ""},
		{"bad\xff\x9butf8", `bad\xff\x9butf8`, `bad\xff\x9butf8`, `bad\xff\x9butf8`},
	} {
		if got := Text(tc.in); got != tc.text {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.text)
		}
		if tc.lines != "" {
			if got := Lines(tc.in); got != tc.lines {
				t.Errorf("Lines(%q) = %q, want %q", tc.in, got, tc.lines)
			}
		}
		if tc.code != "" {
			if got := Code(tc.in); got != tc.code {
				t.Errorf("Code(%q) = %q, want %q", tc.in, got, tc.code)
			}
		}
	}
}

func TestPage(t *testing.T) {
	in := "<p title=\"a\u202eb\">x\x1by\u2066</p>\n\t<pre>\ta</pre>"
	want := "<p title=\"a&lt;U+202E&gt;b\">x\\x1by&lt;U+2066&gt;</p>\n\t<pre>\ta</pre>"
	if got := string(Page([]byte(in))); got != want {
		t.Errorf("Page(%q) = %q, want %q", in, got, want)
	}
	clean := []byte("<p>\n\tplain é</p>")
	if got := Page(clean); &got[0] != &clean[0] {
		t.Error("Page copied a page that needs no escaping")
	}
}

// FuzzText: whatever the input, Text's output is valid UTF-8 with no
// hidden character, and Lines' has no hidden character but line breaks.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "a\nb", "\x1b[2J", "\u202e", "\xff", "x\u2028y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, out := range map[string]string{"Text": Text(s), "Lines": strings.ReplaceAll(Lines(s), "\n", ""), "Code": strings.ReplaceAll(Code(s), "\t", "")} {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q: not UTF-8", name, s, out)
			}
			for _, r := range out {
				if IsHidden(r) {
					t.Fatalf("%s(%q) = %q holds %U", name, s, out, r)
				}
			}
		}
	})
}
