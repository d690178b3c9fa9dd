package standalone

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

// preflightConfig reads and validates every config file the scan can use
// before any package is loaded, so a bad file is one error (exit 2) rather
// than one per package, and says whether `go list` must list test packages:
// when -tests says so, or, without the flag, when the named config file, or
// any config file of the scanned modules, sets tests: true (each package's
// own config then decides whether its test files are analyzed).
func preflightConfig(a *analysis.Analyzer, root string) (*config.Set, bool, error) {
	flags := config.FromFlags(&a.Flags)
	set, err := config.Load(root, flags.ConfigFile)
	if err != nil {
		return nil, false, err
	}
	if flags.Tests != nil {
		return set, *flags.Tests, nil
	}
	return set, set.AnyTests(), nil
}

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
