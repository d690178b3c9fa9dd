package analyzer_test

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
)

// A variant is one configuration of the analyzer, given either as a Config
// to New or as the analyzer's flags: both must report the same.
type variant struct {
	name     string
	cfg      analyzer.Config
	flags    map[string]string
	patterns []string
}

var yes = true

// variants each run over testdata/src/variants/<name>, whose want comments
// hold for that configuration only. Every variant names variants/auth as the
// auth package (discovery finds no file above testdata/src/variants).
var variants = []variant{
	{
		name:     "tests",
		cfg:      analyzer.Config{Auth: []string{"variants/auth"}, Tests: &yes},
		flags:    map[string]string{"auth": "variants/auth", "tests": "true"},
		patterns: []string{"variants/tests", "variants/auth"},
	},
	{
		name:     "disable",
		cfg:      analyzer.Config{Auth: []string{"variants/auth"}, Disable: []string{"call", "secret-access"}},
		flags:    map[string]string{"auth": "variants/auth", "disable": "call, secret-access"},
		patterns: []string{"variants/disable"},
	},
	{
		name:     "libraries",
		cfg:      analyzer.Config{Auth: []string{"variants/auth"}, Libraries: []string{"example.com/acmejwt/..."}},
		flags:    map[string]string{"auth": "variants/auth", "libraries": "example.com/acmejwt/..."},
		patterns: []string{"variants/libraries"},
	},
	{
		name: "secret-names",
		cfg: analyzer.Config{Auth: []string{"variants/auth"},
			SecretNames: []string{"(?i)^app_token_key$", "^appTokenKey$"}},
		flags:    map[string]string{"auth": "variants/auth", "secret-names": "(?i)^app_token_key$,^appTokenKey$"},
		patterns: []string{"variants/secretnames"},
	},
	{
		name: "replacements",
		cfg: analyzer.Config{Auth: []string{"variants/auth"}, Replacements: []analyzer.Replacement{
			{Symbol: "github.com/golang-jwt/jwt/v5", Use: "variants/auth"},
			{Symbol: "github.com/golang-jwt/jwt/v5.Token.SignedString", Use: "variants/auth.Sign"},
			{Symbol: "github.com/lestrrat-go/jwx/v2/jwt.Sign", Use: "variants/jwx.Sign"},
		}},
		flags: map[string]string{"auth": "variants/auth", "replacements": "github.com/golang-jwt/jwt/v5=variants/auth," +
			"(*github.com/golang-jwt/jwt/v5.Token).SignedString=variants/auth.Sign," +
			"github.com/lestrrat-go/jwx/v2/jwt.Sign = variants/jwx.Sign"},
		patterns: []string{"variants/replacements"},
	},
	{
		name:     "config",
		cfg:      analyzer.Config{ConfigFile: abs("testdata/src/variants/flagconfig/jwtssot-ci.yaml")},
		flags:    map[string]string{"config": "testdata/src/variants/flagconfig/jwtssot-ci.yaml"},
		patterns: []string{"variants/flagconfig/..."},
	},
	{
		name:     "config outside the tree",
		cfg:      analyzer.Config{ConfigFile: abs("testdata/configs/outside.yaml")},
		flags:    map[string]string{"config": "testdata/configs/outside.yaml"},
		patterns: []string{"variants/flagconfig/..."},
	},
	{
		// Every example of issue 10: values across packages (constants,
		// variables, forwarding helpers, reading helpers), maps and ranges,
		// recursion, keys judged by what they are, loaders and masks.
		name:     "flowcases",
		cfg:      analyzer.Config{Auth: []string{"flowcases/auth"}},
		flags:    map[string]string{"auth": "flowcases/auth"},
		patterns: []string{"flowcases/..."},
	},
	{
		// Every example of issue 20: secrets found by where their values
		// go, whatever they are called: neutral names, loaders, flags,
		// secret stores, the database, files, transformed and travelling
		// literals, channels, interfaces, generics; and the traps.
		name:     "reach",
		cfg:      analyzer.Config{Auth: []string{"reach/auth"}},
		flags:    map[string]string{"auth": "reach/auth"},
		patterns: []string{"reach/..."},
	},
	{
		// The sources and sinks settings describe an in-house library.
		name: "catalogue",
		cfg: analyzer.Config{Auth: []string{"variants/auth"},
			Sources: []analyzer.SourceRow{{Symbol: "example.com/platform/settings.Get", Name: 1}},
			Sinks: []analyzer.SinkRow{{Symbol: "example.com/platform/jwtx.Sign", Arg: 2},
				{Symbol: "example.com/platform/jwtx.Verify", Arg: 2, Kind: "public"}}},
		flags: map[string]string{"auth": "variants/auth", "sources": "example.com/platform/settings.Get=1=0=0",
			"sinks": "example.com/platform/jwtx.Sign=2=secret,example.com/platform/jwtx.Verify=2=public"},
		patterns: []string{"variants/catalogue"},
	},
	{
		// Control characters in a replacement's text and a setting's name
		// are shown visibly in the messages.
		name: "hostile",
		cfg: analyzer.Config{Auth: []string{"variants/auth"}, Replacements: []analyzer.Replacement{
			{Symbol: "github.com/golang-jwt/jwt/v5", Use: "evil\nFAKE\x1b[31m"}}},
		flags:    map[string]string{"auth": "variants/auth", "replacements": "github.com/golang-jwt/jwt/v5=evil\nFAKE\x1b[31m"},
		patterns: []string{"variants/hostile"},
	},
	{
		// The inventory's cases, with insecure-parse turned on.
		name:     "inventory",
		cfg:      analyzer.Config{Auth: []string{"inventory/auth"}, Enable: []string{"insecure-parse"}},
		flags:    map[string]string{"auth": "inventory/auth", "enable": "insecure-parse"},
		patterns: []string{"inventory/..."},
	},
	{
		name:     "overlay",
		cfg:      analyzer.Config{Disable: []string{"call"}},
		flags:    map[string]string{"disable": "call"},
		patterns: []string{"variants/overlay/..."},
	},
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return a
}

