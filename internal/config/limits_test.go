package config

import (
	"fmt"
	"strings"
	"testing"
)

// TestParseConfigPathological: inputs that blow up naive YAML handling stay
// cheap. ParseConfig decodes into yaml.Node, where an alias is a pointer to
// its anchor, never a copy, and it follows at most 8 aliases in a row; so a
// "billion laughs" file costs what its text costs.
func TestParseConfigPathological(t *testing.T) {
	laughs := "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	prev := "a"
	for c := 'b'; c <= 'j'; c++ {
		refs := strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", ")
		laughs += fmt.Sprintf("%c: &%c [%s]\n", c, c, refs)
		prev = string(c)
	}
	for _, tc := range []struct {
		name, src string
		maxErr    int // bytes of error text
	}{
		{"billion laughs into a setting", laughs + "auth: *j\n", 4 << 10},
		{"alias chain", "a: &a [x]\nb: &b *a\nc: &c *b\nauth: *c\n", 1 << 10},
		{"self-referencing alias", "auth: &a [*a]\n", 1 << 10},
		{"deep flow nesting", "auth: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n", 1 << 10},
		{"deep mapping nesting", "auth: " + strings.Repeat("{a: ", 5000) + "x" + strings.Repeat("}", 5000) + "\n", 1 << 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tc.src))
			if err == nil {
				t.Fatal("accepted")
			}
			if n := len(err.Error()); n > tc.maxErr {
				t.Errorf("%d bytes of errors (over %d): %.200s...", n, tc.maxErr, err)
			}
		})
	}
}
