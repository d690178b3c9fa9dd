package recipe

import (
	"errors"
	"go/token"
	"strings"
	"testing"
)

// header is the start of the recipe files of the tests.
const header = `package recipes

import (
	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

`

func TestParseCallee(t *testing.T) {
	tests := []struct {
		name, body, callee string
	}{
		{"function", `
func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterParse(s string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.ParseToken(s) }`,
			"github.com/golang-jwt/jwt/v5.Parse"},
		{"method on a wildcard", `
func beforeSign(t *jwt.Token, key []byte) (string, error) { return t.SignedString(key) }
func afterSign(t *jwt.Token, key []byte) (string, error)  { return auth.Sign(t) }`,
			"(*github.com/golang-jwt/jwt/v5.Token).SignedString"},
		{"method on a call", `
func beforeP(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.NewParser().Parse(s, kf) }
func afterP(s string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.ParseToken(s) }`,
			"(github.com/golang-jwt/jwt/v5.NewParser(...)).Parse"},
		{"generic", `
func beforeC(t *jwt.Token) (string, error) { return jwt.ClaimAs[string](t, "sub") }
func afterC(t *jwt.Token) (string, error)  { return auth.Claim[string](t, "sub") }`,
			"github.com/golang-jwt/jwt/v5.ClaimAs"},
		{"without results", `
func before(t *jwt.Token, k []byte) { t.SignedString(k) }
func after(t *jwt.Token, k []byte)  { auth.Check(t) }`,
			"(*github.com/golang-jwt/jwt/v5.Token).SignedString"},
		{"names differ, types equal", `
func beforeX(a string, b jwt.Keyfunc, c ...jwt.ParserOption) (*jwt.Token, error) { return jwt.Parse(a, b, c...) }
func afterX(s string, _ jwt.Keyfunc, opts ...jwt.ParserOption) (*jwt.Token, error) { return auth.ParseTokenWith(s, opts...) }`,
			"github.com/golang-jwt/jwt/v5.Parse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustParse(t, header+tt.body+"\n")
			if len(f.Recipes) != 1 {
				t.Fatalf("%d recipes, want 1", len(f.Recipes))
			}
			if got := f.Recipes[0].Callee; got != tt.callee {
				t.Errorf("Callee = %s, want %s", got, tt.callee)
			}
		})
	}
}

