package cli

import (
	"os"
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
func preflightConfig(a *analysis.Analyzer, root string, testsFlagSet bool) (*config.Set, bool, error) {
	set, err := config.Load(root, flagValue(a, config.ConfigFlag))
	if err != nil {
		return nil, false, err
	}
	if testsFlagSet {
		return set, flagValue(a, "tests") == "true", nil
	}
	return set, set.AnyTests(), nil
}

func flagValue(a *analysis.Analyzer, name string) string {
	if f := a.Flags.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
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
		case strings.Contains(msg, "does not contain main module"), strings.Contains(msg, "go.mod file not found"):
			wd, _ := os.Getwd()
			return usagef("%s is not in a Go module (no go.mod here or above); run jwtssot from a module root or pass -C <module dir>", wd)
		case strings.Contains(msg, "no such file or directory"), strings.Contains(msg, "matched no packages"),
			strings.Contains(msg, "cannot find module providing package"), strings.Contains(msg, "is not in std"):
			return usagef("pattern %q matched no packages (%s); pass patterns relative to the module root, such as ./...", p.ID, msg)
		}
	}
	return nil
}
