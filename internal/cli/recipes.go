package cli

import (
	"context"
	"errors"
	"go/token"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/recipe"
)

// preflightRecipes reads and checks every recipe file the scan can use
// before any package is loaded, so that a bad recipe is one error naming
// its file, line and column (exit status 2) rather than one per package:
// its syntax as the analyzer reads it in every front end, and its types
// against its imports, loaded with go/packages from the recipe file's
// directory (an after whose body does not compile, an after of another
// type than its before). go vet and golangci-lint, which cannot load
// packages for a recipe file, check the syntax only; so does this check
// when the recipe's imports cannot be loaded, a problem of the module that
// the scan reports for its packages.
func preflightRecipes(ctx context.Context, a *analysis.Analyzer, set *config.Set) error {
	var errs []error
	checked := map[string]bool{}
	for _, use := range set.RecipeUses(config.FromFlags(&a.Flags)) {
		libs := jwtlib.NewMatcher(use.Libraries)
		opts := recipe.Options{IsLibrary: func(p string) bool { return libs.Match(p) != "" }}
		for _, name := range use.Files {
			if checked[name] {
				continue
			}
			checked[name] = true
			src, err := config.ReadRecipeFile(name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			f, err := recipe.ParseFile(token.NewFileSet(), name, src, opts)
			if err == nil {
				err = f.Load(ctx, filepath.Dir(name), nil, opts)
			}
			var ie *recipe.ImportError
			if err != nil && !errors.As(err, &ie) {
				// A module whose packages cannot be loaded (no go.sum) is
				// the scan's to report, package by package.
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}
