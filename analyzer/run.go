package analyzer

import (
	"cmp"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/recipe"
	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/secretname"
)

// run is the analysis of one package, in the order it happens:
//
//  1. index: one walk of the package's files feeds the value graph and
//     records what the rules look at (imports, library references and
//     calls, sinks, setting reads, names, JWT operations);
//  2. settle: the package-wide work every rule shares, once the walk is
//     done: which names are secrets' (the weak words wait for the package's
//     use of JWT), which setting names are read, which parameters of the
//     package's functions read settings or reach keys;
//  3. the rules of the registry (registry.go), each reading the index and
//     reporting; the inventory is built the same way;
//  4. facts: what the package's functions and variables do, for the
//     packages that import it;
//  5. finish: directives, then the findings and sites as the Result.
func (in *instance) run(pass *analysis.Pass) (any, error) {
	pkgDir := packageDir(pass)
	if pkgDir == "" || !isScanned(pass, pkgDir) || builtinLibs.Match(pass.Pkg.Path()) != "" {
		// Only generated files, or not a package of the scanned modules,
		// or a JWT library itself (vendored, or replaced into the module):
		// nothing to report and no facts, and no config to read.
		return &Result{}, nil
	}
	s, err := in.configs.For(pkgDir, pass.Pkg.Path(), in.explicit())
	if err != nil {
		return nil, err
	}
	if s.Libs.Match(pass.Pkg.Path()) != "" {
		return &Result{}, nil // a library added by the libraries setting
	}
	rs, err := in.recipeSet(s)
	if err != nil {
		return nil, err
	}
	ix := newIndex(pass, s)
	ix.recipes = rs
	ix.walk()
	ix.settle()
	for _, r := range registry {
		r.check(ix)
	}
	ix.exportFacts()
	return ix.finish(), nil
}

// index is what the analysis of one package knows: the package and its
// settings, the value graph, what the walk recorded (seen), what the
// package-wide phases decided (settled), and the findings so far (out).
// Rules read it; only the walk and settle write it.
type index struct {
	pass   *analysis.Pass
	info   *types.Info
	s      *config.Settings
	inAuth bool
	// names is the config's secret-name heuristic, its weak words
	// decided by the package's use of JWT once the walk is done.
	names *secretname.Namer
	files map[*token.File]*fileState
	flow  *flow.Engine
	seen  walkRecords
	inv   inventoryState
	// callees and libPkgs are what the walk decided about the functions
	// called and the packages referred to, once each.
	callees map[*types.Func]*callee
	libPkgs map[*types.Package]bool
	facts   factCache
	out     findings
	// writtenFields are the fields of other packages the package writes,
	// by their foreignKey, once a summary names one (oracle.Field).
	writtenFields map[foreignKey]*types.Var
	recipes       *recipe.Set // the fixes' recipes, nil without any (fixes.go)
}

// fileState is what the index keeps per analyzed file.
type fileState struct {
	tf         *token.File
	file       *ast.File
	directives []*directive
	funcs      *funcIndex // built when a finding needs it
}

func newIndex(pass *analysis.Pass, s *config.Settings) *index {
	ix := &index{
		pass:    pass,
		info:    pass.TypesInfo,
		s:       s,
		inAuth:  s.IsAuth(pass.Pkg.Path()),
		names:   s.Names,
		files:   map[*token.File]*fileState{},
		facts:   newFactCache(pass),
		callees: map[*types.Func]*callee{},
		libPkgs: map[*types.Package]bool{},
		out:     findings{secretLits: map[token.Pos]bool{}, reportedObjs: map[types.Object]bool{}, readSites: map[readSite]bool{}},
	}
	ix.seen = newWalkRecords(libraryUses(pass.TypesInfo, s.Libs))
	ix.flow = flow.New(pass.TypesInfo, pass.Pkg, oracle{ix})
	return ix
}

// builtinLibs matches the built-in JWT libraries, which need no config.
var builtinLibs = jwtlib.NewMatcher(nil)

// isScanned reports whether the pass is of a package of the scanned
// modules: not of the standard library (its files are in GOROOT) nor of a
// third-party module (it has a version). go vet and golangci-lint run the
// analyzer on every dependency for its facts; those return at once.
func isScanned(pass *analysis.Pass, pkgDir string) bool {
	if pass.Module != nil && pass.Module.Version != "" {
		return false
	}
	goroot := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return !strings.HasPrefix(pkgDir+string(filepath.Separator), goroot)
}

