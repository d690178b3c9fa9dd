package analyzer_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// loadMode is what analysistest loads: syntax and types of the packages and
// their dependencies.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo |
	packages.NeedDeps | packages.NeedModule

// loadGOPATH loads packages from a GOPATH-style tree rooted at gopath (whose
// packages are under gopath/src), as analysistest does, failing the test on
// any package error.
func loadGOPATH(tb testing.TB, gopath string, patterns ...string) []*packages.Package {
	tb.Helper()
	gopath, err := filepath.Abs(gopath)
	if err != nil {
		tb.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: loadMode,
		Dir:  gopath,
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		tb.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		tb.Fatalf("errors loading %v", patterns)
	}
	if len(pkgs) == 0 {
		tb.Fatalf("no packages match %v", patterns)
	}
	return pkgs
}

// A diag is a reported diagnostic with its position resolved.
type diag struct {
	File    string // absolute
	Line    int
	Rule    string
	Message string
}

// analyze runs a over pkgs and returns every diagnostic of the root
// packages, sorted by file and line. An analysis error fails the test.
func analyze(tb testing.TB, a *analysis.Analyzer, pkgs []*packages.Package) []diag {
	tb.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	var out []diag
	for _, act := range graph.Roots {
		if act.Err != nil {
			tb.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			out = append(out, diag{File: p.Filename, Line: p.Line, Rule: d.Category, Message: d.Message})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// writeFiles writes files (slash paths relative to dir) under dir.
func writeFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// copyStubs copies the stubbed third-party libraries of testdata/src into
// the GOPATH tree at dst.
func copyStubs(tb testing.TB, dst string) {
	tb.Helper()
	for _, host := range []string{"github.com", "golang.org", "gopkg.in"} {
		to := filepath.Join(dst, "src", host)
		if err := os.CopyFS(to, os.DirFS(filepath.Join("testdata", "src", host))); err != nil {
			tb.Fatal(err)
		}
	}
}
