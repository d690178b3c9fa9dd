package cli

import (
	"flag"
	"golang.org/x/tools/go/packages"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/report"
)

// preflightConfig validates the config before any package is loaded, so a
// bad file is a one-line error (exit 2) rather than one error per package,
// and tells whether test files are to be scanned: then `go list` must list
// the test packages too. The config that counts for that is the one named
// by -config, else the one discovered from the scan root.
func preflightConfig(a *analysis.Analyzer, root string) (tests bool, err error) {
	file := flagValue(a, "config")
	if file == "" {
		file = discoverConfig(root)
	}
	var cfg analyzer.Config
	if file != "" {
		if cfg, err = analyzer.LoadConfigFile(file); err != nil {
			return false, err
		}
	}
	if v := flagValue(a, "tests"); v == "true" {
		return true, nil
	} else if v == "false" && flagWasSet(a, "tests") {
		return false, nil
	}
	return cfg.Tests != nil && *cfg.Tests, nil
}

func flagValue(a *analysis.Analyzer, name string) string {
	if f := a.Flags.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

func flagWasSet(a *analysis.Analyzer, name string) bool {
	set := false
	a.Flags.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// discoverConfig finds the config file that applies to dir, walking up to
// the module root as the analyzer does.
func discoverConfig(dir string) string {
	for d := dir; ; {
		for _, name := range analyzer.ConfigFileNames {
			if _, err := os.Stat(filepath.Join(d, name)); err == nil {
				return filepath.Join(d, name)
			}
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return ""
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
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
