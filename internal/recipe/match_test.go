package recipe

import (
	"go/ast"
	"strings"
	"testing"
)

// Recipes the matching tests share.
const matchRecipes = header + `import "time"

func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
func afterParse(s string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.ParseToken(s) }

func beforeParseOpts(s string, kf jwt.Keyfunc, o ...jwt.ParserOption) (*jwt.Token, error) {
	return jwt.ParseWithClaims(s, jwt.MapClaims{}, kf, o...)
}
func afterParseOpts(s string, kf jwt.Keyfunc, o ...jwt.ParserOption) (*jwt.Token, error) {
	return auth.ParseTokenWith(s, o...)
}

func beforeSign(t *jwt.Token, key []byte) (string, error) { return t.SignedString(key) }
func afterSign(t *jwt.Token, key []byte) (string, error)  { return auth.Sign(t) }

func beforeParser(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.NewParser().Parse(s, kf) }
func afterParser(s string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.ParseToken(s) }

func beforeParserVar(p *jwt.Parser, s string) (*jwt.Token, error) { return p.Parse(s, auth.Key) }
func afterParserVar(p *jwt.Parser, s string) (*jwt.Token, error)  { return auth.ParseToken(s) }

func beforeClaim(t *jwt.Token, name string) (string, error) { return jwt.ClaimAs[string](t, name) }
func afterClaim(t *jwt.Token, name string) (string, error)  { return auth.Claim[string](t, name) }

func beforeClaimOr(t *jwt.Token, name, def string) (string, error) { return jwt.ClaimOr[string](t, name, def) }
func afterClaimOr(t *jwt.Token, name, def string) (string, error)  { return auth.Claim[string](t, name) }

func beforeClaimBool(t *jwt.Token, name string, def bool) (bool, error) { return jwt.ClaimOr(t, name, def) }
func afterClaimBool(t *jwt.Token, name string, def bool) (bool, error)  { return auth.Claim[bool](t, name) }

func beforeValidate(t *jwt.Token) error { return jwt.ValidateAs[jwt.MapClaims](t) }
func afterValidate(t *jwt.Token) error  { return auth.Validate(t) }

func beforeSubject(c jwt.Claims) (string, error) { return c.GetSubject() }
func afterSubject(c jwt.Claims) (string, error)  { return auth.Subject(c) }

func beforeLeeway() jwt.ParserOption { return jwt.WithLeeway(5 * time.Second) }
func afterLeeway() jwt.ParserOption  { return jwt.WithLeeway(time.Minute) }

func beforeAudience() jwt.ParserOption { return jwt.WithAudience("api") }
func afterAudience() jwt.ParserOption  { return jwt.WithIssuer("api") }

func beforeSame(s string) (*jwt.Token, []string, error) { return jwt.NewParser().ParseUnverified(s, jwt.MapClaims{"sub": s}) }
func afterSame(s string) (*jwt.Token, []string, error)  { return jwt.NewParser().ParseUnverified(s, nil) }

func beforeCheck(t *jwt.Token) { t.SigningString() }
func afterCheck(t *jwt.Token)  { auth.Check(t) }
`

