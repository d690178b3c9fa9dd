package recipe

import (
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// synthModule is testdata/src/example.com/app, taken for a module whose
// path is example.com/app: replacements' use functions are read there.
var synthModule = filepath.Join("testdata", "src", "example.com", "app")

func replacement(symbol, use string) Replacement {
	cut := func(s string) (string, string) {
		i := strings.LastIndex(s, ".")
		return s[:i], s[i+1:]
	}
	r := Replacement{Symbol: symbol, Use: use}
	r.SymbolPkg, r.SymbolName = cut(symbol)
	r.UsePkg, r.UseName = cut(use)
	return r
}

// TestSynthesize: a replacement whose use is a function of the module
// gives the recipe "call the library's function with the use function's
// parameters; call the use function instead", so a call is rewritten
// when its arguments and results fit the use function's signature, and
// only then.
func TestSynthesize(t *testing.T) {
	src := `package billing

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func f(raw string, kf jwt.Keyfunc) {
	_, _ = jwt.Parse(raw, kf)
	_, _ = jwt.Parse(raw, kf, jwt.WithLeeway(time.Minute))
}
`
	for _, tt := range []struct {
		name, use string
		want      string // the fixed first call; "" for no fix of either call
	}{
		{"fits", "example.com/app/internal/auth.ParseWithKey", "auth.ParseWithKey(raw, kf)"},
		{"fewer parameters", "example.com/app/internal/auth.ParseToken", ""},
		{"other parameter types", "example.com/app/internal/auth.ParseTokenWith", ""},
		{"other results", "example.com/app/internal/auth.Validate", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep := replacement("github.com/golang-jwt/jwt/v5.Parse", tt.use)
			l := NewLoader(func(string) ([]byte, error) { return nil, errors.New("no files here") })
			s, err := l.Load(Request{Replacements: []Replacement{rep}, BaseDir: synthModule, BasePath: "example.com/app", IsLibrary: isJWT})
			if err != nil {
				t.Fatal(err)
			}
			tg := newTestTarget(t, src)
			var ms []*Match
			if s != nil {
				ms, _ = matchAll(t, s, tg)
			}
			if tt.want == "" {
				if len(ms) > 0 {
					t.Fatalf("%d calls match, want none", len(ms))
				}
				return
			}
			if len(ms) != 1 {
				t.Fatalf("%d calls match, want the two-argument one", len(ms))
			}
			res := Fixes(ms)
			if res[0].Err != nil {
				t.Fatal(res[0].Err)
			}
			if got := res[0].Fix.Message; got != "call "+tt.use+" instead (replacements)" {
				t.Errorf("message %q", got)
			}
			out := applyFixes(t, tg, res)
			if !strings.Contains(out, "_, _ = "+tt.want+"\n") {
				t.Errorf("fixed file:\n%s\nwant the call %s", out, tt.want)
			}
			typeChecks(t, out)
		})
	}
}

// TestSynthesizeRefusals: a replacement gives no recipe, and says why,
// when it is not a function for a function of the module.
func TestSynthesizeRefusals(t *testing.T) {
	for _, tt := range []struct {
		symbol, use, want string
	}{
		{"github.com/golang-jwt/jwt/v5.Token.SignedString", "example.com/app/internal/auth.Sign", "not a function"},
		{"github.com/golang-jwt/jwt/v5.Parse", "example.com/app/internal/auth.Claim", "generic"},
		{"github.com/golang-jwt/jwt/v5.Parse", "example.com/app/internal/auth.Nope", "no function Nope"},
		{"github.com/golang-jwt/jwt/v5.Parse", "example.com/other/auth.ParseToken", "not in the scanned module"},
	} {
		rep := Replacement{Symbol: tt.symbol, Use: tt.use}
		i := strings.Index(tt.symbol, "v5.")
		rep.SymbolPkg, rep.SymbolName = tt.symbol[:i+2], tt.symbol[i+3:]
		j := strings.LastIndex(tt.use, ".")
		rep.UsePkg, rep.UseName = tt.use[:j], tt.use[j+1:]
		decl, reason := findUse(rep, synthModule, "example.com/app")
		if decl != nil {
			_, reason = synthesize(token.NewFileSet(), rep, decl, Options{IsLibrary: isJWT})
		}
		if !strings.Contains(reason, tt.want) {
			t.Errorf("%s -> %s: reason %q, want %q", tt.symbol, tt.use, reason, tt.want)
		}
	}
}