func TestParseRefusals(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // file:line:col: message, the message's start
	}{
		{"syntax error", header + "func beforeX( {", "recipes.go:8:15: expected"},
		{"no recipes", header + "var _ = jwt.Parse\nvar _ = auth.Sign\n", "recipes.go:1:1: no recipes"},
		{"before without after", header + `func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
var _ = auth.Sign`,
			"recipes.go:8:1: beforeParse has no afterParse"},
		{"after without before", header + `func afterParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return auth.ParseToken(s) }
var _ = jwt.Parse`,
			"recipes.go:8:1: afterParse has no beforeParse"},
		{"result types differ", header + `func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterParse(s string, kf jwt.Keyfunc) (jwt.Token, error) { return auth.ParseToken(s) }`,
			"recipes.go:9:44: beforeParse and afterParse differ in type: result 1 is *jwt.Token in beforeParse and jwt.Token in afterParse"},
		{"parameter types differ", header + `func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterParse(s []byte, kf jwt.Keyfunc) (*jwt.Token, error) { return auth.ParseToken(string(s)) }`,
			"recipes.go:9:19: beforeParse and afterParse differ in type: parameter 1 is string in beforeParse and []byte in afterParse"},
		{"parameter counts differ", header + `func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterParse(s string) (*jwt.Token, error) { return auth.ParseToken(s) }`,
			"recipes.go:9:1: beforeParse and afterParse differ in type: beforeParse has 2 parameters, afterParse has 1"},
		{"variadic against slice", header + `func beforeP(s string, kf jwt.Keyfunc, o ...jwt.ParserOption) (*jwt.Token, error) { return jwt.Parse(s, kf, o...) }
func afterP(s string, kf jwt.Keyfunc, o []jwt.ParserOption) (*jwt.Token, error) { return auth.ParseTokenWith(s, o...) }`,
			"recipes.go:9:41: beforeP and afterP differ in type: parameter 3 is ...jwt.ParserOption in beforeP and []jwt.ParserOption in afterP"},
		{"two statements", header + `func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { s = "x"; return jwt.Parse(s, kf) }
func afterParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return auth.ParseToken(s) }`,
			"recipes.go:8:1: the body of beforeParse must be a single return statement"},
		{"return of two operands", header + `func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return nil, nil }`,
			"recipes.go:9:65: afterParse must return a single expression"},
		{"not a call", header + `func beforeK(kf jwt.Keyfunc) jwt.Keyfunc { return kf }
func afterK(kf jwt.Keyfunc) jwt.Keyfunc { return auth.Key }`,
			"recipes.go:8:51: beforeK must return a call of a JWT library's function or method, not kf"},
		{"call of a non-library function", header + `import "strings"
func beforeT(s string) string { return strings.TrimSpace(s) }
func afterT(s string) string { return auth.Claim[string](nil, s) }`,
			"recipes.go:9:40: beforeT: strings.TrimSpace is not of a JWT library (strings)"},
		{"method of a non-library type", header + `import "strings"
func beforeR(r *strings.Reader) int { return r.Len() }
func afterR(r *strings.Reader) int { return len(auth.Sign) }`,
			"recipes.go:9:46: beforeR: method Len is called on r of type *strings.Reader, not a JWT library's type"},
		{"call of a parameter", header + `func beforeF(f func(string) (*jwt.Token, error), s string) (*jwt.Token, error) { return f(s) }
func afterF(f func(string) (*jwt.Token, error), s string) (*jwt.Token, error) { return auth.ParseToken(s) }`,
			"recipes.go:8:89: beforeF calls its parameter f"},
		{"function literal", header + `func beforeP(s string) (*jwt.Token, error) { return jwt.Parse(s, func(*jwt.Token) (any, error) { return nil, nil }) }
func afterP(s string) (*jwt.Token, error) { return auth.ParseToken(s) }`,
			"recipes.go:8:66: beforeP holds a function literal"},
		{"name of the recipe file", header + `var key jwt.Keyfunc
func beforeP(s string) (*jwt.Token, error) { return jwt.Parse(s, key) }
func afterP(s string) (*jwt.Token, error) { return auth.ParseToken(s) }`,
			"recipes.go:9:66: beforeP uses key, which is declared in the recipe file"},
		{"type of the recipe file", header + `type mine string
func beforeP(s mine, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(string(s), kf) }
func afterP(s mine, kf jwt.Keyfunc) (*jwt.Token, error) { return auth.ParseToken(string(s)) }`,
			"recipes.go:9:16: type mine is declared in the recipe file"},
		{"after uses a parameter the before does not", header + `func beforeP(s string, kf jwt.Keyfunc, k string) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterP(s string, kf jwt.Keyfunc, k string) (*jwt.Token, error) { return auth.ParseToken(k) }`,
			"recipes.go:9:1: afterP uses parameter k, which beforeP does not: nothing in the matched call binds it"},
		{"unused parameter", header + `func beforeP(s string, kf jwt.Keyfunc, k string) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterP(s string, kf jwt.Keyfunc, k string) (*jwt.Token, error) { return auth.ParseToken(s) }`,
			"recipes.go:8:1: parameter k of beforeP is not used"},
		{"variadic not passed on last", header + `func beforeP(s string, o ...jwt.ParserOption) (*jwt.Token, error) { return jwt.Parse(s, nil, o[0]) }
func afterP(s string, o ...jwt.ParserOption) (*jwt.Token, error) { return auth.ParseTokenWith(s, o...) }`,
			"recipes.go:8:94: beforeP uses the variadic parameter o"},
		{"dot import", `package recipes

import . "github.com/golang-jwt/jwt/v5"

func beforeP(s string, kf Keyfunc) (*Token, error) { return Parse(s, kf) }
func afterP(s string, kf Keyfunc) (*Token, error) { return Parse(s, kf) }`,
			"recipes.go:3:8: dot import of \"github.com/golang-jwt/jwt/v5\""},
		{"method recipe", header + `type r struct{}
func (r) beforeP(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterP(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return auth.ParseToken(s) }`,
			"recipes.go:9:1: beforeP is a method"},
		{"generic recipe", header + `func beforeC[T any](t *jwt.Token) (T, error) { return jwt.ClaimAs[T](t, "sub") }
func afterC[T any](t *jwt.Token) (T, error) { return auth.Claim[T](t, "sub") }`,
			"recipes.go:8:1: beforeC has type parameters"},
		{"statement in a function without results", header + `func before(t *jwt.Token, k []byte) { return }
func after(t *jwt.Token, k []byte) { auth.Check(t) }`,
			"recipes.go:8:39: before has no results: its body must be a single expression statement"},
		{"interface literal type", header + `func beforeS(c interface{ GetSubject() (string, error) }) (string, error) { return c.GetSubject() }
func afterS(c interface{ GetSubject() (string, error) }) (string, error) { return auth.Subject(nil) }`,
			"recipes.go:8:16: an interface literal is not supported as a recipe type"},
		{"unknown import name", `package recipes

import (
	"example.com/one"
	"example.com/two"
)

func beforeP(s string) error { return x.P(s) }
func afterP(s string) error { return y.Q(s) }`,
			"recipes.go:4:2: cannot tell from the syntax which name import \"example.com/one\" declares"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFile(token.NewFileSet(), "recipes.go", []byte(tt.src), Options{IsLibrary: isJWT})
			if err == nil {
				t.Fatalf("accepted, want %q", tt.want)
			}
			var list ErrorList
			var one *Error
			if !errors.As(err, &list) && !errors.As(err, &one) {
				t.Fatalf("error %T, want ErrorList or *Error", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to start with:\n%s", err, tt.want)
			}
		})
	}
}