func TestMatch(t *testing.T) {
	tests := []struct {
		name   string
		body   string // the body of package billing, after its imports
		call   string // the text of the call to match
		recipe string // the recipe that must match; "" for none
		refuse string // or the start of the refusal's reason
	}{
		{"function", `var tok, err = jwt.Parse("t", nil)`, `jwt.Parse("t", nil)`, "beforeParse/afterParse", ""},
		{"function literal argument", `var _, _ = jwt.Parse("t", func(*jwt.Token) (any, error) { return nil, nil })`,
			`jwt.Parse("t", func(*jwt.Token) (any, error) { return nil, nil })`, "beforeParse/afterParse", ""},
		{"call over several lines", "var _, _ = jwt.Parse(\n\t\"t\",\n\tnil,\n)", "jwt.Parse(\n\t\"t\",\n\tnil,\n)", "beforeParse/afterParse", ""},
		{"in an if statement", `func f(s string) { if _, err := jwt.Parse(s, auth.Key); err != nil { panic(err) } }`, `jwt.Parse(s, auth.Key)`, "beforeParse/afterParse", ""},
		{"argument of another call", `func f(s string) error { return g(jwt.Parse(s, auth.Key)) }
func g(*jwt.Token, error) error { return nil }`, `jwt.Parse(s, auth.Key)`, "beforeParse/afterParse", ""},
		{"parenthesized callee", `var _, _ = (jwt.Parse)("t", nil)`, `(jwt.Parse)("t", nil)`, "beforeParse/afterParse", ""},
		{"options not in the pattern", `var _, _ = jwt.Parse("t", nil, jwt.WithLeeway(0))`, `jwt.Parse("t", nil, jwt.WithLeeway(0))`, "", ""},
		{"renamed import", `var _, _ = jwt.Parse("t", nil)`, `jwt.Parse("t", nil)`, "beforeParse/afterParse", ""},

		{"variadic, no options", `var _, _ = jwt.ParseWithClaims("t", jwt.MapClaims{}, nil)`, `jwt.ParseWithClaims("t", jwt.MapClaims{}, nil)`, "beforeParseOpts/afterParseOpts", ""},
		{"variadic, two options", `var _, _ = jwt.ParseWithClaims("t", jwt.MapClaims{}, nil, jwt.WithLeeway(0), jwt.WithIssuer("i"))`,
			`jwt.ParseWithClaims("t", jwt.MapClaims{}, nil, jwt.WithLeeway(0), jwt.WithIssuer("i"))`, "beforeParseOpts/afterParseOpts", ""},
		{"variadic, spread", `var opts []jwt.ParserOption
var _, _ = jwt.ParseWithClaims("t", jwt.MapClaims{}, nil, opts...)`, `jwt.ParseWithClaims("t", jwt.MapClaims{}, nil, opts...)`, "beforeParseOpts/afterParseOpts", ""},
		{"composite literal of another type", `var _, _ = jwt.ParseWithClaims("t", &jwt.RegisteredClaims{}, nil)`, `jwt.ParseWithClaims("t", &jwt.RegisteredClaims{}, nil)`, "", ""},

		{"method on *jwt.Token", `func f(t *jwt.Token, k []byte) { t.SignedString(k) }`, `t.SignedString(k)`, "beforeSign/afterSign", ""},
		{"method through the implicit &", `func f(t jwt.Token, k []byte) (string, error) { return t.SignedString(k) }`, `t.SignedString(k)`, "beforeSign/afterSign", ""},
		{"method, argument of another type", `func f(t *jwt.Token) (string, error) { return t.SignedString("k") }`, `t.SignedString("k")`, "", ""},
		{"method on a value from a call", `func f(k []byte) (string, error) { return jwt.New(nil).SignedString(k) }`, `jwt.New(nil).SignedString(k)`, "beforeSign/afterSign", ""},
		{"method on *jwt.Parser from NewParser", `var _, _ = jwt.NewParser().Parse("t", nil)`, `jwt.NewParser().Parse("t", nil)`, "beforeParser/afterParser", ""},
		{"method on *jwt.Parser, other options", `var _, _ = jwt.NewParser(jwt.WithLeeway(0)).Parse("t", nil)`, `jwt.NewParser(jwt.WithLeeway(0)).Parse("t", nil)`, "", ""},
		{"method on a *jwt.Parser variable", `var p = jwt.NewParser()
var _, _ = p.Parse("t", auth.Key)`, `p.Parse("t", auth.Key)`, "beforeParserVar/afterParserVar", ""},
		{"qualified argument of the pattern, another value", `var p = jwt.NewParser()
var _, _ = p.Parse("t", nil)`, `p.Parse("t", nil)`, "", ""},
		{"interface method on a concrete type", `func f(c jwt.MapClaims) (string, error) { return c.GetSubject() }`, `c.GetSubject()`, "beforeSubject/afterSubject", ""},
		{"interface method through the interface", `func f(c jwt.Claims) (string, error) { return c.GetSubject() }`, `c.GetSubject()`, "beforeSubject/afterSubject", ""},
		{"own method of the same name", `type mine struct{}
func (mine) GetSubject() (string, error) { return "", nil }
func f(c mine) (string, error) { return c.GetSubject() }`, `c.GetSubject()`, "", ""},

		{"generic, explicit", `func f(t *jwt.Token) (string, error) { return jwt.ClaimAs[string](t, "sub") }`, `jwt.ClaimAs[string](t, "sub")`, "beforeClaim/afterClaim", ""},
		{"generic, written in the call", `func f(t *jwt.Token) (s string, err error) { s, err = jwt.ClaimOr[string](t, "sub", "x"); return }`, `jwt.ClaimOr[string](t, "sub", "x")`, "beforeClaimOr/afterClaimOr", ""},
		{"generic, inferred", `func f(t *jwt.Token) (string, error) { return jwt.ClaimOr(t, "sub", "x") }`, `jwt.ClaimOr(t, "sub", "x")`, "beforeClaimOr/afterClaimOr", ""},
		{"generic, inferred other instance", `func f(t *jwt.Token) (int, error) { return jwt.ClaimOr(t, "n", 1) }`, `jwt.ClaimOr(t, "n", 1)`, "", ""},
		{"generic, type argument only written", `func f(t *jwt.Token) error { return jwt.ValidateAs[jwt.MapClaims](t) }`, `jwt.ValidateAs[jwt.MapClaims](t)`, "beforeValidate/afterValidate", ""},
		{"generic, other type argument only written", `func f(t *jwt.Token) error { return jwt.ValidateAs[jwt.RegisteredClaims](t) }`, `jwt.ValidateAs[jwt.RegisteredClaims](t)`, "", ""},
		{"generic, pattern without type arguments", `func f(t *jwt.Token) (bool, error) { return jwt.ClaimOr[bool](t, "admin", false) }`, `jwt.ClaimOr[bool](t, "admin", false)`, "beforeClaimBool/afterClaimBool", ""},
		{"generic, other instance", `func f(t *jwt.Token) (int, error) { return jwt.ClaimAs[int](t, "n") }`, `jwt.ClaimAs[int](t, "n")`, "", ""},

		{"constant by value", `var _ = jwt.WithLeeway(5 * time.Second)`, `jwt.WithLeeway(5 * time.Second)`, "beforeLeeway/afterLeeway", ""},
		{"constant, other value", `var _ = jwt.WithLeeway(6 * time.Second)`, `jwt.WithLeeway(6 * time.Second)`, "", ""},
		{"string constant by value", `const aud = "api"
var _ = jwt.WithAudience(aud)`, `jwt.WithAudience(aud)`, "beforeAudience/afterAudience", ""},
		{"string constant, other value", `var _ = jwt.WithAudience("web")`, `jwt.WithAudience("web")`, "", ""},

		{"repeated wildcard, same variable", `var s = "t"
var _, _, _ = jwt.NewParser().ParseUnverified(s, jwt.MapClaims{"sub": s})`, `jwt.NewParser().ParseUnverified(s, jwt.MapClaims{"sub": s})`, "beforeSame/afterSame", ""},
		{"repeated wildcard, two variables", `var s, u = "t", "u"
var _, _, _ = jwt.NewParser().ParseUnverified(s, jwt.MapClaims{"sub": u})`, `jwt.NewParser().ParseUnverified(s, jwt.MapClaims{"sub": u})`, "", ""},
		{"repeated wildcard, calls", `func next() string { return "" }
var _, _, _ = jwt.NewParser().ParseUnverified(next(), jwt.MapClaims{"sub": next()})`, `jwt.NewParser().ParseUnverified(next(), jwt.MapClaims{"sub": next()})`, "", ""},

		{"dropped binding with side effects", `func key() jwt.Keyfunc { return nil }
var _, _ = jwt.Parse("t", key())`, `jwt.Parse("t", key())`, "", "afterParse drops kf, and `key()` may have side effects"},
		{"dropped variable", `var key jwt.Keyfunc
var _, _ = jwt.Parse("t", key)`, `jwt.Parse("t", key)`, "beforeParse/afterParse", ""},
		{"dropped conversion of a variable", `var key func(*jwt.Token) (any, error)
var _, _ = jwt.Parse("t", jwt.Keyfunc(key))`, `jwt.Parse("t", jwt.Keyfunc(key))`, "beforeParse/afterParse", ""},

		{"no results, as a statement", `func f(t *jwt.Token) { t.SigningString() }`, `t.SigningString()`, "beforeCheck/afterCheck", ""},
		{"no results, results used", `func f(t *jwt.Token) (string, error) { return t.SigningString() }`, `t.SigningString()`, "", ""},
		{"results, as a go statement", `func f(t *jwt.Token, k []byte) { go t.SignedString(k) }`, `t.SignedString(k)`, "beforeSign/afterSign", ""},

		{"method expression", `func f(t *jwt.Token, k []byte) (string, error) { return (*jwt.Token).SignedString(t, k) }`, `(*jwt.Token).SignedString(t, k)`, "", ""},
		{"call of a function value", `func f(s string) (*jwt.Token, error) { parse := jwt.Parse; return parse(s, nil) }`, `parse(s, nil)`, "", ""},
		{"method value, not a call", `func f(t *jwt.Token) func(any) (string, error) { return t.SignedString }`, ``, "", ""},
		{"local variable named jwt", `type fake struct{}
func (fake) Parse(string, jwt.Keyfunc) (*jwt.Token, error) { return nil, nil }
func f() { jwt := fake{}; jwt.Parse("t", nil) }`, `jwt.Parse("t", nil)`, "", ""},
	}
	s := NewSet(mustParse(t, matchRecipes))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "package billing\n\nimport (\n\t\"time\"\n\n\t\"example.com/app/internal/auth\"\n\tjwt \"github.com/golang-jwt/jwt/v5\"\n)\n\nvar _ = time.Second\nvar _ = auth.Key\nvar _ jwt.Token\n\n" + tt.body + "\n"
			tg := newTestTarget(t, src)
			call := findCall(tg, tt.call)
			if tt.call != "" && call == nil {
				t.Fatalf("no call %q in the target", tt.call)
			}
			if call == nil {
				for _, c := range calls(tg) {
					if m, err := s.Match(tg, c); m != nil || err != nil {
						t.Errorf("%s: matched %v, %v; want nothing", tg.text(c), m, err)
					}
				}
				return
			}
			m, err := s.Match(tg, call)
			switch {
			case tt.refuse != "":
				if m != nil || err == nil || !strings.Contains(err.Error(), tt.refuse) {
					t.Errorf("Match = %v, %v; want the refusal %q", m, err, tt.refuse)
				}
			case tt.recipe == "":
				if m != nil || err != nil {
					t.Errorf("Match = %v, %v; want no match", m, err)
				}
			default:
				if err != nil || m == nil || m.Recipe.String() != tt.recipe {
					t.Errorf("Match = %v, %v; want %s", m, err, tt.recipe)
				}
			}
		})
	}
}

