package standalone

import (
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/report"
)

// authScopes says which packages are auth for the report: the config in
// effect at the scan root, then each config below it, which replaces it in
// its subtree (or one scope for -auth or a named config file, which apply
// everywhere).
func authScopes(set *config.Set, root string, a *analysis.Analyzer) []report.AuthScope {
	rel := func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(p)
	}
	scope := func(f config.File) report.AuthScope {
		patterns := slices.Clone(f.Config.Auth)
		if patterns == nil {
			patterns = []string{}
		}
		return report.AuthScope{Dir: rel(filepath.Dir(f.Path)), Config: rel(f.Path), Patterns: patterns, Tests: f.Config.TestsOn()}
	}
	var scopes []report.AuthScope
	switch {
	case set.Explicit != "":
		for _, f := range set.Files {
			if f.Path == set.Explicit {
				s := scope(f)
				s.Dir = "."
				scopes = append(scopes, s)
			}
		}
	default:
		rootScope := report.AuthScope{Dir: ".", Patterns: []string{}}
		for _, f := range set.Files {
			dir := filepath.Dir(f.Path)
			switch r := rel(dir); {
			case r == "." || strings.HasPrefix(r, ".."):
				// A file at or above the root: the nearest one applies.
				if inside(root, dir) && (rootScope.Config == "" || len(dir) > len(filepath.Dir(filepath.Join(root, rootScope.Config)))) {
					rootScope = scope(f)
					rootScope.Dir = "."
				}
			default:
				scopes = append(scopes, scope(f))
			}
		}
		scopes = append([]report.AuthScope{rootScope}, scopes...)
	}
	if auth := config.FromFlags(&a.Flags).Auth; auth != nil {
		return []report.AuthScope{{Dir: ".", Config: "-auth", Patterns: slices.Clone(auth), Tests: len(scopes) > 0 && scopes[0].Tests}}
	}
	return scopes
}

// inside reports whether dir is root or one of its parents.
func inside(root, dir string) bool {
	r, err := filepath.Rel(dir, root)
	return err == nil && !strings.HasPrefix(r, "..")
}
