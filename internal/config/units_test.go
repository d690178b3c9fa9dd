package config

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

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
	s := Compile(Config{
		Auth:    []string{"./internal/auth/..."},
		Exclude: []string{"legacy/**", "**/*_mock.go"},
	}, Location{BaseDir: base, BasePath: "example.com/app"})
	for pkg, want := range map[string]bool{
		"example.com/app/internal/auth":      true,
		"example.com/app/internal/auth/keys": true,
		"example.com/app/internal/auth_test": true, // an external test package
		"example.com/app/internal/authz":     false,
		"example.com/app":                    false,
	} {
		if got := s.IsAuth(pkg); got != want {
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
		if got := s.Excluded(file); got != want {
			t.Errorf("excluded(%s) = %v, want %v", file, got, want)
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

func TestOverlay(t *testing.T) {
	yes, no := true, false
	file := Config{Auth: []string{"./a/..."}, Disable: []string{"call"}, Tests: &yes, Exclude: []string{"x/**"}}
	got := file.Overlay(Config{Disable: []string{}, Tests: &no, SecretNames: []string{"k"}})
	want := Config{Auth: []string{"./a/..."}, Disable: []string{}, Tests: &no, Exclude: []string{"x/**"}, SecretNames: []string{"k"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("overlay:\n got %#v\nwant %#v", got, want)
	}
	// An empty flag value is a set, empty list: it overrides the file.
	var flags Config
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	BindFlags(fs, &flags)
	if err := fs.Parse([]string{"-disable=", "-tests"}); err != nil {
		t.Fatal(err)
	}
	if flags.Disable == nil || len(flags.Disable) != 0 || flags.Tests == nil || !*flags.Tests {
		t.Errorf("flags: %#v", flags)
	}
	if got := file.Overlay(flags).Disable; got == nil || len(got) != 0 {
		t.Errorf("-disable= did not clear the file's disable: %v", got)
	}
}

// TestConfigDoc: docs/config.md documents every setting and every flag.
func TestConfigDoc(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "config.md"))
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
	fs := flag.NewFlagSet("jwtssot", flag.ContinueOnError)
	BindFlags(fs, &Config{})
	fs.VisitAll(func(f *flag.Flag) {
		for _, spelling := range []string{"`-" + f.Name, "-jwtssot." + f.Name} {
			if !strings.Contains(doc, spelling) {
				t.Errorf("docs/config.md does not mention %s", spelling)
			}
		}
	})
	for _, name := range fileNames {
		if !strings.Contains(doc, "`"+name+"`") {
			t.Errorf("docs/config.md does not mention %s", name)
		}
	}
	// The error example is what Parse says about the file shown.
	i := strings.Index(doc, "\n## Errors\n")
	if i < 0 {
		t.Fatal("docs/config.md has no Errors section")
	}
	errs := doc[i:]
	yamlStart := strings.Index(errs, "```yaml\n") + len("```yaml\n")
	src := errs[yamlStart : yamlStart+strings.Index(errs[yamlStart:], "```")]
	textStart := strings.Index(errs, "```text\n") + len("```text\n")
	want := errs[textStart : textStart+strings.Index(errs[textStart:], "```")]
	if _, err := Parse(".jwtssot.yaml", []byte(src)); err == nil || err.Error()+"\n" != want {
		t.Errorf("docs/config.md's error example:\n%s\nParse says:\n%v", want, err)
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
