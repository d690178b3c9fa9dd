package standalone

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/txtartest"
)

// scanIn prepares a scan of the module in dir, run from there as the
// command runs it.
func scanIn(t *testing.T, dir string) (*Scan, error) {
	t.Helper()
	t.Chdir(dir)
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return Prepare(context.Background(), a, dir)
}

// TestRun: a scan of a module collects its findings once each and its
// inventory, every file named from the scan root, no package errors (an
// empty list, not none), the auth scope of its config, and tells its
// progress in order: the listing, each package, the count, then the hook
// that sees the packages still loaded.
func TestRun(t *testing.T) {
	dir := txtartest.Extract(t, filepath.Join("..", "..", "testdata", "modules", "app.txtar"))
	s, err := scanIn(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	var mu sync.Mutex // Loaded is called from the goroutines that analyze
	var last [2]int
	r, err := s.Run(context.Background(), Options{
		Progress: Progress{
			Status: func(msg string) { events = append(events, "status") },
			Loaded: func(done, total int) {
				mu.Lock()
				defer mu.Unlock()
				if done > last[0] {
					last = [2]int{done, total}
				}
			},
			Done: func(n int) {
				events = append(events, "done")
				if n != 5 {
					t.Errorf("Done(%d), want the 5 packages of the module", n)
				}
			},
		},
		Analyzed: func() error { events = append(events, "analyzed"); return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"status", "done", "analyzed"}; !slices.Equal(events, want) {
		t.Errorf("progress %v, want %v", events, want)
	}
	if last[0] != last[1] || last[0] == 0 {
		t.Errorf("last Loaded(%d, %d), want every package done", last[0], last[1])
	}
	if r.Packages != 5 || r.Files != 5 || r.Errors == nil || len(r.Errors) != 0 {
		t.Errorf("packages %d, files %d, errors %#v; want 5, 5 and an empty list", r.Packages, r.Files, r.Errors)
	}
	rules := map[string]bool{}
	seen := map[string]bool{}
	for _, v := range r.Violations {
		rules[v.Rule] = true
		key := fmt.Sprint(v.File, v.Line, v.Column, v.Rule, v.Message)
		if seen[key] {
			t.Errorf("%s:%d:%d %s reported twice", v.File, v.Line, v.Column, v.Rule)
		}
		seen[key] = true
		if filepath.IsAbs(v.File) || strings.HasPrefix(v.File, "..") || !strings.HasPrefix(v.File, "internal/") {
			t.Errorf("violation in %q, want a path from the scan root", v.File)
		}
	}
	for _, rule := range []string{"import", "call", "hardcoded-secret"} {
		if !rules[rule] {
			t.Errorf("no %s finding among %v", rule, rules)
		}
	}
	if len(r.Sites) == 0 || !strings.HasPrefix(r.Sites[0].File, "internal/") {
		t.Errorf("sites %v, want the module's JWT operations named from the scan root", r.Sites)
	}
	if len(r.Auth) == 0 || r.Auth[0].Config != ".jwtssot.yaml" || !slices.Equal(r.Auth[0].Patterns, []string{"./internal/auth/..."}) {
		t.Errorf("auth %+v, want the scope of .jwtssot.yaml", r.Auth)
	}
	if plan := r.Fixes.Plan(); len(plan.Applied) != 0 || len(plan.Skipped) != 0 {
		t.Errorf("a module without recipes has fixes: %+v", plan)
	}
}

// TestPrepareAndRunErrors: a bad config file is Prepare's error, naming
// the file from the scan root; a pattern that matches nothing is Run's.
func TestPrepareAndRunErrors(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":        "module example.com/m\n\ngo 1.22\n",
		"m.go":          "package m\n",
		".jwtssot.yaml": "auth: 3\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := scanIn(t, dir)
	if err == nil || !strings.HasPrefix(err.Error(), ".jwtssot.yaml:") || strings.Contains(err.Error(), dir) {
		t.Errorf("Prepare with a bad config: %v, want an error naming .jwtssot.yaml from the scan root", err)
	}
	if err := os.Remove(filepath.Join(dir, ".jwtssot.yaml")); err != nil {
		t.Fatal(err)
	}
	s, err := scanIn(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Run(context.Background(), Options{Patterns: []string{"./nothing/..."}})
	if err == nil || !strings.Contains(err.Error(), `pattern "./nothing/..." matched no packages`) {
		t.Errorf("Run of a pattern matching nothing: %v", err)
	}
}
