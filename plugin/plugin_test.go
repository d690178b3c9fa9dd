package plugin_test

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/internal/txtartest"
	"github.com/jwtssot/jwtssot/plugin"
)

// newPlugin builds the plugin as golangci-lint does: by name from the
// registry, which the plugin package's init filled.
func newPlugin(settings any) (register.LinterPlugin, error) {
	newFn, err := register.GetPlugin(plugin.Name)
	if err != nil {
		return nil, err
	}
	return newFn(settings)
}

// buildAnalyzer returns the one analyzer of a plugin built with settings.
func buildAnalyzer(t *testing.T, settings any) *analysis.Analyzer {
	t.Helper()
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != plugin.Name {
		t.Fatalf("BuildAnalyzers() = %v, want the one analyzer %s", as, plugin.Name)
	}
	return as[0]
}

// appSettings are the settings of the GOPATH test application, in the shape
// golangci-lint's loader gives them: maps with lower-case keys, []any lists.
func appSettings() map[string]any {
	return map[string]any{
		"auth":  []any{"app/internal/auth/..."},
		"tests": true,
		"replacements": []any{map[string]any{
			"symbol": "github.com/golang-jwt/jwt/v5.Parse",
			"use":    "app/internal/auth.ValidateToken",
		}},
		"secret-names": []any{"^hush"},
	}
}

func TestPlugin(t *testing.T) {
	a := buildAnalyzer(t, appSettings())
	analysistest.Run(t, analysistest.TestData(), a, "app/...")
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     []string // substrings of the error
	}{
		{
			name:     "auth not a list",
			settings: map[string]any{"auth": 3},
			want:     []string{"jwtssot settings: auth: must be a list, e.g. auth: [./internal/auth/...], not the number 3"},
		},
		{
			name:     "auth a string",
			settings: map[string]any{"auth": "./internal/auth/..."},
			want:     []string{`jwtssot settings: auth: must be a list, e.g. auth: [./internal/auth/...], not the string "./internal/auth/..."`},
		},
		{
			name:     "tests not a bool",
			settings: map[string]any{"tests": "yes"},
			want:     []string{`jwtssot settings: tests: must be true or false, not the string "yes"`},
		},
		{
			name:     "replacement symbol not a string",
			settings: map[string]any{"replacements": []any{map[string]any{"symbol": 3, "use": "x.Y"}}},
			want:     []string{"jwtssot settings: replacements[0].symbol: must be a string, not the number 3"},
		},
		{
			name:     "replacements a mapping",
			settings: map[string]any{"replacements": map[string]any{"github.com/golang-jwt/jwt/v5": "x"}},
			want:     []string{"jwtssot settings: replacements: must be a list of {symbol, use} objects, not a mapping"},
		},
		{
			name:     "settings a list",
			settings: []any{"auth"},
			want:     []string{"jwtssot settings: the settings must be a mapping (auth, libraries, tests, disable, enable, exclude, replacements, recipes, sources, sinks, secret-names), not a list"},
		},
		{
			name:     "unknown key",
			settings: map[string]any{"autth": []any{"./internal/auth/..."}},
			want:     []string{`jwtssot settings: autth: unknown setting (did you mean "auth"?)`},
		},
		{
			name:     "config file is no setting",
			settings: map[string]any{"configfile": ".jwtssot.yaml"},
			want:     []string{"jwtssot settings: configfile: unknown setting"},
		},
		{
			name:     "unknown nested key",
			settings: map[string]any{"replacements": []any{map[string]any{"sym": "github.com/golang-jwt/jwt/v5.Parse", "use": "x.Y"}}},
			want: []string{
				"jwtssot settings: replacements[0].sym: unknown field (fields: symbol, use)",
				"jwtssot settings: replacements[0].symbol: missing: the library symbol",
			},
		},
		{
			name: "every problem at once",
			settings: map[string]any{
				"auth":         []any{"./a", 7},
				"secretnames":  []any{"x"},
				"replacements": []any{map[string]any{"symbol": "jwt.Parse", "use": "x.Y", "because": "z"}},
			},
			want: []string{
				"jwtssot settings: auth[1]: must be a string, not the number 7",
				"jwtssot settings: replacements[0].because: unknown field",
				"jwtssot settings: secretnames: unknown setting",
				`jwtssot settings: replacements[0].symbol: "jwt.Parse" is not in a JWT library`,
			},
		},
		{
			name:     "bad regular expression",
			settings: map[string]any{"secret-names": []any{"(unclosed"}},
			want:     []string{"jwtssot settings: secret-names[0]: bad regular expression"},
		},
		{
			name:     "unknown rule",
			settings: map[string]any{"disable": []any{"calls"}},
			want:     []string{`jwtssot settings: disable[0]: unknown rule "calls"`},
		},
		{
			name:     "symbol outside the libraries",
			settings: map[string]any{"replacements": []any{map[string]any{"symbol": "fmt.Println", "use": "x.Y"}}},
			want:     []string{`jwtssot settings: replacements[0].symbol: "fmt.Println" is not in a JWT library`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := newPlugin(tc.settings)
			if err == nil {
				t.Fatalf("New(%v) = %v, want an error", tc.settings, p)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not contain\n%s", err, w)
				}
			}
			if n := strings.Count(err.Error(), "\n") + 1; n != len(tc.want) {
				t.Errorf("error has %d lines, want %d:\n%v", n, len(tc.want), err)
			}
		})
	}
}

