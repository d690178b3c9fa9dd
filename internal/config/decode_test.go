package config

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseConfigValid(t *testing.T) {
	yes := true
	src := `# every setting
auth: [./internal/auth/..., example.com/shared/auth]
libraries:
  - github.com/acme/jwt
tests: true
disable: [secret-access]
exclude: ["internal/legacy/**", "**/*_mock.go"]
replacements:
  - symbol: github.com/golang-jwt/jwt/v5.Parse
    use: example.com/app/internal/auth.ValidateToken
  - symbol: (*github.com/golang-jwt/jwt/v5.Token).SignedString
    use: example.com/app/internal/auth.Sign
secret-names: ["(?i)^app_token_key$"]
`
	got, err := Parse(".jwtssot.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Auth:      []string{"./internal/auth/...", "example.com/shared/auth"},
		Libraries: []string{"github.com/acme/jwt"},
		Tests:     &yes,
		Disable:   []string{"secret-access"},
		Exclude:   []string{"internal/legacy/**", "**/*_mock.go"},
		Replacements: []Replacement{
			{"github.com/golang-jwt/jwt/v5.Parse", "example.com/app/internal/auth.ValidateToken"},
			{"(*github.com/golang-jwt/jwt/v5.Token).SignedString", "example.com/app/internal/auth.Sign"},
		},
		SecretNames: []string{"(?i)^app_token_key$"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseConfig:\n got %#v\nwant %#v", got, want)
	}
}

func TestParseConfigEmpty(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "---\n", "~\n"} {
		got, err := Parse("c.yaml", []byte(src))
		if err != nil || !reflect.DeepEqual(got, Config{}) {
			t.Errorf("Parse(%q) = %#v, %v; want the zero Config", src, got, err)
		}
	}
}

// TestParseConfigNullList: a key with no value is an empty list that is set,
// so `auth:` explicitly declares no auth packages.
func TestParseConfigNullList(t *testing.T) {
	got, err := Parse("c.yaml", []byte("auth:\n"))
	if err != nil || got.Auth == nil || len(got.Auth) != 0 {
		t.Errorf("got %#v, %v; want Auth set and empty", got.Auth, err)
	}
}

func TestParseConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // each error line, in order
	}{
		{"unknown key with suggestion", "auht: [./a/...]\n",
			[]string{`c.yaml:1: auht: unknown setting (did you mean "auth"?)`}},
		{"unknown key", "colour: red\n",
			[]string{`c.yaml:1: colour: unknown setting (settings: auth, libraries, tests, disable, enable, exclude, replacements, recipes, sources, sinks, secret-names)`}},
		{"scalar for list", "auth: ./internal/auth/...\n",
			[]string{`c.yaml:1: auth: must be a list, e.g. auth: [./internal/auth/...], not the string "./internal/auth/..."`}},
		{"bad rule", "disable:\n  - call\n  - secrets\n",
			[]string{`c.yaml:3: disable[1]: unknown rule "secrets" (rules: import, call, hardcoded-secret, secret-access, directive, insecure-parse)`}},
		{"bool", "tests: yes please\n", []string{`c.yaml:1: tests: must be true or false, not the string "yes please"`}},
		{"bad glob", "exclude: [\"a/[b\"]\n", []string{`c.yaml:1: exclude[0]: "a/[b" is not a valid file glob`}},
		{"bad regexp", "secret-names:\n  - \"(unclosed\"\n",
			[]string{"c.yaml:2: secret-names[0]: bad regular expression: error parsing regexp: missing closing ): `(unclosed`"}},
		{"absolute auth path", "auth: [/home/me/app/auth]\n",
			[]string{`c.yaml:1: auth[0]: package pattern "/home/me/app/auth" is a file path: write a module-relative pattern (./internal/auth/...) or an import path`}},
		{"replacement not a library", "replacements:\n  - symbol: example.com/x.Parse\n    use: example.com/auth.Parse\n",
			[]string{`c.yaml:2: replacements[0].symbol: "example.com/x.Parse" is not in a JWT library (add its module to libraries)`}},
		{"replacement missing use and unknown field", "replacements:\n  - symbol: github.com/golang-jwt/jwt/v5.Parse\n    usage: x\n",
			[]string{`c.yaml:3: replacements[0].usage: unknown field (fields: symbol, use)`,
				`c.yaml:2: replacements[0].use: missing: the auth module's API to use instead, e.g. example.com/app/internal/auth.ValidateToken`}},
		{"replacements not a list", "replacements: {symbol: x}\n",
			[]string{`c.yaml:1: replacements: must be a list of {symbol, use} objects, not a mapping`}},
		{"duplicate key", "auth: [a]\nauth: [b]\n", []string{`c.yaml:2: auth: set twice (first on line 1)`}},
		{"not a mapping", "- auth\n", []string{`c.yaml:1: the settings must be a mapping (auth, libraries, tests, disable, enable, exclude, replacements, recipes, sources, sinks, secret-names), not a list`}},
		{"syntax", "auth: [a\n", []string{`c.yaml:1: invalid YAML: did not find expected ',' or ']'`}},
		{"two problems at once", "auth: [\"\"]\nlibraries: [\"http://x\"]\n",
			[]string{`c.yaml:1: auth[0]: empty package pattern`, `c.yaml:2: libraries[0]: "http://x" is not an import path prefix (e.g. github.com/acme/jwt)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error; want %q", tc.want)
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors:\n got %q\nwant %q", got, tc.want)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Errorf("error %T is not a *Error", err)
			}
		})
	}
}

func TestLoadConfigFileMissing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := ReadFile(p)
	if err == nil || err.Error() != p+": config file not found" {
		t.Errorf("got %v", err)
	}
}

func TestCheckRejectsBadSettings(t *testing.T) {
	err := Config{Disable: []string{"imports"}, Auth: []string{"./ok/..."}}.Check()
	want := `jwtssot settings: disable[0]: unknown rule "imports" (rules: import, call, hardcoded-secret, secret-access, directive, insecure-parse)`
	if err == nil || err.Error() != want {
		t.Errorf("New: got %v, want %s", err, want)
	}
}

// FuzzParseConfig: any input yields a Config or an error naming the file,
// never a panic, and a Config it accepts passes validation.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"auth: [./internal/auth/...]\n",
		"auth:\n  - ./a/...\ntests: true\ndisable: [call]\n",
		"replacements:\n  - symbol: github.com/golang-jwt/jwt/v5.Parse\n    use: x.y\n",
		"exclude: [\"**/*_gen.go\"]\nsecret-names: [\"(?i)key$\"]\n",
		"a: &x [1]\nauth: *x\n",
		"{auth: [a], libraries: [b]}",
		"tests: [true]\n",
		"\t- : :",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("f.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		if errs := cfg.check(); len(errs) > 0 {
			t.Errorf("accepted an invalid config: %v", errs)
		}
	})
}
