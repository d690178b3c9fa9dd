package analyzer_test

import (
	"fmt"
	"go/scanner"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/driver"
	"github.com/jwtssot/jwtssot/internal/jwtop"
	"github.com/jwtssot/jwtssot/internal/load"
)

// The variants share one load of testdata/src: each runs its own analyzer
// instance over the packages it names, through the driver the standalone
// scan uses (facts included), and checks the "// want" comments the way
// analysistest does. analysistest loads and type-checks every dependency
// from source for every run, standard library included, which made the
// variants take most of the package's test time; TestApp still runs the
// analyzer through analysistest and x/tools' checker.

// rootsMode type-checks the packages named from source and their
// dependencies from export data.
const rootsMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// testdataPackages is every package under testdata/src that a test checks
// with the harness, loaded once.
var testdataPackages = sync.OnceValues(func() ([]*packages.Package, error) {
	gopath, err := filepath.Abs("testdata")
	if err != nil {
		return nil, err
	}
	cfg := &packages.Config{
		Mode:  rootsMode,
		Tests: true, // as analysistest: test files carry want comments too
		Dir:   gopath,
		Env:   append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "app/...", "noauth", "variants/...", "flowcases/...", "inventory/...", "reach/...")
	if err != nil {
		return nil, err
	}
	var errs []string
	for _, p := range pkgs {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("loading testdata: %s", strings.Join(errs, "\n"))
	}
	// As the scan does: a package's test variant "p [p.test]" holds all of
	// p's files and replaces p; the test mains "p.test" are dropped.
	variant := map[string]bool{}
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, "["+p.PkgPath+".test]") {
			variant[p.PkgPath] = true
		}
	}
	var out []*packages.Package
	for _, p := range pkgs {
		switch {
		case strings.HasSuffix(p.PkgPath, ".test") && !strings.Contains(p.ID, " "):
		case p.ID == p.PkgPath && variant[p.PkgPath]:
		default:
			out = append(out, p)
		}
	}
	return out, nil
})

// selectPackages returns the loaded packages matching patterns ("x/..."
// or an import path).
func selectPackages(tb testing.TB, patterns ...string) []*packages.Package {
	tb.Helper()
	all, err := testdataPackages()
	if err != nil {
		tb.Fatal(err)
	}
	var out []*packages.Package
	for _, p := range all {
		path := strings.TrimSuffix(p.PkgPath, "_test") // an external test package goes with its package
		for _, pat := range patterns {
			if prefix, ok := strings.CutSuffix(pat, "/..."); ok && (path == prefix || strings.HasPrefix(path, prefix+"/")) || path == pat {
				out = append(out, p)
				break
			}
		}
	}
	if len(out) == 0 {
		tb.Fatalf("no testdata package matches %v", patterns)
	}
	return out
}

// runHarness runs a over pkgs in import order, each package after those it
// imports, and checks every diagnostic and fact against the packages' want
// comments. An analysis error fails the test.
func runHarness(t tester, a *analysis.Analyzer, pkgs []*packages.Package) {
	t.Helper()
	facts := driver.NewFacts()
	for _, p := range importOrder(pkgs) {
		res, err := facts.Run(a, &driver.Package{
			Fset: p.Fset, Files: p.Syntax, Types: p.Types, TypesInfo: p.TypesInfo, Sizes: p.TypesSizes,
			Module: &analysis.Module{}, DependsOn: load.DependsOn(p),
		})
		if err != nil {
			t.Fatalf("%s: %v", p.PkgPath, err)
		}
		checkWants(t, p, res)
	}
}

// importOrder sorts pkgs so that each comes after the ones it imports.
func importOrder(pkgs []*packages.Package) []*packages.Package {
	in := map[*packages.Package]bool{}
	for _, p := range pkgs {
		in[p] = true
	}
	var out []*packages.Package
	done := map[*packages.Package]bool{}
	var visit func(*packages.Package)
	visit = func(p *packages.Package) {
		if done[p] {
			return
		}
		done[p] = true
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			for _, q := range pkgs {
				if q.PkgPath == p.Imports[path].PkgPath && in[q] && q != p {
					visit(q)
				}
			}
		}
		out = append(out, p)
	}
	for _, p := range pkgs {
		visit(p)
	}
	return out
}

