package cli

import (
	"go/version"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/report"
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

// listError explains a failure of `go list` itself.
func listError(err error) error {
	msg := err.Error()
	if strings.Contains(msg, "go.mod file not found") || strings.Contains(msg, "cannot find main module") {
		wd, _ := os.Getwd()
		return usagef("%s is not in a Go module (no go.mod here or above); run jwtssot from a module root or pass -C <module dir>", wd)
	}
	return usagef("listing packages: %v", strings.TrimSpace(msg))
}

func quotePatterns(patterns []string) string {
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	q := make([]string, len(patterns))
	for i, p := range patterns {
		q[i] = strconv.Quote(p)
	}
	if len(q) == 1 {
		return "pattern " + q[0]
	}
	return "patterns " + strings.Join(q, ", ")
}

func sortErrors(errs []report.PackageError) {
	sort.Slice(errs, func(i, j int) bool { return errs[i].Package < errs[j].Package })
}

// patternErrors turns the pseudo-packages `go list -e` makes for patterns
// it could not resolve into one usage error.
func patternErrors(roots []*packages.Package) error {
	for _, p := range roots {
		if p.Name != "" || len(p.GoFiles) > 0 || len(p.Errors) == 0 {
			continue
		}
		msg := p.Errors[0].Msg
		switch {
		case strings.Contains(msg, "does not contain modules listed in go.work"):
			return usagef("pattern %q is outside the workspace's modules; pass the pattern work (every package of the go.work modules) or ./<module>/...", p.ID)
		case strings.Contains(msg, "go.mod file not found"):
			wd, _ := os.Getwd()
			return usagef("%s is not in a Go module (no go.mod here or above); run jwtssot from a module root or pass -C <module dir>", wd)
		case strings.Contains(msg, "does not contain main module") && !inModule():
			wd, _ := os.Getwd()
			return usagef("%s is not in a Go module (no go.mod here or above); run jwtssot from a module root or pass -C <module dir>", wd)
		case strings.Contains(msg, "does not contain main module"):
			return usagef("pattern %q is outside the module jwtssot runs in (the go command: %s); run jwtssot in that pattern's module, with -C <its directory>", p.ID, msg)
		case strings.Contains(msg, "no such file or directory"), strings.Contains(msg, "matched no packages"),
			strings.Contains(msg, "cannot find module providing package"), strings.Contains(msg, "is not in std"):
			return usagef("pattern %q matched no packages (%s); pass patterns relative to the module root, such as ./...", p.ID, msg)
		}
	}
	return nil
}

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

// inModule reports whether the working directory is in a Go module or a
// go.work workspace.
func inModule() bool {
	wd, err := os.Getwd()
	return err == nil && config.InModule(wd)
}

// goVersionError refuses, before anything is type-checked, a module that
// needs a newer Go than the one jwtssot was built with (toolchain): its
// type checker would reject every file of the module, one package error
// at a time, while the cause is one line of go.mod.
func goVersionError(roots []*packages.Package, toolchain string) error {
	if !version.IsValid(toolchain) {
		return nil // a development build of Go: no version to compare
	}
	for _, p := range roots {
		m := p.Module
		if m == nil || m.GoVersion == "" || version.Compare("go"+m.GoVersion, toolchain) <= 0 {
			continue
		}
		gomod := "go.mod"
		if m.GoMod != "" {
			gomod = m.GoMod
		}
		return usagef("module %s needs go %s (%s), newer than the %s this jwtssot was built with, whose type checker cannot read its code; "+
			"build jwtssot with Go %s or newer (go install github.com/jwtssot/jwtssot/cmd/jwtssot@latest with that Go)",
			m.Path, m.GoVersion, gomod, toolchain, version.Lang("go" + m.GoVersion)[2:])
	}
	return nil
}