// TestParseAllErrors checks that a file with several bad recipes reports
// each, in the order of the file.
func TestParseAllErrors(t *testing.T) {
	src := header + `func beforeA(s string) (*jwt.Token, error) { return jwt.Parse(s, nil) }
func beforeB(s string) (*jwt.Token, error) { return jwt.Parse(s, nil) }
func afterB(s string) (string, error) { return auth.Sign(nil) }
`
	_, err := ParseFile(token.NewFileSet(), "recipes.go", []byte(src), Options{IsLibrary: isJWT})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("errors:\n%v\nwant 2", err)
	}
	if list[0].Pos.Line != 8 || list[1].Pos.Line != 10 {
		t.Errorf("errors at lines %d and %d, want 8 and 10", list[0].Pos.Line, list[1].Pos.Line)
	}
}

// TestErrorEscapesFileName checks that a file name with a control
// character reaches the terminal quoted.
func TestErrorEscapesFileName(t *testing.T) {
	_, err := ParseFile(token.NewFileSet(), "rec\x1b[31mipes.go", []byte("package p"), Options{})
	if err == nil || strings.ContainsRune(err.Error(), '\x1b') || !strings.HasPrefix(err.Error(), `"rec\x1b[31mipes.go":1:1: no recipes`) {
		t.Errorf("error %q, want the name quoted", err)
	}
}

func TestRecipeHalf(t *testing.T) {
	tests := []struct {
		fn, half, name string
		ok             bool
	}{
		{"before", "before", "", true},
		{"afterParse", "after", "Parse", true},
		{"before_parse", "before", "_parse", true},
		{"before2", "before", "2", true},
		{"afterwards", "", "", false},
		{"beforehand", "", "", false},
		{"parse", "", "", false},
	}
	for _, tt := range tests {
		half, name, ok := recipeHalf(tt.fn)
		if half != tt.half || name != tt.name || ok != tt.ok {
			t.Errorf("recipeHalf(%q) = %q, %q, %v; want %q, %q, %v", tt.fn, half, name, ok, tt.half, tt.name, tt.ok)
		}
	}
}

// FuzzParseFile feeds the recipe reader arbitrary files: it must return a
// file or an error, never panic, and every error names a position.
func FuzzParseFile(f *testing.F) {
	f.Add([]byte(header + `func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterParse(s string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.ParseToken(s) }`))
	f.Add([]byte(header + `func beforeX(a string, o ...jwt.ParserOption) (*jwt.Token, error) { return jwt.NewParser(o...).Parse(a, nil) }
func afterX(a string, o ...jwt.ParserOption) (*jwt.Token, error) { return auth.ParseTokenWith(a, o...) }`))
	f.Add([]byte(header + `func before(t *jwt.Token, k [4]byte, m map[string]chan<- int) { t.SignedString(jwt.MapClaims{"a": k[1:]}) }
func after(t *jwt.Token, k [4]byte, m map[string]chan<- int) { auth.Check(t) }`))
	f.Add([]byte("package p\nimport \"x\"\nfunc before(){x.F()}\nfunc after(){x.G()}"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := ParseFile(token.NewFileSet(), "fuzz.go", src, Options{IsLibrary: isJWT})
		if err == nil {
			if file == nil || len(file.Recipes) == 0 {
				t.Fatal("no error and no recipes")
			}
			return
		}
		var list ErrorList
		var one *Error
		switch {
		case errors.As(err, &list):
			for _, e := range list {
				if e.Pos.Filename != "fuzz.go" {
					t.Fatalf("error without the file's name: %v", e)
				}
			}
		case errors.As(err, &one):
		default:
			t.Fatalf("error of type %T: %v", err, err)
		}
	})
}
