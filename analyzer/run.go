package analyzer

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/secretname"
)

// checker is the state of one pass: the package's settings, the value
// graph the walk feeds, what the walk found for the rules to decide once
// the package is indexed, and the findings before suppression.
type checker struct {
	pass   *analysis.Pass
	info   *types.Info
	s      *config.Settings
	inAuth bool
	// refersToJWT is false when the package refers to no object of a JWT
	// library: then the call rule and the library key sinks have nothing
	// to find.
	refersToJWT bool
	// usesJWT is true when the package itself uses a JWT library: it
	// refers to an object of one, or calls a function whose facts say it
	// signs or verifies. Only then do the weak words of a name (signing,
	// hmac, access, token) make it a JWT secret's name.
	usesJWT bool
	// scanned is true for a package of the scanned modules, which exports
	// facts; the standard library and third-party modules do not.
	scanned bool
	names   *secretname.Namer // the config's heuristic, weak words decided by usesJWT

	files map[*token.File]*fileState
	flow  *flow.Engine

	funcs      map[*types.Func]*funcState // functions declared here
	globalVars []*types.Var               // package-level variables, for their facts

	sinks        []sink        // where literals become keys
	named        []namedValue  // values bound to a name, judged once usesJWT is known
	defaults     []sink        // flag, setting and builder defaults
	tagDefaults  []tagDefault  // struct-tag defaults of fields named like a secret
	settingUses  []settingUse  // reads (and loaders) for secret-access, judged after the walk
	settingCalls []settingCall // getters and setters seen from outside, for their defaults
	// fallbackObjs and fallbackFns are the variables, fields and function
	// results whose literals are the fallbacks of a secret they are read from.
	fallbackObjs []types.Object
	fallbackFns  []*types.Func

	keyParams    map[*types.Func]map[int]keyParam
	readParams   map[*types.Func]map[int]bool
	reportedObjs map[types.Object]bool // constants and variables reported where declared
	nameArgs     []ast.Expr            // arguments that name a setting
	nameLits     map[token.Pos]bool    // literals used as a setting's name
	// initializers maps the values assigned to package-level constants and
	// variables to them: a literal reported in such a value makes the
	// object reported, so its uses elsewhere are not reported again.
	initializers map[ast.Expr][]types.Object
	callers      map[*ast.CallExpr]*types.Func

	pending []pendingSite   // JWT operations met by the walk
	sites   []Site          // the same, resolved: the inventory
	keyLits *flow.Collector // whether a site's key may be a literal, for all sites in one walk

	factCollector *flow.Collector // the literals facts carry (factLits)

	candidates []Finding
	secretLits map[token.Pos]bool // literals already reported as hardcoded-secret
}

// fileState is what the checker keeps per analyzed file.
type fileState struct {
	tf         *token.File
	cursor     inspector.Cursor
	directives []*directive
	funcs      *funcIndex // built when a finding needs it
}

// funcState is what the checker keeps per declared function.
type funcState struct {
	decl      *ast.FuncDecl
	summarize bool // its result can hold a key or a keyfunc
}

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
	c := &checker{
		pass:         pass,
		info:         pass.TypesInfo,
		s:            s,
		inAuth:       s.IsAuth(pass.Pkg.Path()),
		refersToJWT:  refersToLibrary(pass.TypesInfo, s.Libs),
		scanned:      true,
		files:        map[*token.File]*fileState{},
		funcs:        map[*types.Func]*funcState{},
		keyParams:    map[*types.Func]map[int]keyParam{},
		readParams:   map[*types.Func]map[int]bool{},
		reportedObjs: map[types.Object]bool{},
		nameLits:     map[token.Pos]bool{},
		callers:      map[*ast.CallExpr]*types.Func{},
		secretLits:   map[token.Pos]bool{},
	}
	c.names = s.Names
	c.flow = flow.New(pass.TypesInfo, pass.Pkg, oracle{c})
	c.walk(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	c.names = s.Names.WithWeakContext(c.usesJWT)
	c.resolve()
	c.exportFacts()
	return c.finish(), nil
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

// refersToLibrary reports whether the package refers to an object of a JWT
// library: a function, method, type, field, constant or variable, which the
// type checker records in info.Uses for every identifier that names one
// (selectors, promoted methods and fields, the keys of composite literals
// included). The call rule fires in files that import no JWT library (a
// token returned by the auth module), where such a reference is all there
// is; without one, the call rule and the library key sinks have nothing to
// find. It reads no other package's imports: the scan shares the packages
// read from export data between goroutines, which may still be filling in
// the imports of one read only in part.
func refersToLibrary(info *types.Info, libs *jwtlib.Matcher) bool {
	seen := map[*types.Package]bool{}
	for _, obj := range info.Uses {
		p := obj.Pkg()
		if p == nil || seen[p] {
			continue
		}
		seen[p] = true
		if libs.Match(p.Path()) != "" {
			return true
		}
	}
	return false
}

// skipFile reports whether a file is outside the analysis: generated (but
// for cgo's translation of a user's file), a test file (unless tests is
// set) or excluded by a glob.
func (c *checker) skipFile(f *ast.File) bool {
	name, handWritten := sourceFile(c.pass.Fset, f)
	return !handWritten ||
		(!c.s.Tests && strings.HasSuffix(name, "_test.go")) ||
		c.s.Excluded(name)
}

// analyzed reports whether pos is in a file the analysis covers.
func (c *checker) analyzed(pos token.Pos) bool {
	return c.files[c.pass.Fset.File(pos)] != nil
}

// report records a finding; suppression directives are applied in finish.
func (c *checker) report(rule string, pos, end token.Pos, symbol, body string) {
	if !c.s.Enabled(rule) || !c.analyzed(pos) {
		return
	}
	c.candidates = append(c.candidates, Finding{
		Rule: rule, Pos: pos, End: end, Symbol: symbol, Message: tagged(rule, body),
	})
}

// finish applies the directives, reports what survives, and returns it as
// the pass's Result, with the package's JWT operations.
func (c *checker) finish() *Result {
	findings := c.applyDirectives()
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].Pos < findings[j].Pos })
	for i := range c.sites {
		c.sites[i].Function = c.functionAt(c.sites[i].Pos)
	}
	for i := range findings {
		f := &findings[i]
		f.Function = c.functionAt(f.Pos)
		c.pass.Report(analysis.Diagnostic{
			Pos: f.Pos, End: f.End, Category: f.Rule, Message: f.Message,
			URL: rules.DocsURL + "/" + f.Rule + ".md",
		})
	}
	return &Result{Findings: findings, Sites: c.sites}
}

// functionAt names the top-level function around pos.
func (c *checker) functionAt(pos token.Pos) string {
	fs := c.files[c.pass.Fset.File(pos)]
	if fs == nil {
		return ""
	}
	if fs.funcs == nil {
		fs.funcs = newFuncIndex(fs.cursor.Node().(*ast.File))
	}
	return fs.funcs.enclosing(pos)
}
