package main

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/driver"
	"github.com/jwtssot/jwtssot/internal/txtartest"
)

// nogoCase is a module scanned both ways, with the settings nogo_config.json
// would give as analyzer_flags.
type nogoCase struct {
	name    string
	archive string // testdata/<archive>.txtar
	module  string // the module's directory in the archive
	flags   map[string]string
	// needsFacts is a finding (file:line:col) that only a fact of another
	// package gives.
	needsFacts string
}

var nogoCases = []nogoCase{
	{
		name: "app", archive: "modules/app", module: ".",
		flags: map[string]string{
			"auth":         "example.com/app/internal/auth/...",
			"replacements": "github.com/golang-jwt/jwt/v5.Parse=example.com/app/internal/auth.Validate",
		},
	},
	{
		// Globs of exclude are relative to the module root, which the
		// sandbox does not have: a glob starting with **/ matches in both.
		name: "app, exclude", archive: "modules/app", module: ".",
		flags: map[string]string{
			"auth":    "example.com/app/internal/auth/...",
			"exclude": "**/internal/handlers/**",
		},
	},
	{
		name: "module a of the workspace", archive: "modules/workspace", module: "a",
		flags:      map[string]string{"auth": "example.com/a/auth/..."},
		needsFacts: "api/api.go:10:74", // a literal key given to auth.SignWith, which passes it to SignedString
	},
}

// nogoCorpora are the corpora: realistic backends on the real JWT libraries
// and frameworks, their .jwtssot.yaml given as flags.
var nogoCorpora = []nogoCase{
	{name: "corpus fleet", archive: "corpus/fleet", module: ".", flags: map[string]string{"auth": "example.com/fleet/internal/auth/..."}},
	{name: "corpus shopapi", archive: "corpus/shopapi", module: ".", flags: map[string]string{"auth": "example.com/shopapi/internal/auth/..."}},
	{
		name: "corpus ledger", archive: "corpus/ledger", module: ".",
		flags: map[string]string{
			"auth": "example.com/ledger/platform/authn/...",
			"replacements": "github.com/golang-jwt/jwt/v5.Parse=example.com/ledger/platform/authn.(*Service).Verify," +
				"github.com/cristalhq/jwt/v4=example.com/ledger/platform/authn",
		},
	},
	{
		name: "corpus relay", archive: "corpus/relay", module: ".",
		flags: map[string]string{"auth": "example.com/relay/pkg/identity/...", "secret-names": "(?i)^relay_assertion_key$"},
	},
}

// TestNogoStyle runs the analyzer the way rules_go's nogo does (see
// docs/bazel.md) and requires the findings of the standalone scan of the
// same module with the same flags:
//
//   - one package at a time, each in a fresh analyzer, type-checked from its
//     sources against the export data of its imports, with no go.mod and no
//     .jwtssot.yaml around its files: they sit in a Bazel-like execroot
//     (external modules under external/), as in nogo's sandbox;
//   - settings from the analyzer's flags only, set as nogo sets
//     analyzer_flags (Analyzer.Flags.Set), with the auth packages as import
//     paths;
//   - no Pass.Module, as nogo gives none;
//   - facts carried in import order through files: each package reads the
//     facts files of its direct imports and writes its own, which holds its
//     facts and, of its imports' facts, those about methods and fields, as
//     nogo's .facts files do.
//
// Without the facts, the finding that needs them is gone: they are what
// carries it.
func TestNogoStyle(t *testing.T) {
	for _, tc := range nogoCases {
		t.Run(tc.name, func(t *testing.T) { checkNogo(t, tc) })
	}
}

// TestNogoCorpora is TestNogoStyle on the corpora, whose third-party
// modules (gin, echo, viper, the JWT libraries) the nogo-style run
// type-checks from source and analyzes for their facts, as nogo does: the
// slowest of the nogo tests.
func TestNogoCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the corpora's third-party modules from source")
	}
	t.Parallel() // processes only, each on a fixture of its own
	for _, tc := range nogoCorpora {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkNogo(t, tc)
		})
	}
}

