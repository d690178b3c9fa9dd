package analyzer_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
)

// BenchmarkRecipes measures what recipes add to the pass: one generated
// module whose package calls the library in n functions (a parse with a
// keyfunc of its own and a subject read each, both matched by a recipe),
// analyzed by a new analyzer instance per iteration (so the recipe file is
// read and checked each time, once), without recipes and with them. The
// time per call finding (ns/call) is what a recipe costs where it matches.
//
//	go test ./analyzer -run '^$' -bench Recipes -benchmem
func BenchmarkRecipes(b *testing.B) {
	for _, n := range []int{100, 1000} {
		dir := b.TempDir()
		writeFiles(b, dir, recipeModule(n))
		cfg := &packages.Config{Mode: rootsMode, Dir: dir, Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")}
		pkgs, err := packages.Load(cfg, "./...")
		if err != nil || packages.PrintErrors(pkgs) > 0 {
			b.Fatalf("load: %v", err)
		}
		for _, recipes := range []bool{false, true} {
			b.Run(fmt.Sprintf("calls=%d/recipes=%v", 2*n, recipes), func(b *testing.B) {
				c := analyzer.Config{}
				if !recipes {
					c.Recipes = []string{} // set and empty: the file's list does not count
				}
				fixes := 0
				b.ReportAllocs()
				for b.Loop() {
					a, err := analyzer.New(c)
					if err != nil {
						b.Fatal(err)
					}
					graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
					if err != nil {
						b.Fatal(err)
					}
					fixes = 0
					for _, act := range graph.Roots {
						if act.Err != nil {
							b.Fatal(act.Err)
						}
						for _, d := range act.Diagnostics {
							fixes += len(d.SuggestedFixes)
						}
					}
				}
				if recipes != (fixes == 2*n) {
					b.Fatalf("%d fixes with recipes=%v, want %d", fixes, recipes, 2*n)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(2*n), "ns/call")
			})
		}
	}
}

// recipeModule is a module whose package app calls the JWT library (a
// stub, replaced in) in n functions, with recipes for both calls.
func recipeModule(n int) map[string]string {
	var app strings.Builder
	app.WriteString("package app\n\nimport \"github.com/golang-jwt/jwt/v5\"\n")
	for i := range n {
		fmt.Fprintf(&app, `
func user%d(raw string) (string, error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return nil, nil })
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}
`, i)
	}
	return map[string]string{
		"go.mod": "module example.com/bench\n\ngo 1.22\n\nrequire github.com/golang-jwt/jwt/v5 v5.0.0\n\n" +
			"replace github.com/golang-jwt/jwt/v5 => ./third_party/jwt\n",
		".jwtssot.yaml":          "auth: [./auth]\nrecipes: [./recipes.go]\n",
		"third_party/jwt/go.mod": "module github.com/golang-jwt/jwt/v5\n\ngo 1.22\n",
		"third_party/jwt/jwt.go": "package jwt\n\ntype Claims interface{ GetSubject() (string, error) }\n\ntype Token struct{ Claims Claims }\n\ntype Keyfunc func(*Token) (any, error)\n\nfunc Parse(s string, kf Keyfunc) (*Token, error) { return nil, nil }\n",
		"auth/auth.go":           "package auth\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nfunc ParseToken(raw string) (*jwt.Token, error) { return nil, nil }\n\nfunc Subject(c jwt.Claims) (string, error) { return \"\", nil }\n",
		"app/app.go":             app.String(),
		"recipes.go":             recipeFileForBench,
	}
}

const recipeFileForBench = `//go:build ignore

package recipes

import (
	"example.com/bench/auth"
	"github.com/golang-jwt/jwt/v5"
)

func beforeParse(raw string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(raw, kf) }
func afterParse(raw string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.ParseToken(raw) }

func beforeSubject(c jwt.Claims) (string, error) { return c.GetSubject() }
func afterSubject(c jwt.Claims) (string, error)  { return auth.Subject(c) }
`
