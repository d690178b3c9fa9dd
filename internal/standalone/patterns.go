package standalone

import (
	"fmt"
	"go/version"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/internal/config"
)

// checkFileArguments refuses Go file names given with package patterns or
// from several directories, before go list runs: jwtssot scans packages,
// and a finding depends on other packages (the auth packages, helpers that
// pass a key on), so it cannot scan files one by one. Files of one
// directory alone still make the go command's ad hoc package. pre-commit
// passes the staged files after the hook's args when the hook is given
// pass_filenames: true, which the go command refused with "named files
// must be .go files: ./...".
func checkFileArguments(patterns []string) error {
	var files, others []string
	dirs := map[string]bool{}
	for _, p := range patterns {
		if strings.HasSuffix(p, ".go") {
			files = append(files, p)
			dirs[filepath.Dir(p)] = true
		} else {
			others = append(others, p)
		}
	}
	if len(files) == 0 || (len(others) == 0 && len(dirs) == 1) {
		return nil
	}
	pkgs := make([]string, 0, len(dirs))
	for d := range dirs {
		pkgs = append(pkgs, "./"+filepath.ToSlash(filepath.Clean(d)))
	}
	slices.Sort(pkgs)
	what := "is a Go file"
	if len(files) > 1 {
		what = "are Go files"
	}
	return fmt.Errorf("%s %s, not a package pattern: jwtssot scans packages, since a finding depends on other packages; "+
		"name the packages (%s, or ./... for the module). "+
		"If pre-commit passed the file names, set pass_filenames: false on the hook (its default): the hook scans the module, whatever the commit changes",
		quoteList(files), what, strings.Join(pkgs, " "))
}

func quoteList(names []string) string {
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + " and others"
	}
	return strings.Join(names, ", ")
}

// malformedPatterns turns the pseudo-packages go list makes for arguments
// that are no package pattern at all (jwtssot -- -x: "malformed import
// path") into a usage error, instead of a package that could not be
// checked (exit status 3, "0 packages scanned").
func malformedPatterns(roots []*packages.Package) error {
	for _, p := range roots {
		if p.Name != "" || len(p.GoFiles) > 0 || len(p.Errors) == 0 {
			continue
		}
		if msg := p.Errors[0].Msg; strings.Contains(msg, "malformed import path") || strings.Contains(msg, "invalid import path") {
			return fmt.Errorf("%q is not a package pattern (the go command: %s); pass import paths or patterns such as ./... (after --, every argument is a pattern)", p.ID, msg)
		}
	}
	return nil
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
			return fmt.Errorf("pattern %q is outside the workspace's modules; pass the pattern work (every package of the go.work modules) or ./<module>/...", p.ID) //nolint:staticcheck // ends with a package pattern, not punctuation
		case strings.Contains(msg, "go.mod file not found"):
			wd, _ := os.Getwd()
			return fmt.Errorf("%s is not in a Go module (no go.mod here or above); run jwtssot from a module root or pass -C <module dir>", wd)
		case strings.Contains(msg, "does not contain main module") && !inModule():
			wd, _ := os.Getwd()
			return fmt.Errorf("%s is not in a Go module (no go.mod here or above); run jwtssot from a module root or pass -C <module dir>", wd)
		case strings.Contains(msg, "does not contain main module"):
			return fmt.Errorf("pattern %q is outside the module jwtssot runs in (the go command: %s); run jwtssot in that pattern's module, with -C <its directory>", p.ID, msg)
		case strings.Contains(msg, "no such file or directory"), strings.Contains(msg, "matched no packages"),
			strings.Contains(msg, "cannot find module providing package"), strings.Contains(msg, "is not in std"):
			return fmt.Errorf("pattern %q matched no packages (%s); pass patterns relative to the module root, such as ./...", p.ID, msg) //nolint:staticcheck // ends with a package pattern, not punctuation
		}
	}
	return nil
}

// listError explains a failure of `go list` itself.
func listError(err error) error {
	msg := err.Error()
	if strings.Contains(msg, "go.mod file not found") || strings.Contains(msg, "cannot find main module") {
		wd, _ := os.Getwd()
		return fmt.Errorf("%s is not in a Go module (no go.mod here or above); run jwtssot from a module root or pass -C <module dir>", wd)
	}
	return fmt.Errorf("listing packages: %v", strings.TrimSpace(msg))
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
		return fmt.Errorf("module %s needs go %s (%s), newer than the %s this jwtssot was built with, whose type checker cannot read its code; "+
			"build jwtssot with Go %s or newer (go install github.com/jwtssot/jwtssot/cmd/jwtssot@latest with that Go)",
			m.Path, m.GoVersion, gomod, toolchain, version.Lang("go" + m.GoVersion)[2:])
	}
	return nil
}

// inModule reports whether the working directory is in a Go module or a
// go.work workspace.
func inModule() bool {
	wd, err := os.Getwd()
	return err == nil && config.InModule(wd)
}
