package analyzer

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNameWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		want string
	}{
		{"jwtSecret", "jwt secret"},
		{"JWTSecret", "jwt secret"},
		{"JWT_SIGNING_KEY", "jwt signing key"},
		{"auth.jwt-secret", "auth jwt secret"},
		{"hmacKey", "hmac key"},
		{"jwtHS256Key", "jwt hs256 key"},
		{"HTTPServer", "http server"},
		{"jwtsecret", "jwtsecret"},
		{"__x__", "x"},
		{"", ""},
		{"ключJWT", "ключ jwt"},
	} {
		if got := strings.Join(nameWords(tc.name), " "); got != tc.want {
			t.Errorf("nameWords(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSecretName is the built-in heuristic. strong is the answer in any
// package; weak in a package that reaches a JWT library, where signing and
// token words count too.
func TestSecretName(t *testing.T) {
	for _, tc := range []struct {
		name         string
		strong, weak bool
	}{
		// A secret noun and a JWT word: a JWT secret everywhere.
		{"jwtSecret", true, true},
		{"JWTSecret", true, true},
		{"JWT_SIGNING_KEY", true, true},
		{"JWT_SECRET_KEY", true, true},
		{"jwt_secret", true, true},
		{"jwt.secret", true, true},
		{"auth.jwt-secret", true, true},
		{"Jwt_Secret", true, true},
		{"hmacKey", true, true},
		{"HMAC_SECRET", true, true},
		{"jwtHS256Key", true, true},
		{"jwtKey", true, true},
		{"jwePassphrase", true, true},
		{"jwtsecret", true, true},
		{"jwtsigningkey", true, true},
		// An explicit JWT word outweighs the name of another service.
		{"PAYMENTS_JWT_SECRET", true, true},
		{"payments.refund_jwt_secret", true, true},
		{"webhookJWTSecret", true, true},
		{"sessionJwsKey", true, true},
		// A signing or token word: a JWT secret only where a JWT library is reachable.
		{"signingKey", false, true},
		{"signingSecret", false, true},
		{"verifyKey", false, true},
		{"tokenSecret", false, true},
		{"accessTokenSecret", false, true},
		{"authSecret", false, true},
		{"bearerSecret", false, true},
		// A token word makes only "secret" a secret: tokenKey is a context key.
		{"tokenKey", false, false},
		{"refreshKey", false, false},
		// Other secrets and tokens.
		{"csrfToken", false, false},
		{"csrfSecret", false, false},
		{"pageToken", false, false},
		{"oauthState", false, false},
		{"sessionSecret", false, false},
		{"apiKey", false, false},
		{"webhookSigningKey", false, false},
		{"queueSigningKey", false, false},
		{"webhookHMACKey", false, false},
		{"stripeHmacSecret", false, false},
		// Lookup keys of stores, even with a JWT word.
		{"jwtCacheKey", false, false},
		{"jwtCookieKey", false, false},
		// Metadata about a JWT secret, not the secret.
		{"jwtSecretEnv", false, false},
		{"jwtKeyID", false, false},
		{"JWT_PUBLIC_KEY", false, false},
		{"jwtSecretFile", false, false},
		{"JWT_SECRET_FILE", false, false},
		{"jwtSecretTTL", false, false},
		{"jwtIssuer", false, false},
		// Rules, policies, identities, and bare nouns.
		{"RuleSecretAccess", false, false},
		{"secretAccessPolicy", false, false},
		{"identity", false, false},
		{"secret", false, false},
		{"key", false, false},
		{"", false, false},
	} {
		n := &secretNamer{}
		if got := n.forPackage(false).isSecretName(tc.name); got != tc.strong {
			t.Errorf("isSecretName(%q) without a JWT library = %v, want %v", tc.name, got, tc.strong)
		}
		if got := n.forPackage(true).isSecretName(tc.name); got != tc.weak {
			t.Errorf("isSecretName(%q) with a JWT library = %v, want %v", tc.name, got, tc.weak)
		}
	}
}

func TestSecretNamesSetting(t *testing.T) {
	s := compileSettings(Config{SecretNames: []string{"(?i)^app_token_key$", "^appTokenKey$"}}, location{})
	n := s.names.forPackage(false)
	for name, want := range map[string]bool{
		"APP_TOKEN_KEY":      true,
		"app_token_key":      true,
		"appTokenKey":        true,
		"appTokenKeyName":    false, // anchored
		"APP_TOKEN_KEY_FILE": false,
		"jwtSecret":          true, // the built-in heuristic still applies
	} {
		if got := n.isSecretName(name); got != want {
			t.Errorf("isSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSecretKey: a string literal names a secret setting when it is shaped
// like an env var, config key or flag name and its words name a secret; it
// is the name of a setting, not a value, only in upper snake or dotted case.
func TestSecretKey(t *testing.T) {
	n := (&secretNamer{}).forPackage(true)
	for _, tc := range []struct {
		lit         string
		key, asName bool
	}{
		{"JWT_SECRET", true, true},
		{"jwt.secret", true, true},
		{"auth.jwt_secret", true, true},
		{"jwt-secret", true, false},
		{"jwt_secret", true, false},
		{"super-secret-jwt-key", true, false}, // kebab case: a typical hardcoded secret
		{"JWT SECRET", false, false},
		{"jwt..secret", false, false},
		{"JWT_ISSUER", false, false},
		{"PORT", false, false},
		{"", false, false},
	} {
		if got := n.isSecretKey(tc.lit); got != tc.key {
			t.Errorf("isSecretKey(%q) = %v, want %v", tc.lit, got, tc.key)
		}
		if got := n.isSettingName(tc.lit); got != tc.asName {
			t.Errorf("isSettingName(%q) = %v, want %v", tc.lit, got, tc.asName)
		}
	}
}

func TestValidatePattern(t *testing.T) {
	for p, want := range map[string]string{
		"./internal/auth/...":     "",
		"example.com/shared/auth": "",
		"...":                     "",
		"":                        "empty package pattern",
		"a b":                     "contains a space or a backslash",
		`a\b`:                     "contains a space or a backslash",
		"a\tb":                    "contains a space or a backslash",
		"/home/me/auth":           "is a file path",
	} {
		err := validatePattern(p)
		if (err == nil) != (want == "") || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("validatePattern(%q) = %v, want %q", p, err, want)
		}
	}
}

func TestResolvePattern(t *testing.T) {
	for _, tc := range []struct{ p, base, want string }{
		{"./internal/auth/...", "example.com/app", "example.com/app/internal/auth/..."},
		{"./internal/auth", "app", "app/internal/auth"},
		{".", "example.com/app", "example.com/app"},
		{"..", "example.com/app/svc", "example.com/app"},
		{"../shared/auth/...", "example.com/app/svc", "example.com/app/shared/auth/..."},
		{"./variants/signer", "", "variants/signer"}, // relative to a GOPATH src root
		{"example.com/shared/auth/...", "example.com/app", "example.com/shared/auth/..."},
		{".../auth", "example.com/app", ".../auth"},
	} {
		if got := resolvePattern(tc.p, tc.base); got != tc.want {
			t.Errorf("resolvePattern(%q, %q) = %q, want %q", tc.p, tc.base, got, tc.want)
		}
	}
}

func TestPatternMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		yes, no []string
	}{
		{"example.com/app/auth/...",
			[]string{"example.com/app/auth", "example.com/app/auth/jwt", "example.com/app/auth/a/b"},
			[]string{"example.com/app/authz", "example.com/app", "example.com/app/x/auth", "xexample.com/app/auth"}},
		{"example.com/app/auth",
			[]string{"example.com/app/auth"},
			[]string{"example.com/app/auth/jwt", "example.com/app/authz"}},
		{"example.com/.../auth",
			[]string{"example.com/a/auth", "example.com/a/b/auth"},
			[]string{"example.com/a/auth/x", "example.com/a/oauth"}},
		{"...", []string{"a", "example.com/x/y"}, nil},
		{"example.com/a+b/...", []string{"example.com/a+b/x"}, []string{"example.com/aab/x"}},
	} {
		p := compilePattern(tc.pattern)
		for _, s := range tc.yes {
			if !p.match(s) {
				t.Errorf("%q does not match %q", tc.pattern, s)
			}
		}
		for _, s := range tc.no {
			if p.match(s) {
				t.Errorf("%q matches %q", tc.pattern, s)
			}
		}
	}
}

func TestSettingsAuthAndExclude(t *testing.T) {
	base := filepath.Join(t.TempDir(), "app")
	s := compileSettings(Config{
		Auth:    []string{"./internal/auth/..."},
		Exclude: []string{"legacy/**", "**/*_mock.go"},
	}, location{baseDir: base, basePath: "example.com/app"})
	for pkg, want := range map[string]bool{
		"example.com/app/internal/auth":      true,
		"example.com/app/internal/auth/keys": true,
		"example.com/app/internal/auth_test": true, // an external test package
		"example.com/app/internal/authz":     false,
		"example.com/app":                    false,
	} {
		if got := s.isAuth(pkg); got != want {
			t.Errorf("isAuth(%q) = %v, want %v", pkg, got, want)
		}
	}
	for file, want := range map[string]bool{
		filepath.Join(base, "legacy", "a.go"):          true,
		filepath.Join(base, "legacy", "x", "a.go"):     true,
		filepath.Join(base, "orders", "store_mock.go"): true,
		filepath.Join(base, "orders", "store.go"):      false,
		filepath.Join(base, "..", "legacy", "a.go"):    false, // outside the base directory
	} {
		if got := s.excluded(file); got != want {
			t.Errorf("excluded(%s) = %v, want %v", file, got, want)
		}
	}
}

func TestLibraryMatcher(t *testing.T) {
	m := newLibraryMatcher([]string{"example.com/acmejwt/...", "example.com/tokens/"})
	for path, want := range map[string]string{
		"github.com/golang-jwt/jwt":                            "github.com/golang-jwt/jwt",
		"github.com/golang-jwt/jwt/v5":                         "github.com/golang-jwt/jwt",
		"github.com/golang-jwt/jwt/v5/request":                 "github.com/golang-jwt/jwt",
		"example.com/app/vendor/github.com/golang-jwt/jwt/v5":  "github.com/golang-jwt/jwt",
		"vendor/github.com/golang-jwt/jwt/v5":                  "github.com/golang-jwt/jwt",
		"gopkg.in/square/go-jose.v2/jwt":                       "gopkg.in/square/go-jose.v2",
		"example.com/acmejwt":                                  "example.com/acmejwt",
		"example.com/acmejwt/hs":                               "example.com/acmejwt",
		"example.com/tokens":                                   "example.com/tokens",
		"github.com/golang-jwt/jwtx":                           "",
		"example.com/acmejwtx":                                 "",
		"example.com/app/pkg/jwt":                              "",
		"github.com/go-jose/go-jose/v4/jwt":                    "github.com/go-jose/go-jose",
		"github.com/kataras/iris/v12/middleware/jwt":           "github.com/kataras/iris/v12/middleware/jwt",
		"github.com/kataras/iris/v12/middleware/accesslog":     "",
		"github.com/gofiber/contrib/v3/jwt":                    "github.com/gofiber/contrib/v3/jwt",
		"github.com/gofiber/contrib/v3/websocket":              "",
		"golang.org/x/oauth2/jwt":                              "golang.org/x/oauth2/jwt",
		"golang.org/x/oauth2/google":                           "",
		"github.com/lestrrat-go/jwx/v2/jwk":                    "github.com/lestrrat-go/jwx",
		"github.com/lestrrat-go/jwx-extras":                    "",
		"github.com/dgrijalva/jwt-go/v4":                       "github.com/dgrijalva/jwt-go",
		"github.com/auth0/go-jwt-middleware/v2/validator":      "github.com/auth0/go-jwt-middleware",
		"github.com/MicahParks/keyfunc/v3":                     "github.com/MicahParks/keyfunc",
		"github.com/coreos/go-oidc/v3/oidc":                    "github.com/coreos/go-oidc",
		"example.com/app/vendor/example.com/acmejwt/internal/": "example.com/acmejwt",
	} {
		if got := m.match(path); got != want {
			t.Errorf("match(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestSplitSymbol(t *testing.T) {
	const v5 = "github.com/golang-jwt/jwt/v5"
	for _, tc := range []struct{ in, pkg, member string }{
		{v5 + ".Parse", v5, "Parse"},
		{v5 + ".Token.SignedString", v5, "Token.SignedString"},
		{"(*" + v5 + ".Token).SignedString", v5, "Token.SignedString"},
		{"(" + v5 + ".Token).SignedString", v5, "Token.SignedString"},
		{"  " + v5 + ".Parse  ", v5, "Parse"},
		{v5, v5, ""},
		{v5 + "/request", v5 + "/request", ""},
		{v5 + "/request.ParseFromRequest", v5 + "/request", "ParseFromRequest"},
		{"gopkg.in/square/go-jose.v2", "gopkg.in/square/go-jose.v2", ""},
		{"gopkg.in/square/go-jose.v2.ParseSigned", "gopkg.in/square/go-jose.v2", "ParseSigned"},
		{"(*gopkg.in/square/go-jose.v2.JSONWebSignature).Verify", "gopkg.in/square/go-jose.v2", "JSONWebSignature.Verify"},
		{"gopkg.in/square/go-jose.v2/jwt.ParseSigned", "gopkg.in/square/go-jose.v2/jwt", "ParseSigned"},
		{"github.com/lestrrat-go/jwx/v2/jwt.Sign", "github.com/lestrrat-go/jwx/v2/jwt", "Sign"},
	} {
		got := splitSymbol(tc.in)
		if got.pkg != tc.pkg || got.member != tc.member {
			t.Errorf("splitSymbol(%q) = {%q %q}, want {%q %q}", tc.in, got.pkg, got.member, tc.pkg, tc.member)
		}
	}
	// Pointer and value receivers name the same method, as replacementKey does.
	if a, b := splitSymbol("(*"+v5+".Token).SignedString").key(), splitSymbol(v5+".Token.SignedString").key(); a != b {
		t.Errorf("keys differ: %q, %q", a, b)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"":                      "of 0 characters",
		"abc":                   "of 3 characters",
		"1234567":               "of 7 characters",
		"12345678":              `"12"… (8 characters)`,
		"s3cr3t-dev-key":        `"s3"… (14 characters)`,
		"héllo wörld":           `"hé"… (11 characters)`,
		"日本語のひみつ":               "of 7 characters",
		"\x00\nsecret-material": `"\x00\n"… (17 characters)`,
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %s, want %s", in, got, want)
		}
	}
}

// FuzzRedact: a message shows at most the first two characters of a
// secret, and its length.
func FuzzRedact(f *testing.F) {
	for _, s := range []string{"", "short", "s3cr3t-dev-key", "héllo wörld", "\xff\xfe-invalid-utf8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, secret string) {
		got := redact(secret)
		n := utf8.RuneCountInString(secret)
		want := fmt.Sprintf("of %d characters", n)
		if n >= 8 {
			want = fmt.Sprintf("%q… (%d characters)", string([]rune(secret)[:2]), n)
		}
		if got != want {
			t.Errorf("redact(%q) = %s, want %s", secret, got, want)
		}
	})
}

func TestSplitMessage(t *testing.T) {
	for _, tc := range []struct{ msg, body, rule string }{
		{"call of jwt.Parse (jwtssot/call)", "call of jwt.Parse", "call"},
		{"hardcoded JWT secret of 3 characters assigned to k (jwtssot/hardcoded-secret)", "hardcoded JWT secret of 3 characters assigned to k", "hardcoded-secret"},
		{"x (jwtssot/import) (jwtssot/call)", "x (jwtssot/import)", "call"},
		{"no tag at all", "no tag at all", ""},
		{"a (jwtssot/call) trailing", "a (jwtssot/call) trailing", ""},
		{"ends with a paren (not a tag)", "ends with a paren (not a tag)", ""},
		{"", "", ""},
	} {
		body, rule := SplitMessage(tc.msg)
		if body != tc.body || rule != tc.rule {
			t.Errorf("SplitMessage(%q) = %q, %q; want %q, %q", tc.msg, body, rule, tc.body, tc.rule)
		}
	}
	for _, id := range RuleIDs() {
		if body, rule := SplitMessage(tagged(id, "some body")); body != "some body" || rule != id {
			t.Errorf("SplitMessage(tagged(%q)) = %q, %q", id, body, rule)
		}
	}
}

func TestOverlay(t *testing.T) {
	yes, no := true, false
	file := Config{Auth: []string{"./a/..."}, Disable: []string{"call"}, Tests: &yes, Exclude: []string{"x/**"}}
	got := file.overlay(Config{Disable: []string{}, Tests: &no, SecretNames: []string{"k"}})
	want := Config{Auth: []string{"./a/..."}, Disable: []string{}, Tests: &no, Exclude: []string{"x/**"}, SecretNames: []string{"k"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("overlay:\n got %#v\nwant %#v", got, want)
	}
	// An empty flag value is a set, empty list: it overrides the file.
	var in instance
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	in.bindFlags(fs)
	if err := fs.Parse([]string{"-disable=", "-tests"}); err != nil {
		t.Fatal(err)
	}
	if in.flags.Disable == nil || len(in.flags.Disable) != 0 || in.flags.Tests == nil || !*in.flags.Tests {
		t.Errorf("flags: %#v", in.flags)
	}
	if got := file.overlay(in.flags).Disable; got == nil || len(got) != 0 {
		t.Errorf("-disable= did not clear the file's disable: %v", got)
	}
}

// TestConfigDoc: docs/config.md documents every setting and every flag.
func TestConfigDoc(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "config.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, name := range settingNames {
		if !strings.Contains(doc, "\n## `"+name+"`\n") {
			t.Errorf("docs/config.md has no section ## `%s`", name)
		}
	}
	// Every key of Config is a setting.
	typ := reflect.TypeFor[Config]()
	for i := range typ.NumField() {
		if key, _, _ := strings.Cut(typ.Field(i).Tag.Get("yaml"), ","); key != "-" && !contains(settingNames, key) {
			t.Errorf("Config.%s (yaml %q) is not in settingNames", typ.Field(i).Name, key)
		}
	}
	a, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	a.Flags.VisitAll(func(f *flag.Flag) {
		for _, spelling := range []string{"`-" + f.Name, "-jwtssot." + f.Name} {
			if !strings.Contains(doc, spelling) {
				t.Errorf("docs/config.md does not mention %s", spelling)
			}
		}
	})
	for _, name := range ConfigFileNames {
		if !strings.Contains(doc, "`"+name+"`") {
			t.Errorf("docs/config.md does not mention %s", name)
		}
	}
	// The error example is what ParseConfig says about the file shown.
	i := strings.Index(doc, "\n## Errors\n")
	if i < 0 {
		t.Fatal("docs/config.md has no Errors section")
	}
	errs := doc[i:]
	yamlStart := strings.Index(errs, "```yaml\n") + len("```yaml\n")
	src := errs[yamlStart : yamlStart+strings.Index(errs[yamlStart:], "```")]
	textStart := strings.Index(errs, "```text\n") + len("```text\n")
	want := errs[textStart : textStart+strings.Index(errs[textStart:], "```")]
	if _, err := ParseConfig(".jwtssot.yaml", []byte(src)); err == nil || err.Error()+"\n" != want {
		t.Errorf("docs/config.md's error example:\n%s\nParseConfig says:\n%v", want, err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
