package cli

import (
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
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
	return usagef("%s %s, not a package pattern: jwtssot scans packages, since a finding depends on other packages; "+
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
			return usagef("%q is not a package pattern (the go command: %s); pass import paths or patterns such as ./... (after --, every argument is a pattern)", p.ID, msg)
		}
	}
	return nil
}