func checkNogo(t *testing.T, tc nogoCase) {
	root := txtartest.Extract(t, filepath.Join("..", "..", "testdata", tc.archive+".txtar"))
	removeConfigs(t, root)
	dir := filepath.Join(root, tc.module)

	var flags []string
	for k, v := range tc.flags {
		flags = append(flags, "-"+k+"="+v)
	}
	slices.Sort(flags)
	std := runIn(t, dir, []string{"GOWORK=off"}, os.Args[0], append(append([]string{"-format", "json"}, flags...), "./...")...)
	rep := decodeReport(t, std)
	if std.code != 1 || len(rep.Errors) > 0 {
		t.Fatalf("standalone: exit %d, errors %v\n%s", std.code, rep.Errors, std.stderr)
	}
	want := lines(rep.findings())

	pkgs := listForNogo(t, dir)
	got := moduleRelative(lines(nogoRun(t, dir, pkgs, tc.flags, true)), pkgs)
	if !slices.Equal(got, want) {
		t.Errorf("nogo-style run and standalone scan disagree\nnogo-style:\n%s\nstandalone:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if tc.needsFacts == "" {
		return
	}
	if !slices.ContainsFunc(got, func(f string) bool { return strings.HasPrefix(f, tc.needsFacts+":") }) {
		t.Errorf("no finding at %s:\n%s", tc.needsFacts, strings.Join(got, "\n"))
	}
	without := lines(nogoRun(t, dir, pkgs, tc.flags, false))
	if slices.ContainsFunc(without, func(f string) bool { return strings.HasPrefix(f, tc.needsFacts+":") }) {
		t.Errorf("the finding at %s is there without facts: the test does not show that facts carry it", tc.needsFacts)
	}
}

// moduleRelative rewrites nogo's names of the main module's files in
// messages to the names a driver that knows the module gives them: nogo
// knows no modules, so the message names a file of another package by its
// import path ("example.com/ledger/platform/config/env.go:16") where the
// other front ends name it by its path in the module
// ("platform/config/env.go:16"), as docs/rules/secret-access.md says.
func moduleRelative(msgs []string, pkgs []*packages.Package) []string {
	mod := ""
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main {
			mod = p.Module.Path
		}
	}
	if mod == "" {
		return msgs
	}
	file := regexp.MustCompile(`([( ])` + regexp.QuoteMeta(mod) + `/([^ ()]+\.go:\d+)`)
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = file.ReplaceAllString(m, "$1$2")
	}
	return out
}