// TestVariants runs each variant through New(Config) and through the
// analyzer's flags. Instances share no state, so the runs are parallel.
func TestVariants(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name+"/New", func(t *testing.T) {
			t.Parallel()
			a, err := analyzer.New(v.cfg)
			if err != nil {
				t.Fatal(err)
			}
			runHarness(t, a, selectPackages(t, v.patterns...))
		})
		t.Run(v.name+"/flags", func(t *testing.T) {
			t.Parallel()
			a, err := analyzer.New(analyzer.Config{})
			if err != nil {
				t.Fatal(err)
			}
			for name, value := range v.flags {
				if err := a.Flags.Set(name, value); err != nil {
					t.Fatalf("-%s=%s: %v", name, value, err)
				}
			}
			runHarness(t, a, selectPackages(t, v.patterns...))
		})
	}
}

// TestFlagNames: every setting is a flag, plus -config; under go vet they
// are -jwtssot.<name>.
func TestFlagNames(t *testing.T) {
	var names []string
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	want := "config auth libraries tests disable enable exclude replacements recipes sources sinks secret-names"
	if got := strings.Join(names, " "); !sameWords(got, want) {
		t.Errorf("flags: %s; want %s", got, want)
	}
}

func sameWords(a, b string) bool {
	x, y := strings.Fields(a), strings.Fields(b)
	if len(x) != len(y) {
		return false
	}
	seen := map[string]int{}
	for _, w := range x {
		seen[w]++
	}
	for _, w := range y {
		seen[w]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestFlagErrors(t *testing.T) {
	for _, tc := range []struct{ flag, value, want string }{
		{"disable", "call,nope", `unknown rule "nope" (rules: import, call, hardcoded-secret, secret-access, directive, insecure-parse)`},
		{"auth", "/home/me/app/auth", `package pattern "/home/me/app/auth" is a file path`},
		{"libraries", "https://github.com/acme/jwt", `"https://github.com/acme/jwt" is not an import path prefix`},
		{"exclude", "a/[b", `"a/[b" is not a valid file glob`},
		{"secret-names", "(unclosed", "bad regular expression"},
		{"tests", "maybe", `want true or false, got "maybe"`},
		{"replacements", "github.com/golang-jwt/jwt/v5.Parse", `"github.com/golang-jwt/jwt/v5.Parse": want symbol=use`},
	} {
		a, err := analyzer.New(analyzer.Config{})
		if err != nil {
			t.Fatal(err)
		}
		err = a.Flags.Set(tc.flag, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-%s=%s: got %v, want %q", tc.flag, tc.value, err, tc.want)
		}
	}
}

// firstErr runs a over pkgs and returns the first analysis error.
func firstErr(t *testing.T, a *analysis.Analyzer, pkgs []*packages.Package) error {
	t.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			return act.Err
		}
	}
	return nil
}

