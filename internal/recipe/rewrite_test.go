package recipe

import (
	"strings"
	"testing"
)

// Recipes the rewriting tests add to matchRecipes.
const rewriteRecipes = `
func beforeKeep(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.NewParser(jwt.WithLeeway(0)).Parse(s, kf) }
func afterKeep(s string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.ParseWithKey(s, kf) }

func beforeNew(m jwt.SigningMethod, c jwt.Claims) *jwt.Token { return jwt.NewWithClaims(m, c) }
func afterNew(m jwt.SigningMethod, c jwt.Claims) *jwt.Token  { return auth.NewToken(c) }

func beforeAlg(m *jwt.SigningMethodHMAC) string { return m.Alg() }
func afterAlg(m *jwt.SigningMethodHMAC) string  { return "H" + auth.Alg() }

func beforeSigning(t *jwt.Token, k int) (string, error) { return t.SignedString(k) }
func afterSigning(t *jwt.Token, k int) (string, error)  { return t.SigningString() }
`

// rewriteCases are the files the rewriting tests fix, and the result.
var rewriteCases = []struct {
	name, src, want string
	refuse          string // the start of a refusal, for a match without a fix
}{
	{name: "import added, library import deleted", src: `package billing

import (
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

func check(raw string) error {
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return []byte("k"), nil
	})
	fmt.Println(tok)
	return err
}
`, want: `package billing

import (
	"fmt"

	"example.com/app/internal/auth"
)

func check(raw string) error {
	tok, err := auth.ParseToken(raw)
	fmt.Println(tok)
	return err
}
`},
	{name: "existing import reused, library import kept", src: `package billing

import (
	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

var opt = jwt.WithLeeway(0)

func check(raw string) error {
	_, err := jwt.Parse(raw, auth.Key)
	return err
}
`, want: `package billing

import (
	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

var opt = jwt.WithLeeway(0)

func check(raw string) error {
	_, err := auth.ParseToken(raw)
	return err
}
`},
	{name: "two calls delete the import together", src: `package billing

import (
	"github.com/golang-jwt/jwt/v5"
	"net/http"
)

func a(r *http.Request) error {
	_, err := jwt.Parse(r.Header.Get("A"), nil)
	return err
}

func b(s string) error {
	_, err := jwt.Parse(s, nil)
	return err
}
`, want: `package billing

import (
	"net/http"

	"example.com/app/internal/auth"
)

func a(r *http.Request) error {
	_, err := auth.ParseToken(r.Header.Get("A"))
	return err
}

func b(s string) error {
	_, err := auth.ParseToken(s)
	return err
}
`},
	{name: "name of the import taken by a local variable", src: `package billing

import "github.com/golang-jwt/jwt/v5"

func check(r map[string]string) error {
	auth := r["Authorization"]
	_, err := jwt.Parse(auth, nil)
	return err
}
`, want: `package billing

import auth2 "example.com/app/internal/auth"

func check(r map[string]string) error {
	auth := r["Authorization"]
	_, err := auth2.ParseToken(auth)
	return err
}
`},
	{name: "existing import hidden at the call", src: `package billing

import (
	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

var _ = auth.Key

func check(auth string) error {
	_, err := jwt.Parse(auth, nil)
	return err
}
`, want: `package billing

import (
	"example.com/app/internal/auth"
	auth2 "example.com/app/internal/auth"
)

var _ = auth.Key

func check(auth string) error {
	_, err := auth2.ParseToken(auth)
	return err
}
`},
	{name: "single import declaration replaced", src: `package billing

import "github.com/golang-jwt/jwt/v5"

func check(s string) error {
	_, err := jwt.Parse(s, nil)
	return err
}
`, want: `package billing

import "example.com/app/internal/auth"

func check(s string) error {
	_, err := auth.ParseToken(s)
	return err
}
`},
	{name: "single import declarations", src: `package billing

import "fmt"
import "github.com/golang-jwt/jwt/v5"

func check(s string) error {
	_, err := jwt.Parse(s, nil)
	return fmt.Errorf("%w", err)
}
`, want: `package billing

import (
	"fmt"

	"example.com/app/internal/auth"
)

func check(s string) error {
	_, err := auth.ParseToken(s)
	return fmt.Errorf("%w", err)
}
`},
	{name: "file without imports", src: `package billing

func sign() (string, error) {
	return tok.SignedString(key)
}
`, want: `package billing

import "example.com/app/internal/auth"

func sign() (string, error) {
	return auth.Sign(tok)
}
`},
	{name: "call over several lines", src: `package billing

import "github.com/golang-jwt/jwt/v5"

func check(raw string) (*jwt.Token, error) {
	tok, err := jwt.NewParser().
		Parse(
			raw,
			nil,
		)
	return tok, err
}
`, want: `package billing

import (
	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

func check(raw string) (*jwt.Token, error) {
	tok, err := auth.ParseToken(raw)
	return tok, err
}
`},
	{name: "kept function literal moves up a level", src: `package billing

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func check(raw string) (*jwt.Token, error) {
	return jwt.NewParser(jwt.WithLeeway(0)).Parse(
		raw,
		func(t *jwt.Token) (any, error) {
			return []byte(os.Getenv("KEY")), nil
		},
	)
}
`, want: `package billing

import (
	"os"

	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

func check(raw string) (*jwt.Token, error) {
	return auth.ParseWithKey(raw, func(t *jwt.Token) (any, error) {
		return []byte(os.Getenv("KEY")), nil
	})
}
`},
	{name: "dropped function literal takes its import along", src: `package billing

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func check(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return []byte(os.Getenv("KEY")), nil
	})
	return err
}
`, want: `package billing

import (
	"example.com/app/internal/auth"
)

func check(raw string) error {
	_, err := auth.ParseToken(raw)
	return err
}
`},
	{name: "variable only the dropped text reads", src: `package billing

import "github.com/golang-jwt/jwt/v5"

func check(raw string) error {
	key := []byte("k")
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil })
	return err
}
`, refuse: "the rewrite would leave variable key (line 6) unused"},
	{name: "variadic arguments passed on", src: `package billing

import "github.com/golang-jwt/jwt/v5"

func check(raw string, opts []jwt.ParserOption) {
	jwt.ParseWithClaims(raw, jwt.MapClaims{}, nil, jwt.WithLeeway(0), jwt.WithIssuer("i"))
	jwt.ParseWithClaims(raw, jwt.MapClaims{}, nil)
	jwt.ParseWithClaims(raw, jwt.MapClaims{}, nil, opts...)
}
`, want: `package billing

import (
	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

func check(raw string, opts []jwt.ParserOption) {
	auth.ParseTokenWith(raw, jwt.WithLeeway(0), jwt.WithIssuer("i"))
	auth.ParseTokenWith(raw)
	auth.ParseTokenWith(raw, opts...)
}
`},
	{name: "nested matches, one fix", src: `package billing

import "github.com/golang-jwt/jwt/v5"

func sign(c jwt.MapClaims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}
`, want: `package billing

import (
	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

func sign(c jwt.MapClaims, key []byte) (string, error) {
	return auth.Sign(auth.NewToken(c))
}
`},
	{name: "implicit address made explicit", src: `package billing

import "github.com/golang-jwt/jwt/v5"

func sign(t jwt.Token) (string, error) {
	return t.SignedString(1)
}
`, want: `package billing

import "github.com/golang-jwt/jwt/v5"

func sign(t jwt.Token) (string, error) {
	return (&t).SigningString()
}
`},
	{name: "replacement parenthesized", src: `package billing

import "github.com/golang-jwt/jwt/v5"

func alg() string {
	return jwt.SigningMethodHS256.Alg()[1:]
}
`, want: `package billing

import "example.com/app/internal/auth"

func alg() string {
	return ("H" + auth.Alg())[1:]
}
`},
	{name: "dot import of the auth package", src: `package billing

import (
	. "example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

var _ = Key

func check(s string) error {
	_, err := jwt.Parse(s, nil)
	return err
}
`, want: `package billing

import (
	. "example.com/app/internal/auth"
)

var _ = Key

func check(s string) error {
	_, err := ParseToken(s)
	return err
}
`},
	{name: "statement without results", src: `package billing

import "github.com/golang-jwt/jwt/v5"

func check(t *jwt.Token) {
	t.SigningString()
}
`, want: `package billing

import (
	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

func check(t *jwt.Token) {
	auth.Check(t)
}
`},
}

func TestRewrite(t *testing.T) {
	s := NewSet(mustParse(t, matchRecipes+rewriteRecipes))
	other := "package billing\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nvar tok *jwt.Token\nvar key []byte\n"
	for _, tt := range rewriteCases {
		t.Run(tt.name, func(t *testing.T) {
			tg := newTestTarget(t, tt.src, other)
			ms, refusals := matchAll(t, s, tg)
			if len(refusals) > 0 {
				t.Fatalf("refusals: %v", refusals)
			}
			if len(ms) == 0 {
				t.Fatal("no match")
			}
			results := Fixes(ms)
			if tt.refuse != "" {
				for _, r := range results {
					if r.Fix != nil || r.Err == nil || !strings.Contains(r.Err.Error(), tt.refuse) {
						t.Errorf("result %v, %v; want the refusal %q", r.Fix, r.Err, tt.refuse)
					}
				}
				return
			}
			for _, r := range results {
				if r.Err != nil {
					t.Fatalf("%s: %v", tg.text(r.Match.Call), r.Err)
				}
			}
			got := applyFixes(t, tg, results)
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			gofmtStable(t, got)
			typeChecks(t, got, other)
		})
	}
}