// TestNogoFlagsMatchConfig: the auth packages named by import path in
// flags find what the module's .jwtssot.yaml finds with its module-relative
// patterns, so a team moving to nogo keeps its findings.
func TestNogoFlagsMatchConfig(t *testing.T) {
	tc := nogoCases[0]
	withConfig := decodeReport(t, jwtssot(t, module(t, "app"), "-format", "json", "./..."))
	dir := extract(t, "app")
	removeConfigs(t, dir)
	var flags []string
	for k, v := range tc.flags {
		flags = append(flags, "-"+k+"="+v)
	}
	withFlags := decodeReport(t, jwtssot(t, dir, append(append([]string{"-format", "json"}, flags...), "./...")...))
	// The messages quote the auth patterns as written; the rest is equal.
	where := func(rep jsonReport) []string {
		var out []string
		for _, f := range rep.findings() {
			msg := strings.ReplaceAll(f.Message, "(example.com/app/internal/auth/...)", "(./internal/auth/...)")
			out = append(out, fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Column, msg))
		}
		return out
	}
	if a, b := where(withConfig), where(withFlags); !slices.Equal(a, b) || len(a) == 0 {
		t.Errorf("config file and flags disagree\nconfig:\n%s\nflags:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

// TestNogoModuleRelativePatterns: in nogo's sandbox there is no module
// root, so a module-relative auth pattern names no package, and the auth
// package's own JWT code is reported; docs/bazel.md says to write import
// paths.
func TestNogoModuleRelativePatterns(t *testing.T) {
	dir := extract(t, "app")
	removeConfigs(t, dir)
	flags := map[string]string{"auth": "./internal/auth/..."}
	inAuth := func(fs []finding) bool {
		return slices.ContainsFunc(fs, func(f finding) bool { return strings.HasPrefix(f.File, "internal/auth/") })
	}
	if std := decodeReport(t, jwtssot(t, dir, "-format", "json", "-auth=./internal/auth/...", "./...")); inAuth(std.findings()) {
		t.Fatalf("standalone: findings in the auth package:\n%s", dump(std.findings()))
	}
	if got := nogoRun(t, dir, listForNogo(t, dir), flags, true); !inAuth(got) {
		t.Errorf("nogo-style: ./internal/auth/... matched the auth package without a module root; docs/bazel.md says it does not:\n%s", dump(got))
	}
}

// removeConfigs deletes every config file under dir: nogo's sandbox has
// none.
func removeConfigs(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && (d.Name() == ".jwtssot.yaml" || d.Name() == ".jwtssot.yml") {
			err = os.RemoveAll(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// listForNogo lists the module's packages and every package they import,
// with the export data a Bazel build would have compiled for each.
func listForNogo(t *testing.T, dir string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedDeps | packages.NeedExportFile | packages.NeedModule,
		Dir: dir,
		Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	roots, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	var order []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Fatalf("%s: %v", p.PkgPath, e)
		}
		order = append(order, p) // after its imports: import order
	})
	return order
}

// nogoRun analyzes the packages one at a time, in import order, as nogo
// does, and returns the findings of the module's packages.
func nogoRun(t *testing.T, moduleDir string, pkgs []*packages.Package, flags map[string]string, carryFacts bool) []finding {
	t.Helper()
	execroot := filepath.Join(t.TempDir(), "execroot", "_main")
	factFiles := map[string][]byte{} // package path -> its encoded facts, as in <pkg>.facts
	var fs []finding
	for _, p := range pkgs {
		if p.Module == nil {
			continue // the standard library: nogo does not run on it, and it has no facts
		}
		// The package's sources, alone, where Bazel puts them.
		var dir string
		if p.Module.Main {
			rel, err := filepath.Rel(moduleDir, filepath.Dir(p.CompiledGoFiles[0]))
			if err != nil {
				t.Fatal(err)
			}
			dir = filepath.Join(execroot, rel)
		} else {
			repo := strings.NewReplacer("/", "_", ".", "_").Replace(p.Module.Path)
			rel := strings.TrimPrefix(strings.TrimPrefix(p.PkgPath, p.Module.Path), "/")
			dir = filepath.Join(execroot, "external", repo, rel)
		}
		fset := token.NewFileSet()
		var files []*ast.File
		for _, src := range p.CompiledGoFiles {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, filepath.Base(src))
			writeFile(t, name, string(data))
			f, err := parser.ParseFile(fset, name, data, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}

		// Type-check against the export data of the imports, one process
		// (here: one importer and FileSet) per package.
		imp := &exportImporter{fset: fset, pkg: p, cache: map[string]*types.Package{}}
		info := &types.Info{
			Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
			Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
			Scopes: map[ast.Node]*types.Scope{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
			Instances: map[*ast.Ident]types.Instance{}, FileVersions: map[*ast.File]string{},
		}
		conf := types.Config{Importer: imp, Sizes: types.SizesFor("gc", runtime.GOARCH)}
		if p.Module.GoVersion != "" {
			conf.GoVersion = "go" + p.Module.GoVersion
		}
		tpkg, err := conf.Check(p.PkgPath, fset, files, info)
		if err != nil {
			t.Fatalf("type-checking %s: %v", p.PkgPath, err)
		}

		// A fresh analyzer with nogo_config.json's analyzer_flags.
		a, err := analyzer.New(analyzer.Config{})
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range flags {
			if err := a.Flags.Set(k, v); err != nil {
				t.Fatalf("analyzer_flags %s=%s: %v", k, v, err)
			}
		}
		driver.Register(a)
		facts := driver.NewFacts()
		if carryFacts {
			for _, dep := range p.Imports {
				if err := facts.Decode(factFiles[dep.PkgPath]); err != nil {
					t.Fatalf("facts of %s: %v", dep.PkgPath, err)
				}
			}
		}
		res, err := facts.Run(a, &driver.Package{Fset: fset, Files: files, Types: tpkg, TypesInfo: info, Sizes: conf.Sizes})
		if err != nil {
			t.Fatalf("%s: %v", p.PkgPath, err)
		}
		enc, err := facts.Encode()
		if err != nil {
			t.Fatal(err)
		}
		factFiles[p.PkgPath] = nogoFactsFile(t, enc, p.PkgPath)
		if !p.Module.Main {
			continue // facts only, as bzlmod's nogo for external repositories
		}
		for _, f := range res.Value.(*analyzer.Result).Findings {
			pos := fset.Position(f.Pos)
			rel, err := filepath.Rel(execroot, pos.Filename)
			if err != nil {
				t.Fatal(err)
			}
			fs = append(fs, finding{File: filepath.ToSlash(rel), Line: pos.Line, Column: pos.Column, Rule: f.Rule, Message: f.Message})
		}
	}
	return fs
}

// factRecord is a fact as internal/driver encodes it (gob matches the
// fields by name).
type factRecord struct {
	Pkg  string
	Path string // objectpath; "" for a package fact
	Fact analysis.Fact
}

// nogoFactsFile keeps of the facts a package's analysis holds what nogo
// writes in its .facts file (x/tools' internal/facts, Set.Encode): the
// package's own facts, and of those it imported only the facts about
// fields, methods and types, not about other packages' package-level
// functions, variables and constants, which an importer reads from the
// package that declares them, a direct import of its own.
func nogoFactsFile(t *testing.T, enc []byte, pkgPath string) []byte {
	t.Helper()
	if len(enc) == 0 {
		return nil
	}
	var recs, kept []factRecord
	if err := gob.NewDecoder(bytes.NewReader(enc)).Decode(&recs); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		// A package-level object's path is its name; a method's or a
		// field's goes through its type ("T.M0"). jwtssot puts no facts
		// on types.
		if r.Pkg == pkgPath || strings.Contains(r.Path, ".") {
			kept = append(kept, r)
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(kept); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// exportImporter reads a package's imports from their export data, as
// nogo's importer reads the archives Bazel compiled.
type exportImporter struct {
	fset  *token.FileSet
	pkg   *packages.Package
	cache map[string]*types.Package
}

func (i *exportImporter) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	dep := i.pkg.Imports[path]
	if dep == nil || dep.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %s", path)
	}
	f, err := os.Open(dep.ExportFile)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read only
	// As nogo's importer, and internal/load, read export data: NewReader
	// takes both export files and compiler archives.
	r, err := gcexportdata.NewReader(bufio.NewReader(f)) //nolint:staticcheck // deprecated for Go 1.29, as in internal/load
	if err != nil {
		return nil, err
	}
	return gcexportdata.Read(r, i.fset, i.cache, dep.PkgPath)
}

// TestNogoPassWithoutReadFile builds the Pass exactly as rules_go's
// nogo_main.go does, which sets neither Pass.ReadFile nor Pass.Module, and
// runs the analyzer on a package with a //jwtssot:ignore directive. The
// analyzer reads the source text of a file with a directive through
// Pass.ReadFile (analyzer/directive.go), so under nogo it panics on such a
// file unless it reads the file itself when Pass.ReadFile is nil; the test
// requires that, and the standalone scan's findings.
func TestNogoPassWithoutReadFile(t *testing.T) {
	tc := nogoCases[0]
	dir := extract(t, "app")
	removeConfigs(t, dir)
	pkgs := listForNogo(t, dir)
	i := slices.IndexFunc(pkgs, func(p *packages.Package) bool { return p.PkgPath == "example.com/app/internal/orders" })
	if i < 0 {
		t.Fatal("no package orders")
	}
	p := pkgs[i]
	fset := token.NewFileSet()
	var files []*ast.File
	directive := false
	for _, src := range p.CompiledGoFiles {
		f, err := parser.ParseFile(fset, src, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				directive = directive || strings.HasPrefix(c.Text, "//jwtssot:ignore ")
			}
		}
		files = append(files, f)
	}
	if !directive {
		t.Fatal("the package has no //jwtssot:ignore directive: the test tests nothing")
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
		Scopes: map[ast.Node]*types.Scope{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: &exportImporter{fset: fset, pkg: p, cache: map[string]*types.Package{}}}
	tpkg, err := conf.Check(p.PkgPath, fset, files, info)
	if err != nil {
		t.Fatal(err)
	}
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range tc.flags {
		if err := a.Flags.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	pass := func(an *analysis.Analyzer, results map[*analysis.Analyzer]any, report func(analysis.Diagnostic)) *analysis.Pass {
		return &analysis.Pass{ // the fields nogo_main.go sets, and no others
			Analyzer: an, Fset: fset, Files: files, Pkg: tpkg, TypesInfo: info, ResultOf: results, Report: report,
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			TypesSizes:        types.SizesFor("gc", runtime.GOARCH),
		}
	}
	insp, err := inspect.Analyzer.Run(pass(inspect.Analyzer, nil, func(analysis.Diagnostic) {}))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	panicked := func() (v any) {
		defer func() { v = recover() }()
		_, err := a.Run(pass(a, map[*analysis.Analyzer]any{inspect.Analyzer: insp}, func(d analysis.Diagnostic) {
			got = append(got, fmt.Sprintf("%s: %s", fset.Position(d.Pos), d.Message))
		}))
		if err != nil {
			t.Fatal(err)
		}
		return nil
	}()
	if panicked != nil {
		t.Fatalf("under nogo, which leaves Pass.ReadFile nil, the analyzer panicked on a file with a //jwtssot:ignore directive: %v", panicked)
	}
	var want []string
	for _, f := range decodeReport(t, jwtssot(t, dir, "-format", "json", "-auth="+tc.flags["auth"], "-replacements="+tc.flags["replacements"], "./internal/orders")).Violations {
		want = append(want, fmt.Sprintf("%s:%d:%d: %s", filepath.Join(dir, f.File), f.Line, f.Column, f.Message))
	}
	if !slices.Equal(got, want) {
		t.Errorf("without Pass.ReadFile:\n%s\nstandalone:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