// Two instances with different settings, run at the same time over the
// same packages, each report by their own settings: nothing is shared.
func TestInstancesIndependent(t *testing.T) {
	authInternal := buildAnalyzer(t, appSettings())
	authHandlers := buildAnalyzer(t, map[string]any{"auth": []any{"app/handlers"}})
	pkgs := loadPackages(t, gopathConfig(t), "app/...")
	got := analyze(t, pkgs, analysistest.TestData(), authInternal, authHandlers)

	for _, f := range got[authInternal] {
		if !strings.HasPrefix(f, "src/app/handlers/") {
			t.Errorf("auth app/internal/auth/...: finding outside app/handlers: %s", f)
		}
	}
	for _, f := range got[authHandlers] {
		if !strings.HasPrefix(f, "src/app/internal/auth/") {
			t.Errorf("auth app/handlers: finding outside app/internal/auth: %s", f)
		}
	}
	if len(got[authInternal]) == 0 || len(got[authHandlers]) == 0 {
		t.Errorf("want findings from both instances, got\n%s\nand\n%s",
			strings.Join(got[authInternal], "\n"), strings.Join(got[authHandlers], "\n"))
	}

	// The instance whose settings name no secret names finds no hushValue.
	for _, f := range got[authHandlers] {
		if strings.Contains(f, "hushValue") {
			t.Errorf("secret-names of one instance leaked into the other: %s", f)
		}
	}
}

// Settings without auth leave it to the discovered .jwtssot.yaml; settings
// that give it win over the file.
func TestDiscovery(t *testing.T) {
	dir := txtartest.Extract(t, filepath.Join("testdata", "shop.txtar"))
	pkgs := loadPackages(t, &packages.Config{Dir: dir, Env: moduleEnv()}, "./...")
	explicit := buildAnalyzer(t, map[string]any{"auth": []any{"./internal/auth/..."}})
	want := analyze(t, pkgs, dir, explicit)[explicit]
	if len(want) == 0 {
		t.Fatal("no findings in the shop module")
	}

	if err := os.WriteFile(filepath.Join(dir, ".jwtssot.yaml"), []byte("auth: [./internal/auth/...]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fromFile := buildAnalyzer(t, nil)
	overridden := buildAnalyzer(t, map[string]any{"auth": []any{"./handlers"}})
	got := analyze(t, pkgs, dir, fromFile, overridden)
	if !slices.Equal(got[fromFile], want) {
		t.Errorf("no settings, auth from .jwtssot.yaml:\n%s\nwant\n%s",
			strings.Join(got[fromFile], "\n"), strings.Join(want, "\n"))
	}
	for _, f := range got[overridden] {
		if strings.HasPrefix(f, "handlers/") {
			t.Errorf("settings auth [./handlers] did not override the file: %s", f)
		}
	}
	if !slices.ContainsFunc(got[overridden], func(f string) bool { return strings.HasPrefix(f, "internal/auth/") }) {
		t.Errorf("settings auth [./handlers]: want findings in internal/auth, got\n%s", strings.Join(got[overridden], "\n"))
	}
}

// gopathConfig loads from the GOPATH tree under testdata, as analysistest.
func gopathConfig(t *testing.T) *packages.Config {
	t.Helper()
	gopath, err := filepath.Abs(analysistest.TestData())
	if err != nil {
		t.Fatal(err)
	}
	return &packages.Config{
		Dir: filepath.Join(gopath, "src"),
		Env: append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off", "GOPROXY=off", "GOFLAGS="),
	}
}

// moduleEnv is the environment for the extracted test module: no network,
// no workspace.
func moduleEnv() []string {
	return append(os.Environ(), "GO111MODULE=on", "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod")
}

func loadPackages(t *testing.T, cfg *packages.Config, patterns ...string) []*packages.Package {
	t.Helper()
	cfg.Mode = packages.LoadAllSyntax | packages.NeedModule // the module: messages name files by their path in it, as golangci-lint's do
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading %v", n, patterns)
	}
	return pkgs
}

// analyze runs analyzers together over pkgs and returns each one's findings
// as sorted "file:line:col: message" lines, file relative to base.
func analyze(t *testing.T, pkgs []*packages.Package, base string, analyzers ...*analysis.Analyzer) map[*analysis.Analyzer][]string {
	t.Helper()
	base, err := filepath.Abs(base)
	if err != nil {
		t.Fatal(err)
	}
	// One run per instance, all at once: an analyzer's facts are its own
	// type, which a checker run lets one analyzer register, so two
	// instances run side by side as two golangci-lint runs would.
	graphs := make([]*checker.Graph, len(analyzers))
	errs := make([]error, len(analyzers))
	var wg sync.WaitGroup
	for i, a := range analyzers {
		wg.Go(func() { graphs[i], errs[i] = checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil) })
	}
	wg.Wait()
	got := map[*analysis.Analyzer][]string{}
	var roots []*checker.Action
	for i := range analyzers {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		roots = append(roots, graphs[i].Roots...)
	}
	for _, act := range roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			rel, err := filepath.Rel(base, posn.Filename)
			if err != nil {
				t.Fatal(err)
			}
			got[act.Analyzer] = append(got[act.Analyzer],
				fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(rel), posn.Line, posn.Column, d.Message))
		}
	}
	for _, fs := range got {
		sortFindings(fs)
	}
	return got
}

var findingPos = regexp.MustCompile(`^(.*?):(\d+):(\d+): `)

// sortFindings sorts "file:line:col: message" lines by file, then line and
// column as numbers, then message.
func sortFindings(lines []string) {
	key := func(s string) (string, int, int) {
		m := findingPos.FindStringSubmatch(s)
		if m == nil {
			return s, 0, 0
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return m[1], line, col
	}
	slices.SortFunc(lines, func(a, b string) int {
		fa, la, ca := key(a)
		fb, lb, cb := key(b)
		return cmp.Or(cmp.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb), cmp.Compare(a, b))
	})
}