// tester is what the harness needs of a *testing.T; TestHarnessFails gives
// it a recorder instead.
type tester interface {
	Helper()
	Error(args ...any)
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// recorder records the errors the harness reports.
type recorder struct{ errs []string }

func (r *recorder) Helper()           {}
func (r *recorder) Error(args ...any) { r.errs = append(r.errs, fmt.Sprint(args...)) }
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// An expectation is a want comment's pattern: a diagnostic's message, or,
// with a name, the fact of the object of that name declared on the line.
type expectation struct {
	name string // "" for a diagnostic
	rx   *regexp.Regexp
}

type lineKey struct {
	file string
	line int
}

// checkWants compares a package's diagnostics and facts with its want
// comments, with analysistest's syntax: `// want "re" name:"re"`, raw or
// quoted patterns, and `+N` for a line N lines below. Every diagnostic and
// fact must match a pattern on its line, and every pattern must be matched.
func checkWants(t tester, p *packages.Package, res *driver.Result) {
	t.Helper()
	want := map[lineKey][]expectation{}
	for _, f := range p.Syntax {
		for _, g := range f.Comments {
			for _, c := range g.List {
				text := strings.TrimPrefix(c.Text, "//")
				if i := strings.Index(text, "// want"); i >= 0 {
					text = text[i+len("// "):]
				}
				rest, ok := strings.CutPrefix(strings.TrimSpace(text), "want")
				if !ok {
					continue
				}
				posn := p.Fset.Position(c.Pos())
				delta, exps, err := parseWant(rest)
				if err != nil {
					t.Errorf("%s: bad want comment: %v", posn, err)
					continue
				}
				k := lineKey{posn.Filename, posn.Line + delta}
				want[k] = append(want[k], exps...)
			}
		}
	}
	match := func(posn token.Position, name, msg string) {
		k := lineKey{posn.Filename, posn.Line}
		for i, e := range want[k] {
			if e.name == name && e.rx.MatchString(msg) {
				want[k] = append(want[k][:i], want[k][i+1:]...)
				return
			}
		}
		kind := "diagnostic"
		if name != "" {
			kind = "fact of " + name
		}
		t.Errorf("%s: unexpected %s: %s", posn, kind, msg)
	}
	for _, d := range res.Diagnostics {
		match(p.Fset.Position(d.Pos), "", d.Message)
	}
	for _, f := range res.Facts {
		match(p.Fset.Position(f.Object.Pos()), f.Object.Name(), fmt.Sprint(f.Fact))
	}
	var left []string
	for k, exps := range want {
		for _, e := range exps {
			what := "diagnostic"
			if e.name != "" {
				what = "fact of " + e.name
			}
			left = append(left, fmt.Sprintf("%s:%d: no %s matching %#q", k.file, k.line, what, e.rx))
		}
	}
	sort.Strings(left)
	for _, l := range left {
		t.Error(l)
	}
}

// parseWant parses the text after "want": an optional +N, then patterns,
// each a Go string (quoted or raw), optionally preceded by "name:".
func parseWant(text string) (int, []expectation, error) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	src := []byte(text)
	var scanErr error
	s.Init(fset.AddFile("want", -1, len(src)), src, func(_ token.Position, msg string) { scanErr = fmt.Errorf("%s", msg) }, 0)
	delta := 0
	var exps []expectation
	name := ""
	for {
		_, tok, lit := s.Scan()
		switch tok {
		case token.EOF, token.SEMICOLON:
			if scanErr != nil {
				return 0, nil, scanErr
			}
			if tok == token.SEMICOLON && lit == "\n" {
				continue
			}
			return delta, exps, nil
		case token.ADD:
			_, tok, lit = s.Scan()
			n, err := strconv.Atoi(lit)
			if tok != token.INT || err != nil {
				return 0, nil, fmt.Errorf("want +N, got +%s", lit)
			}
			delta = n
		case token.IDENT:
			name = lit
			if _, tok, _ = s.Scan(); tok != token.COLON {
				return 0, nil, fmt.Errorf("want ':' after %s", name)
			}
		case token.STRING:
			pat, err := strconv.Unquote(lit)
			if err != nil {
				return 0, nil, err
			}
			rx, err := regexp.Compile(pat)
			if err != nil {
				return 0, nil, err
			}
			exps = append(exps, expectation{name: name, rx: rx})
			name = ""
		default:
			return 0, nil, fmt.Errorf("unexpected %s in want comment", tok)
		}
	}
}

