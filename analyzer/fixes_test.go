package analyzer_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/txtartest"
)

// TestFixes runs the analyzer with the recipes of testdata/modules/
// fixes.txtar and applies every fix it suggests, as golangci-lint --fix
// does, comparing each file with its .golden (see the archive's comment
// for what each file checks). analysistest compares only the files that
// have fixes, so the findings with a fix are listed here too: a fix
// missing, or one where none may be, fails the test.
func TestFixes(t *testing.T) {
	dir := txtartest.Extract(t, filepath.Join("testdata", "modules", "fixes.txtar"))
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var fixed, unfixed []string
	for _, r := range analysistest.RunWithSuggestedFixes(t, dir, a, "./...") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				p := r.Pass.Fset.Position(d.Pos)
				fixed = append(fixed, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, d.SuggestedFixes[0].Message))
			}
		}
		res, _ := r.Result.(*analyzer.Result)
		for _, f := range res.Findings {
			if f.NoFix != "" {
				p := r.Pass.Fset.Position(f.Pos)
				unfixed = append(unfixed, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(p.Filename), p.Line, p.Column, f.NoFix))
			}
		}
	}
	slices.Sort(unfixed)
	// The call the recipe refuses says why; the option inside it, which
	// no recipe is for, has no reason; the suppressed call is no finding.
	wantUnfixed := []string{
		"refused.go:16:9: recipe beforeParseOptions/afterParseOptions matches, but afterParseOptions drops o, and `jwt.WithLeeway(leeway())` may have side effects",
	}
	if !slices.Equal(unfixed, wantUnfixed) {
		t.Errorf("findings a recipe matches without a fix:\n%q\nwant:\n%q", unfixed, wantUnfixed)
	}
	slices.Sort(fixed)
	want := []string{
		"billing.go:9: apply recipe beforeSubject/afterSubject",
		"orders.go:13: apply recipe beforeParse/afterParse",
		"orders.go:19: apply recipe beforeSubject/afterSubject",
		"orders.go:25: call example.com/fixes/internal/auth.NumericDate instead (replacements)",
		"refused.go:25: apply recipe beforeSubject/afterSubject",
		"suppressed.go:15: apply recipe beforeParse/afterParse",
	}
	if !slices.Equal(fixed, want) {
		t.Errorf("findings with a fix:\n%q\nwant:\n%q", fixed, want)
	}
}
