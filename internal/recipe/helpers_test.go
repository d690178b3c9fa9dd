package recipe

import (
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// The tests type-check their target files with go/types against the stub
// packages under testdata/src (a JWT library, an auth module) and the
// standard library's export data.

var (
	stdOnce sync.Once
	std     types.Importer
)

func stdImporter() types.Importer {
	stdOnce.Do(func() { std = importer.Default() })
	return std
}

// srcImporter type-checks the packages of testdata/src from source.
type srcImporter struct {
	fset *token.FileSet
	pkgs map[string]*types.Package
}

func newSrcImporter(fset *token.FileSet) *srcImporter {
	return &srcImporter{fset: fset, pkgs: map[string]*types.Package{}}
}

func (im *srcImporter) Import(path string) (*types.Package, error) {
	if p := im.pkgs[path]; p != nil {
		return p, nil
	}
	dir := filepath.Join("testdata", "src", filepath.FromSlash(path))
	if _, err := os.Stat(dir); err != nil {
		return stdImporter().Import(path)
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, n := range names {
		f, err := parser.ParseFile(im.fset, n, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: im}
	pkg, err := conf.Check(path, im.fset, files, nil)
	if err != nil {
		return nil, err
	}
	im.pkgs[path] = pkg
	return pkg, nil
}

// newInfo has the maps the project's loaders fill (internal/load,
// internal/vet): not Implicits nor Scopes, which the matcher must do
// without.
func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// testPkg is the package path of the target files.
const testPkg = "example.com/app/billing"

// newTestTarget type-checks src (and the other files of its package) as
// package testPkg and returns src's file as a target.
func newTestTarget(t testing.TB, src string, others ...string) *Target {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for i, s := range append([]string{src}, others...) {
		f, err := parser.ParseFile(fset, filepath.Join("billing", "f"+string(rune('0'+i))+".go"), s, parser.ParseComments)
		if err != nil {
			t.Fatalf("target does not parse: %v", err)
		}
		files = append(files, f)
	}
	info := newInfo()
	conf := types.Config{Importer: newSrcImporter(fset)}
	pkg, err := conf.Check(testPkg, fset, files, info)
	if err != nil {
		t.Fatalf("target does not type-check: %v", err)
	}
	tg, err := NewTarget(fset, files[0], []byte(src), pkg, info)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func isJWT(path string) bool { return strings.HasPrefix(path, "github.com/golang-jwt/jwt") }

// mustParse reads a recipe file that must be valid.
func mustParse(t testing.TB, src string) *File {
	t.Helper()
	f, err := ParseFile(token.NewFileSet(), "recipes.go", []byte(src), Options{IsLibrary: isJWT})
	if err != nil {
		t.Fatalf("recipe file refused:\n%v", err)
	}
	return f
}

// calls lists the calls of the target's file, outermost first.
func calls(tg *Target) []*ast.CallExpr {
	var cs []*ast.CallExpr
	ast.Inspect(tg.File, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			cs = append(cs, c)
		}
		return true
	})
	return cs
}

// matchAll matches every call of the target against the set.
func matchAll(t testing.TB, s *Set, tg *Target) (ms []*Match, refusals []error) {
	t.Helper()
	for _, c := range calls(tg) {
		m, err := s.Match(tg, c)
		if m != nil {
			ms = append(ms, m)
		}
		if err != nil {
			refusals = append(refusals, err)
		}
	}
	return ms, refusals
}

// applyFixes applies the fixes of results to the target's source as
// golangci-lint does: every edit of every fix, identical edits once; an
// overlap fails the test.
func applyFixes(t testing.TB, tg *Target, results []Result) string {
	t.Helper()
	type edit struct {
		start, end int
		text       string
	}
	seen := map[edit]bool{}
	var edits []edit
	done := map[*analysis.SuggestedFix]bool{}
	for _, r := range results {
		if r.Fix == nil || done[r.Fix] {
			continue
		}
		done[r.Fix] = true
		for _, e := range r.Fix.TextEdits {
			ed := edit{tg.offset(e.Pos), tg.offset(e.End), string(e.NewText)}
			if !seen[ed] {
				seen[ed] = true
				edits = append(edits, ed)
			}
		}
	}
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.start < last {
			t.Fatalf("overlapping edits at offset %d: %q", e.start, e.text)
		}
		b.Write(tg.Src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(tg.Src[last:])
	return b.String()
}

// gofmtStable fails the test if gofmt would change src.
func gofmtStable(t testing.TB, src string) {
	t.Helper()
	out, err := format.Source([]byte(src))
	if err != nil {
		t.Fatalf("fixed file does not parse: %v\n%s", err, src)
	}
	if string(out) != src {
		t.Errorf("fixed file is not gofmt-stable; gofmt makes:\n%s\nof:\n%s", out, src)
	}
}

// typeChecks fails the test if src does not type-check as the target did.
func typeChecks(t testing.TB, src string, others ...string) {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, s := range append([]string{src}, others...) {
		f, err := parser.ParseFile(fset, "fixed.go", s, parser.ParseComments)
		if err != nil {
			t.Fatalf("fixed file does not parse: %v\n%s", err, s)
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: newSrcImporter(fset)}
	if _, err := conf.Check(testPkg, fset, files, nil); err != nil {
		t.Errorf("fixed file does not type-check: %v\n%s", err, src)
	}
}