// TestSynthSource: the recipe written for a use function qualifies the
// types of its package with the package's name and those of its imports
// with aliases, and passes a variadic parameter on with ...
func TestSynthSource(t *testing.T) {
	rep := replacement("github.com/golang-jwt/jwt/v5.Parse", "example.com/app/internal/auth.ParseTokenWith")
	decl, reason := findUse(rep, synthModule, "example.com/app")
	if reason != "" {
		t.Fatal(reason)
	}
	src, reason := synthSource(rep, decl)
	if reason != "" {
		t.Fatal(reason)
	}
	for _, want := range []string{
		`jwtssot_lib "github.com/golang-jwt/jwt/v5"`,
		`jwtssot_t0 "github.com/golang-jwt/jwt/v5"`,
		`"example.com/app/internal/auth"`,
		"func before(p0 string, p1 ...jwtssot_t0.ParserOption) (*jwtssot_t0.Token, error) { return jwtssot_lib.Parse(p0, p1...) }",
		"func after(p0 string, p1 ...jwtssot_t0.ParserOption) (*jwtssot_t0.Token, error) { return auth.ParseTokenWith(p0, p1...) }",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("recipe source lacks %q:\n%s", want, src)
		}
	}
}

// TestLoaderOnce: the set of one request is made once, however many
// packages ask for it; a bad recipe file is an error naming it, for every
// asker.
func TestLoaderOnce(t *testing.T) {
	var reads atomic.Int32
	files := map[string]string{
		"good.go": "package r\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nfunc before(t *jwt.Token) (string, error) { return t.SigningString() }\nfunc after(t *jwt.Token) (string, error) { return t.SigningString() }\n",
		"bad.go":  "package r\n\nfunc beforeX() {}\n",
	}
	l := NewLoader(func(name string) ([]byte, error) {
		reads.Add(1)
		return []byte(files[name]), nil
	})
	for range 3 {
		s, err := l.Load(Request{Files: []string{"good.go"}, IsLibrary: isJWT})
		if err != nil || s == nil || s.Len() != 1 {
			t.Fatalf("Load = %v, %v", s, err)
		}
	}
	if n := reads.Load(); n != 1 {
		t.Errorf("the recipe file was read %d times, want once", n)
	}
	for range 2 {
		_, err := l.Load(Request{Files: []string{"good.go", "bad.go"}, IsLibrary: isJWT})
		if err == nil || !strings.HasPrefix(err.Error(), "bad.go:3:1: beforeX has no afterX") {
			t.Errorf("Load of a bad file = %v", err)
		}
	}
	if s, err := l.Load(Request{}); s != nil || err != nil {
		t.Errorf("an empty request gives %v, %v", s, err)
	}
}

// TestCovers: the cheap test before a file is read says yes only for a
// call of a function some recipe is for, with as many arguments as its
// pattern takes (or more, past a variadic wildcard); a replacement's
// recipe is made on that test, not before.
func TestCovers(t *testing.T) {
	src := `package billing

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func f(raw string, kf jwt.Keyfunc, t *jwt.Token) {
	_, _ = jwt.Parse(raw, kf)
	_, _ = jwt.Parse(raw, kf, jwt.WithLeeway(time.Minute))
	_, _ = t.SignedString(nil)
}
`
	tg := newTestTarget(t, src)
	cs := calls(tg)
	parse2, parse3, leeway, sign := cs[0], cs[1], cs[2], cs[3]
	files := NewSet(mustParse(t, `package r

import "github.com/golang-jwt/jwt/v5"

func before(t *jwt.Token, k any) (string, error) { return t.SignedString(k) }
func after(t *jwt.Token, k any) (string, error) { return t.SignedString(k) }
`))
	for call, want := range map[*ast.CallExpr]bool{parse2: false, sign: true, leeway: false} {
		if got := files.Covers(tg.Info, call); got != want {
			t.Errorf("Covers(%s) = %v", types.ExprString(call), got)
		}
	}
	made := 0
	lazy := NewSet()
	lazy.addLazy("github.com/golang-jwt/jwt/v5.Parse", func() *File {
		made++
		return mustParse(t, `package r

import "github.com/golang-jwt/jwt/v5"

func before(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func after(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
`)
	})
	if lazy.Covers(tg.Info, sign) || made != 0 {
		t.Errorf("a call of another function made the replacement's recipe (%d times)", made)
	}
	if !lazy.Covers(tg.Info, parse2) || lazy.Covers(tg.Info, parse3) || made != 1 {
		t.Errorf("Covers: the two-argument parse must be covered, the three-argument one not, the recipe made once (%d)", made)
	}
}