// packageDir is the directory of the package's first hand-written file
// (cgo's generated files live in the build cache; its translation of a
// user's file names that file).
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if name, handWritten := sourceFile(pass.Fset, f); handWritten {
			return filepath.Dir(name)
		}
	}
	return ""
}

// sourceFile returns the name of the file a user wrote that f stands for,
// and whether there is one. A file of the user's is itself. cgo translates
// each user's file with import "C" into a file of its own, headed "Code
// generated by cmd/cgo", whose //line directives point back at the user's
// file: that translation stands for the user's file, is analyzed in its
// place, and its findings are reported at the user's lines. Other generated
// files stand for no user's file.
func sourceFile(fset *token.FileSet, f *ast.File) (string, bool) {
	physical := fset.File(f.FileStart).Name()
	if !ast.IsGenerated(f) {
		return physical, true
	}
	if logical := fset.Position(f.Package).Filename; logical != physical && strings.HasSuffix(logical, ".go") &&
		isCgoTranslation(f) {
		return logical, true
	}
	return physical, false
}

// isCgoTranslation reports whether f is cmd/cgo's translation of a user's
// file: its generated-code comment names cmd/cgo.
func isCgoTranslation(f *ast.File) bool {
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			break
		}
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, "// Code generated by cmd/cgo;") {
				return true
			}
		}
	}
	return false
}

// libraryUses returns the identifiers of the package that refer to an
// object of a JWT library (a function, method, type, field, constant or
// variable: the type checker records every such identifier in info.Uses,
// selectors, promoted methods and fields, the keys of composite literals
// included), in the order of their positions. The call rule fires in files
// that import no JWT library (a token returned by the auth module), where
// such a reference is all there is; without one, the call rule and the
// library key sinks have nothing to find. One pass over info.Uses finds
// them, so the walk compares positions instead of looking up every
// identifier. It reads no other package's imports: the scan shares the
// packages read from export data between goroutines, which may still be
// filling in the imports of one read only in part.
func libraryUses(info *types.Info, libs *jwtlib.Matcher) []*ast.Ident {
	lib := map[*types.Package]bool{}
	var out []*ast.Ident
	for id, obj := range info.Uses {
		p := obj.Pkg()
		if p == nil {
			continue
		}
		is, ok := lib[p]
		if !ok {
			is = libs.Match(p.Path()) != ""
			lib[p] = is
		}
		if is {
			out = append(out, id)
		}
	}
	slices.SortFunc(out, func(a, b *ast.Ident) int { return cmp.Compare(a.Pos(), b.Pos()) })
	return out
}

// skipFile reports whether a file is outside the analysis: generated (but
// for cgo's translation of a user's file), a test file (unless tests is
// set) or excluded by a glob.
func (ix *index) skipFile(f *ast.File) bool {
	name, handWritten := sourceFile(ix.pass.Fset, f)
	return !handWritten ||
		(!ix.s.Tests && strings.HasSuffix(name, "_test.go")) ||
		ix.s.Excluded(name)
}

// analyzed reports whether pos is in a file the analysis covers.
func (ix *index) analyzed(pos token.Pos) bool {
	return ix.files[ix.pass.Fset.File(pos)] != nil
}

// finish applies the directives, reports what survives, and returns it as
// the pass's Result, with the package's JWT operations.
func (ix *index) finish() *Result {
	found := ix.applyDirectives()
	sort.SliceStable(found, func(i, j int) bool { return found[i].Pos < found[j].Pos })
	ix.attachFixes(found)
	sites := ix.inventory()
	for i := range sites {
		sites[i].Function = ix.functionAt(sites[i].Pos)
	}
	for i := range found {
		f := &found[i]
		f.Function = ix.functionAt(f.Pos)
		ix.pass.Report(analysis.Diagnostic{
			Pos: f.Pos, End: f.End, Category: f.Rule, Message: f.Message,
			URL: rules.DocsURL + "/" + f.Rule + ".md", SuggestedFixes: f.suggestedFixes(),
		})
	}
	return &Result{Findings: found, Sites: sites}
}

// functionAt names the top-level function around pos.
func (ix *index) functionAt(pos token.Pos) string {
	fs := ix.files[ix.pass.Fset.File(pos)]
	if fs == nil {
		return ""
	}
	if fs.funcs == nil {
		fs.funcs = newFuncIndex(fs.file)
	}
	return fs.funcs.enclosing(pos)
}
