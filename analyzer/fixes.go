package analyzer

import (
	"go/ast"
	"go/token"
	"os"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/recipe"
	"github.com/jwtssot/jwtssot/internal/rules"
)

// This file gives call findings their fixes: the migration recipes of the
// recipes setting (internal/recipe), and those made from replacements
// whose use is a function that takes what the library's function takes.
// The recipes are read and checked once per run (the instance's loader
// keeps them), and matched only against the calls the call rule reported:
// a package without call findings, or a run without recipes, costs
// nothing more.

// A recipeCache holds an analyzer instance's recipes: the loader that
// reads each recipe file once, and the set of each package's settings,
// so that a package costs one lookup.
type recipeCache struct {
	loader *recipe.Loader
	sets   sync.Map // *config.Settings -> recipeSetResult
}

type recipeSetResult struct {
	set *recipe.Set
	err error
}

func newRecipeCache() *recipeCache {
	return &recipeCache{loader: recipe.NewLoader(config.ReadRecipeFile)}
}

// recipeSet returns the recipes of a package's settings, read once per run.
func (in *instance) recipeSet(s *config.Settings) (*recipe.Set, error) {
	if r, ok := in.recipes.sets.Load(s); ok {
		return r.(recipeSetResult).set, r.(recipeSetResult).err
	}
	req := recipe.Request{
		Files:     s.Recipes,
		Libraries: strings.Join(s.Libraries, "\n"),
		IsLibrary: func(p string) bool { return s.Libs.Match(p) != "" },
	}
	req.BaseDir, req.BasePath = s.Base()
	if len(s.AuthWritten) > 0 { // a use is the auth module's API only once there is one
		for _, r := range s.Replacements() {
			rep := recipe.Replacement{Symbol: r.Symbol, Use: strings.TrimSpace(r.Use)}
			rep.SymbolPkg, rep.SymbolName = config.SymbolParts(r.Symbol)
			rep.UsePkg, rep.UseName = config.SymbolParts(rep.Use)
			if rep.SymbolName != "" && rep.UseName != "" && !strings.Contains(rep.UseName, ".") {
				req.Replacements = append(req.Replacements, rep)
			}
		}
	}
	set, err := in.recipes.loader.Load(req)
	in.recipes.sets.Store(s, recipeSetResult{set, err})
	return set, err
}

// attachFixes gives each call finding whose call a recipe matches the
// recipe's fix. It runs on the findings that survive the directives: the
// fixes of a file are planned together (an import is deleted when they
// remove its last use), so a suppressed call, which keeps its use, must
// not be among them. A package with type errors gets no fix, nor does a
// file that stands for another (cgo's translation of a user's file).
func (ix *index) attachFixes(found []Finding) {
	if ix.recipes == nil || ix.inAuth || len(ix.pass.TypeErrors) > 0 {
		return
	}
	calls := map[token.Pos]*ast.CallExpr{}
	for _, r := range ix.seen.libRefs {
		if r.call != nil {
			calls[r.pos] = r.call
		}
	}
	byFile := map[*token.File][]int{}
	for i, f := range found {
		// Only the calls some recipe is for: a file without one is not
		// read.
		if f.Rule == rules.Call && calls[f.Pos] != nil && ix.recipes.Covers(ix.info, calls[f.Pos]) {
			tf := ix.pass.Fset.File(f.Pos)
			byFile[tf] = append(byFile[tf], i)
		}
	}
	for tf, idx := range byFile {
		fs := ix.files[tf]
		if fs == nil || ast.IsGenerated(fs.file) {
			continue
		}
		ix.fixFile(fs, found, idx, calls)
	}
}

// fixFile matches the calls of one file's findings and plans their fixes.
func (ix *index) fixFile(fs *fileState, found []Finding, idx []int, calls map[token.Pos]*ast.CallExpr) {
	readFile := ix.pass.ReadFile
	if readFile == nil {
		readFile = os.ReadFile
	}
	src, err := readFile(fs.tf.Name())
	if err != nil {
		return
	}
	t, err := recipe.NewTarget(ix.pass.Fset, fs.file, src, ix.pass.Pkg, ix.info)
	if err != nil {
		return // the file changed since it was parsed
	}
	var matches []*recipe.Match
	refused := map[*ast.CallExpr]error{}
	for _, i := range idx {
		call := calls[found[i].Pos]
		m, err := ix.recipes.Match(t, call)
		switch {
		case m != nil:
			matches = append(matches, m)
		case err != nil:
			refused[call] = err
		}
	}
	fixOf := map[*ast.CallExpr]*analysis.SuggestedFix{}
	for _, res := range recipe.Fixes(matches) {
		if res.Err == nil && res.Fix != nil {
			fixOf[res.Match.Call] = res.Fix
		} else if res.Err != nil {
			refused[res.Match.Call] = res.Err
		}
	}
	for _, i := range idx {
		found[i].Fix = fixOf[calls[found[i].Pos]]
		if found[i].Fix != nil {
			continue
		}
		// A call inside a rewritten one (jwt.WithLeeway(d) among the
		// arguments of a jwt.Parse a recipe replaces) is fixed by the
		// outer call's fix.
		for call, fix := range fixOf {
			if call.Pos() <= found[i].Pos && found[i].End <= call.End() {
				found[i].Fix = fix
				break
			}
		}
		if err := refused[calls[found[i].Pos]]; err != nil && found[i].Fix == nil {
			found[i].NoFix = err.Error()
		}
	}
}

// suggestedFixes is the finding's fix as a diagnostic carries it.
func (f *Finding) suggestedFixes() []analysis.SuggestedFix {
	if f.Fix == nil {
		return nil
	}
	return []analysis.SuggestedFix{*f.Fix}
}