// TestHarnessFails: the harness fails a run whose findings differ from the
// want comments, both ways: run with hardcoded-secret disabled, the flow
// cases leave its wants unmatched; run with a config that makes every JWT
// use a violation, the auth package reports what no comment wants.
func TestHarnessFails(t *testing.T) {
	a, err := analyzer.New(analyzer.Config{Auth: []string{"flowcases/auth"}, Disable: []string{"hardcoded-secret"}})
	if err != nil {
		t.Fatal(err)
	}
	var r recorder
	runHarness(&r, a, selectPackages(t, "flowcases/..."))
	if !slices.ContainsFunc(r.errs, func(e string) bool { return strings.Contains(e, "no diagnostic matching `hardcoded JWT secret") }) {
		t.Errorf("unmatched wants were not reported:\n%s", strings.Join(r.errs, "\n"))
	}
	b, err := analyzer.New(analyzer.Config{Auth: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	r = recorder{}
	runHarness(&r, b, selectPackages(t, "flowcases/auth"))
	if !slices.ContainsFunc(r.errs, func(e string) bool { return strings.Contains(e, "unexpected diagnostic: import of JWT library") }) {
		t.Errorf("unexpected diagnostics were not reported:\n%s", strings.Join(r.errs, "\n"))
	}
}

// TestInventorySites checks what the analyzer records of each JWT
// operation: the operation, the algorithms, the claim checks and where the
// key comes from.
func TestInventorySites(t *testing.T) {
	a, err := analyzer.New(analyzer.Config{Auth: []string{"inventory/auth"}})
	if err != nil {
		t.Fatal(err)
	}
	facts := driver.NewFacts()
	got := map[string]analyzer.Site{} // "pkg.Function op" -> site
	for _, p := range importOrder(selectPackages(t, "inventory/...")) {
		res, err := facts.Run(a, &driver.Package{Fset: p.Fset, Files: p.Syntax, Types: p.Types, TypesInfo: p.TypesInfo,
			Sizes: p.TypesSizes, Module: &analysis.Module{}, DependsOn: load.DependsOn(p)})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range res.Value.(*analyzer.Result).Sites {
			got[p.Types.Name()+"."+s.Function+" "+string(s.Op)] = s
		}
	}
	for key, want := range map[string]analyzer.Site{
		"auth.Sign sign":               {InAuth: true, Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyEnv, KeyDetail: "APP_JWT_SECRET"}},
		"auth.Verify parse":            {InAuth: true, Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyEnv, KeyDetail: "APP_JWT_SECRET", Claims: jwtop.Claims{ExpirationRequired: true, Audience: `"api"`}}},
		"auth.VerifyRSA parse":         {InAuth: true, Facts: jwtop.Facts{Algorithms: []string{"RS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyParameter, KeyDetail: "VerifyRSA", Claims: jwtop.Claims{Leeway: "30s"}}},
		"handlers.verify parse":        {Facts: jwtop.Facts{AnyAlgorithm: true, KeySource: jwtop.KeyEnv, KeyDetail: "APP_JWT_SECRET"}},
		"handlers.verifyChecked parse": {Facts: jwtop.Facts{Algorithms: []string{"HMAC family"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyEnv, KeyDetail: "APP_JWT_SECRET"}},
		"handlers.peek decode":         {Facts: jwtop.Facts{KeySource: jwtop.KeyNone, Claims: jwtop.Claims{Unverified: true}}},
		"handlers.sign sign":           {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyParameter, KeyDetail: "sign"}},
		"handlers.byKid decode":        {Facts: jwtop.Facts{KeySource: jwtop.KeyNone, Claims: jwtop.Claims{Unverified: true}}},
		"handlers.byKid parse":         {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyParameter, KeyDetail: "byKid"}},
		// The shapes the inventory sees through.
		"shapes.(*verifier).fieldParser parse": {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyKeyfunc, Claims: jwtop.Claims{Issuer: `"shapes"`}}},
		"shapes.(*verifier).sign sign":         {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyField, KeyDetail: "verifier.key"}},
		"shapes.joseTuple parse":               {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyParameter, KeyDetail: "joseTuple"}},
		"shapes.echoConfig parse":              {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyEnv, KeyDetail: "SHAPES_JWT_SECRET"}},
		"shapes.echoKey parse":                 {Facts: jwtop.Facts{KeySource: jwtop.KeyParameter, KeyDetail: "echoKey"}},
		"shapes.katarasSign sign":              {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyParameter, KeyDetail: "katarasSign"}},
		"shapes.cristalBuild sign":             {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyUnknown}},
		"shapes.fromRequest parse":             {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyParameter, KeyDetail: "fromRequest"}},
		"shapes.spreadOptions parse":           {Facts: jwtop.Facts{Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyParameter, KeyDetail: "spreadOptions", Claims: jwtop.Claims{Leeway: "2m0s"}}},
	} {
		s, ok := got[key]
		if !ok {
			t.Errorf("no site %s; sites: %v", key, slices.Sorted(maps.Keys(got)))
			continue
		}
		s.Pos, s.Function, s.Op, s.Library, s.Symbol = 0, "", "", "", ""
		if !reflect.DeepEqual(s, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", key, s, want)
		}
	}
	if len(got) != 18 {
		t.Errorf("%d sites, want 18: %v", len(got), slices.Sorted(maps.Keys(got)))
	}
}
