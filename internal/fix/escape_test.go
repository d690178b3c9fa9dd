package fix

import "testing"

func TestSafeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"internal/pay/pay.go", "internal/pay/pay.go"},
		{"with space.go", "with space.go"},
		{"naïve.go", "naïve.go"},
		{"a\x1b[31m.go", `"a\x1b[31m.go"`},
		{"new\nline.go", `"new\nline.go"`},
		{"tab\t.go", `"tab\t.go"`},
		{"\u202egol.go", `"\u202egol.go"`},
		{"quote\".go", `"quote\".go"`},
		{"bad\xff.go", `"bad\xff.go"`},
		{"", `""`},
	}
	for _, tt := range tests {
		if got := SafeName(tt.in); got != tt.want {
			t.Errorf("SafeName(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSafeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"x := 1\t// ok", "x := 1\t// ok"},
		{"red \x1b[31m", `red \x1b[31m`},
		{"bidi \u202e", `bidi \u202e`},
		{"bad \xff byte", `bad \xff byte`},
		{"line\u2028sep", `line\u2028sep`},
		{"naïve", "naïve"},
	}
	for _, tt := range tests {
		if got := SafeText(tt.in); got != tt.want {
			t.Errorf("SafeText(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestAssumedName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"github.com/golang-jwt/jwt/v5", "jwt"},
		{"github.com/go-chi/jwtauth", "jwtauth"},
		{"github.com/lestrrat-go/jwx/v2/jwt", "jwt"},
		{"gopkg.in/square/go-jose.v2", "jose"},
		{"example.com/app/internal/auth", "auth"},
		{"v2", "v2"},
	}
	for _, tt := range tests {
		if got := AssumedName(tt.in); got != tt.want {
			t.Errorf("AssumedName(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
