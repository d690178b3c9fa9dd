package recipe

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"github.com/jwtssot/jwtssot/internal/fix"
)

// loadDir type-checks the Go files of dir as package testPkg and returns
// the target of the file named first.
func loadDir(t *testing.T, dir string, first string) *Target {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	var main *ast.File
	for _, n := range names {
		f, err := parser.ParseFile(fset, n, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		if filepath.Base(n) == first {
			main = f
		}
	}
	info := newInfo()
	conf := types.Config{Importer: newSrcImporter(fset)}
	pkg, err := conf.Check(testPkg, fset, files, info)
	if err != nil {
		t.Fatalf("package does not type-check: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(dir, first))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := NewTarget(fset, main, src, pkg, info)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// TestApplyTwice applies the fixes of every rewriting case with the fix
// package, as jwtssot -fix will: the file is what the case wants, the
// package still type-checks, and a second run finds nothing left to fix
// and changes nothing.
func TestApplyTwice(t *testing.T) {
	s := NewSet(mustParse(t, matchRecipes+rewriteRecipes))
	other := "package billing\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nvar tok *jwt.Token\nvar key []byte\n"
	for _, tt := range rewriteCases {
		if tt.refuse != "" {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range map[string]string{"a.go": tt.src, "other.go": other} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for round := 1; round <= 2; round++ {
				tg := loadDir(t, dir, "a.go")
				ms, _ := matchAll(t, s, tg)
				var fixes []fix.Fix
				for _, r := range Fixes(ms) {
					if r.Err != nil {
						t.Fatalf("round %d: %v", round, r.Err)
					}
					f, err := fix.FromSuggested(tg.Fset, tg.text(r.Match.Call), *r.Fix)
					if err != nil {
						t.Fatal(err)
					}
					fixes = append(fixes, f) // nested matches share a fix: applied once
				}
				if round == 2 && len(fixes) > 0 {
					t.Fatalf("round 2 still has %d fixes", len(fixes))
				}
				p := fix.Compute(fixes, fix.Options{Roots: []string{dir}})
				if len(p.Skipped) > 0 {
					t.Fatalf("round %d skipped %v", round, p.Skipped)
				}
				if round == 2 && len(p.Files) > 0 {
					t.Fatalf("round 2 changes %d files", len(p.Files))
				}
				if err := p.Write(); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.ReadFile(filepath.Join(dir, "a.go"))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