// findCall finds the call whose text is text.
func findCall(tg *Target, text string) *ast.CallExpr {
	for _, c := range calls(tg) {
		if tg.text(c) == text {
			return c
		}
	}
	return nil
}

// TestMatchBindings checks what the wildcards bind.
func TestMatchBindings(t *testing.T) {
	s := NewSet(mustParse(t, matchRecipes))
	tg := newTestTarget(t, `package billing

import "github.com/golang-jwt/jwt/v5"

func f(v jwt.Token, k []byte, o []jwt.ParserOption) {
	v.SignedString(k)
	jwt.ParseWithClaims("a", jwt.MapClaims{}, nil, jwt.WithLeeway(0), jwt.WithIssuer("i"))
	jwt.ParseWithClaims("b", jwt.MapClaims{}, nil, o...)
	jwt.ParseWithClaims("c", jwt.MapClaims{}, nil)
}
`)
	want := map[string][]string{
		`v.SignedString(k)`: {"&v", "k"},
		`jwt.ParseWithClaims("a", jwt.MapClaims{}, nil, jwt.WithLeeway(0), jwt.WithIssuer("i"))`: {`"a"`, "nil", `jwt.WithLeeway(0), jwt.WithIssuer("i")`},
		`jwt.ParseWithClaims("b", jwt.MapClaims{}, nil, o...)`:                                   {`"b"`, "nil", "o..."},
		`jwt.ParseWithClaims("c", jwt.MapClaims{}, nil)`:                                         {`"c"`, "nil", ""},
	}
	for call, binds := range want {
		m, err := s.Match(tg, findCall(tg, call))
		if m == nil {
			t.Fatalf("%s: no match (%v)", call, err)
		}
		var got []string
		for _, b := range m.bind {
			var texts []string
			for _, e := range b.exprs {
				texts = append(texts, tg.text(e))
			}
			s := b.prefix + strings.Join(texts, ", ")
			if b.spread {
				s += "..."
			}
			got = append(got, s)
		}
		if strings.Join(got, " | ") != strings.Join(binds, " | ") {
			t.Errorf("%s: bindings %q, want %q", call, got, binds)
		}
	}
}
