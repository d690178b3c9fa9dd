package standalone

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/internal/report"
)

func TestQuotePatterns(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, `pattern "./..."`},
		{[]string{"./a"}, `pattern "./a"`},
		{[]string{"./a", "./b"}, `patterns "./a", "./b"`},
	} {
		if got := quotePatterns(tc.in); got != tc.want {
			t.Errorf("quotePatterns(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestSummarizeErrors(t *testing.T) {
	errs := []packages.Error{
		{Pos: "a.go:1:2", Msg: "# example.com/a\nlist failed", Kind: packages.ListError},
		{Pos: "a.go:3:4", Msg: "undefined: x", Kind: packages.TypeError},
		{Pos: "a.go:5:6", Msg: "undefined: y", Kind: packages.TypeError},
		{Pos: "a.go:7:8", Msg: "undefined: z", Kind: packages.TypeError},
		{Pos: "a.go:9:1", Msg: "undefined: w", Kind: packages.TypeError},
	}
	got := summarizeErrors(errs)
	if want := "a.go:3:4: undefined: x; a.go:5:6: undefined: y; a.go:7:8: undefined: z; and 1 more errors"; got != want {
		t.Errorf("summarizeErrors = %q, want %q", got, want)
	}
	if got := summarizeErrors(nil); got != "package has errors" {
		t.Errorf("no errors: %q", got)
	}
}

func TestDedupe(t *testing.T) {
	v := report.Violation{File: "a.go", Line: 1, Column: 2, Rule: "call", Message: "m"}
	w := v
	w.Line = 2
	if got := dedupe([]report.Violation{v, w, v}); len(got) != 2 {
		t.Errorf("dedupe kept %d, want 2", len(got))
	}
}

func TestPatternErrors(t *testing.T) {
	for msg, want := range map[string]string{
		"directory prefix . does not contain modules listed in go.work": "outside the workspace's modules",
		"matched no packages":                      "matched no packages",
		"cannot find module providing package x/y": "matched no packages",
	} {
		p := &packages.Package{ID: "./x/...", Errors: []packages.Error{{Msg: msg}}}
		if err := patternErrors([]*packages.Package{p}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", msg, err, want)
		}
	}
	ok := &packages.Package{ID: "x", Name: "x", GoFiles: []string{"x.go"}}
	if err := patternErrors([]*packages.Package{ok}); err != nil {
		t.Errorf("a package with files: %v", err)
	}
}

// TestGoVersionError: a module newer than the toolchain is refused with
// its go.mod named; an equal or older one, or a development toolchain, is
// not.
func TestGoVersionError(t *testing.T) {
	roots := func(v string) []*packages.Package {
		return []*packages.Package{{ID: "x", Module: &packages.Module{Path: "example.com/x", GoVersion: v, GoMod: "go.mod"}}}
	}
	err := goVersionError(roots("1.27.1"), "go1.26.8")
	if err == nil || !strings.Contains(err.Error(), "module example.com/x needs go 1.27.1 (go.mod), newer than the go1.26.8") ||
		!strings.Contains(err.Error(), "Go 1.27 or newer") {
		t.Errorf("newer module: %v", err)
	}
	for _, tc := range []struct{ mod, toolchain string }{{"1.26", "go1.26.8"}, {"1.21.0", "go1.26.8"}, {"1.27", "devel go1.27-abcdef"}, {"", "go1.26.8"}} {
		if err := goVersionError(roots(tc.mod), tc.toolchain); err != nil {
			t.Errorf("go %s with %s: %v", tc.mod, tc.toolchain, err)
		}
	}
}

// TestGCPercent: the collector's headroom grows with the packages to check,
// from Go's default to 400 at 1,000 packages, and no further.
func TestGCPercent(t *testing.T) {
	for n, want := range map[int]int{0: 100, 20: 106, 100: 130, 500: 250, 1000: 400, 5000: 400} {
		if got := gcPercent(n); got != want {
			t.Errorf("gcPercent(%d) = %d, want %d", n, got, want)
		}
	}
}

// TestCheckFileArguments: Go files among package patterns, or from several
// directories (what pre-commit passes with pass_filenames: true), are a
// usage error that names the packages and the hook's setting; the files of
// one directory alone are the go command's ad hoc package.
func TestCheckFileArguments(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // "" for no error
	}{
		{nil, ""},
		{[]string{"./..."}, ""},
		{[]string{"internal/a/x.go", "internal/a/y.go"}, ""},
		{[]string{"./...", "internal/a/x.go"}, "internal/a/x.go is a Go file, not a package pattern: jwtssot scans packages, since a finding depends on other packages; name the packages (./internal/a, or ./... for the module). If pre-commit passed the file names, set pass_filenames: false"},
		{[]string{"a/x.go", "b/y.go"}, "a/x.go, b/y.go are Go files, not a package pattern: jwtssot scans packages, since a finding depends on other packages; name the packages (./a ./b, or ./... for the module)"},
	} {
		err := checkFileArguments(tc.args)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.args, err)
		case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
			t.Errorf("%q: %v, want %q", tc.args, err, tc.want)
		}
	}
}
