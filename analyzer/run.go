package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/secretname"
)

// checker is the state of one pass: the package's settings, the index the
// walk builds for tracing literals, and the findings before suppression.
type checker struct {
	pass   *analysis.Pass
	info   *types.Info
	s      *config.Settings
	inAuth bool
	// reachesJWT is false when no JWT library is among the package's
	// transitive imports: then no object of a library can appear in it, and
	// the import and call rules and the key sinks have nothing to find.
	reachesJWT bool
	names      *secretname.Namer // the config's secret-name heuristic, for this package

	files      map[*token.File]*fileState
	flow       *flowIndex
	sources    []secretSource // hardcoded-secret candidates, traced after the walk
	candidates []Finding
	secretLits map[token.Pos]bool // literals already reported as hardcoded-secret
}

// fileState is what the checker keeps per analyzed file.
type fileState struct {
	tf         *token.File
	cursor     inspector.Cursor
	directives []*directive
}

func (in *instance) run(pass *analysis.Pass) (any, error) {
	pkgDir := packageDir(pass)
	if pkgDir == "" {
		return &Result{}, nil // only generated files
	}
	s, err := in.configs.For(pkgDir, pass.Pkg.Path(), in.explicit())
	if err != nil {
		return nil, err
	}
	c := &checker{
		pass:       pass,
		info:       pass.TypesInfo,
		s:          s,
		inAuth:     s.IsAuth(pass.Pkg.Path()),
		reachesJWT: reachesLibrary(pass.Pkg, s.Libs),
		files:      map[*token.File]*fileState{},
		flow:       newFlowIndex(),
		secretLits: map[token.Pos]bool{},
	}
	c.names = s.Names.WithWeakContext(c.reachesJWT)
	c.walk(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	c.resolveSecrets()
	return c.finish(), nil
}

// packageDir is the directory of the package's first hand-written file
// (cgo's generated files live in the build cache).
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if !ast.IsGenerated(f) {
			return filepath.Dir(pass.Fset.File(f.FileStart).Name())
		}
	}
	return ""
}

// reachesLibrary reports whether a JWT library is among pkg's transitive
// imports. The call rule fires in files that import no JWT library (a token
// returned by the auth module), so direct imports are not enough.
func reachesLibrary(pkg *types.Package, libs *jwtlib.Matcher) bool {
	seen := map[*types.Package]bool{}
	stack := []*types.Package{pkg}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[p] {
			continue
		}
		seen[p] = true
		if p != pkg && libs.Match(p.Path()) != "" {
			return true
		}
		stack = append(stack, p.Imports()...)
	}
	return false
}

// skipFile reports whether a file is outside the analysis: generated,
// a test file (unless tests is set) or excluded by a glob.
func (c *checker) skipFile(f *ast.File, name string) bool {
	return ast.IsGenerated(f) ||
		(!c.s.Tests && strings.HasSuffix(name, "_test.go")) ||
		c.s.Excluded(name)
}

// report records a finding; suppression directives are applied in finish.
func (c *checker) report(rule string, pos, end token.Pos, symbol, body string) {
	if !c.s.Enabled(rule) {
		return
	}
	c.candidates = append(c.candidates, Finding{
		Rule: rule, Pos: pos, End: end, Symbol: symbol, Message: tagged(rule, body),
	})
}

// finish applies the directives, reports what survives, and returns it as
// the pass's Result.
func (c *checker) finish() *Result {
	findings := c.applyDirectives()
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].Pos < findings[j].Pos })
	for i := range findings {
		f := &findings[i]
		if fs := c.files[c.pass.Fset.File(f.Pos)]; fs != nil {
			f.Function = enclosingFunction(fs.cursor, f.Pos, f.End)
		}
		c.pass.Report(analysis.Diagnostic{
			Pos: f.Pos, End: f.End, Category: f.Rule, Message: f.Message,
			URL: rules.DocsURL + "/" + f.Rule + ".md",
		})
	}
	return &Result{Findings: findings}
}