// TestConfigErrors: a bad config file, a missing -config file and a bad
// replacement flag stop the analysis with an error naming the problem.
func TestConfigErrors(t *testing.T) {
	bad := abs("testdata/configs/bad.yaml")
	pkgs := loadGOPATH(t, "testdata", "variants/overlay/app")
	for _, tc := range []struct {
		name  string
		flags map[string]string
		want  []string
	}{
		{"bad file", map[string]string{"config": bad}, []string{
			bad + `:1: auht: unknown setting (did you mean "auth"?)`,
			bad + `:2: tests: must be true or false`,
		}},
		{"missing file", map[string]string{"config": "testdata/configs/nope.yaml"}, []string{
			abs("testdata/configs/nope.yaml") + ": config file not found",
		}},
		{"replacement of a non-library", map[string]string{"replacements": "example.com/x.Parse=variants/auth.Verify"}, []string{
			`jwtssot settings: replacements[0].symbol: "example.com/x.Parse" is not in a JWT library (add its module to libraries)`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := analyzer.New(analyzer.Config{})
			if err != nil {
				t.Fatal(err)
			}
			for name, value := range tc.flags {
				if err := a.Flags.Set(name, value); err != nil {
					t.Fatal(err)
				}
			}
			err = firstErr(t, a, pkgs)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// FuzzFlagValues: any value of any analyzer flag is either rejected with an
// error or accepted, never a panic; and an accepted value survives the
// round trip through the flag's String, as a driver that prints and
// re-parses flags (go vet's -flags protocol, Bazel's nogo) relies on.
func FuzzFlagValues(f *testing.F) {
	for _, seed := range []struct{ flag, value string }{
		{"auth", "./internal/auth/...,example.com/app/auth"},
		{"libraries", "github.com/acme/jwt,example.com/tokens/..."},
		{"disable", "call, secret-access"},
		{"exclude", "**/*_gen.go,legacy/*.go"},
		{"replacements", "github.com/golang-jwt/jwt/v5.Parse=example.com/app/internal/auth.ValidateToken"},
		{"secret-names", "(?i)^app_token_key$"},
		{"tests", "true"},
		{"auth", ",,"},
		{"replacements", "a=b=c, =x"},
	} {
		f.Add(seed.flag, seed.value)
	}
	f.Fuzz(func(t *testing.T, name, value string) {
		a, err := analyzer.New(analyzer.Config{})
		if err != nil {
			t.Fatal(err)
		}
		fl := a.Flags.Lookup(name)
		if fl == nil || name == "config" {
			return // -config makes paths absolute: no round trip to check
		}
		if err := a.Flags.Set(name, value); err != nil {
			return
		}
		first := fl.Value.String()
		b, err := analyzer.New(analyzer.Config{})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Flags.Set(name, first); err != nil {
			t.Fatalf("-%s=%q accepted, but its String %q is rejected: %v", name, value, first, err)
		}
		if again := b.Flags.Lookup(name).Value.String(); again != first {
			t.Fatalf("-%s=%q: String %q, after re-parsing %q", name, value, first, again)
		}
	})
}
