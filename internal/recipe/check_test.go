package recipe

import (
	"context"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/txtartest"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the start of the error; "" for none
	}{
		{"the tests' recipes", matchRecipes + rewriteRecipes, ""},
		{"after of another type", header + `func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterParse(s string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.Sign(nil) }`,
			"recipes.go:9:73: cannot use auth.Sign(nil) (value of type string) as *jwt.Token value in return statement"},
		{"method the type does not have", header + `func beforeSign(t *jwt.Token, key []byte) (string, error) { return t.SignedString(key) }
func afterSign(t *jwt.Token, key []byte) (string, error)  { return t.Sign() }`,
			"recipes.go:9:70: t.Sign undefined (type *jwt.Token has no field or method Sign)"},
		{"conversion to a library type", header + `func beforeK(f func(*jwt.Token) (any, error)) jwt.Keyfunc { return jwt.Keyfunc(f) }
func afterK(f func(*jwt.Token) (any, error)) jwt.Keyfunc { return auth.Key }`,
			"recipes.go:8:68: beforeK must return a call of a JWT library's function or method; jwt.Keyfunc is not a function call"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := ParseFile(fset, "recipes.go", []byte(tt.src), Options{IsLibrary: isJWT})
			if err != nil {
				t.Fatalf("refused from the syntax: %v", err)
			}
			err = f.Check(newSrcImporter(fset), Options{IsLibrary: isJWT})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Check: %v", err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Errorf("Check: %v\nwant it to start with: %s", err, tt.want)
			}
		})
	}
}

// TestCheckLearnsNames checks that a renamed import's package name, which
// the syntax does not show, is learned, and used by a new import.
func TestCheckLearnsNames(t *testing.T) {
	src := `package recipes

import (
	z "example.com/authz"
	"github.com/golang-jwt/jwt/v5"
)

func beforeV(t *jwt.Token) { t.SigningString() }
func afterV(t *jwt.Token)  { z.Verify(t.Raw) }
`
	fset := token.NewFileSet()
	f, err := ParseFile(fset, "recipes.go", []byte(src), Options{IsLibrary: isJWT})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Check(newSrcImporter(fset), Options{IsLibrary: isJWT}); err != nil {
		t.Fatal(err)
	}
	if got := f.names["example.com/authz"]; got != "authn" {
		t.Fatalf("learned name %q, want authn", got)
	}
	tg := newTestTarget(t, `package billing

import "github.com/golang-jwt/jwt/v5"

func f(t *jwt.Token) {
	t.SigningString()
}
`)
	ms, _ := matchAll(t, NewSet(f), tg)
	got := applyFixes(t, tg, Fixes(ms))
	want := `package billing

import (
	"example.com/authz"
	"github.com/golang-jwt/jwt/v5"
)

func f(t *jwt.Token) {
	authn.Verify(t.Raw)
}
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	typeChecks(t, got)
}

// TestLoad type-checks recipe files of a module with go/packages, as the
// standalone scan does.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command (go list) on a module; skipped with -short")
	}
	dir := txtartest.Extract(t, filepath.Join("testdata", "modules", "recipes.txtar"))
	tests := []struct{ file, want string }{
		{"good.go", ""},
		{"bad.go", "bad.go:11:73: cannot use auth.Sign(nil) (value of type string) as *jwt.Token value in return statement"},
		{"missing.go", "missing.go:6:2: cannot load \"example.com/app/internal/nothere\""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			name := filepath.Join(dir, "tools", "recipes", tt.file)
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := ParseFile(token.NewFileSet(), name, src, Options{IsLibrary: isJWT})
			if err != nil {
				t.Fatal(err)
			}
			err = f.Load(context.Background(), dir, nil, Options{IsLibrary: isJWT})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Load: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Load: %v\nwant: %s", err, tt.want)
			}
		})
	}
}
