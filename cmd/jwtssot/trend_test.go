package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/gittest"
	"github.com/jwtssot/jwtssot/internal/htmlcheck"
)

// git runs git in dir for the tests that build a repository.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return gittest.Run(t, dir, nil, args...)
}

// trendJSON is the part of `-trend -format json` the tests read.
type trendJSON struct {
	Points []struct {
		Label, Commit, Subject string
		Total                  int
		ByRule                 map[string]int `json:"by_rule"`
		Known                  int
	}
	Skipped []struct{ Label, Reason string }
}

func (tr trendJSON) totals() []string {
	var out []string
	for _, p := range tr.Points {
		out = append(out, fmt.Sprintf("%s=%d", p.Label, p.Total))
	}
	return out
}

// TestTrend commits the app module's baseline, then shrinking versions of
// it and a broken one, and reads the history with the binary: as a table,
// as JSON, as an HTML page, and with a scan.
func TestTrend(t *testing.T) {
	gittest.Require(t)
	dir := extract(t, "app")
	git(t, dir, "init", "-q", "-b", "main")
	const b = ".jwtssot-baseline.json"
	if r := jwtssot(t, dir, "-write-baseline", b, "./..."); r.code != 0 {
		t.Fatalf("-write-baseline: exit %d\n%s", r.code, r.stderr)
	}
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "jwtssot baseline")
	c1 := git(t, dir, "rev-parse", "--short", "HEAD")

	// Shrink it: keep the violations of fewer and fewer files, as a
	// migration does.
	data, err := os.ReadFile(filepath.Join(dir, b))
	if err != nil {
		t.Fatal(err)
	}
	var full map[string]any
	if err := json.Unmarshal(data, &full); err != nil {
		t.Fatal(err)
	}
	all := full["violations"].([]any)
	commit := func(keep func(file string) bool, msg string) string {
		t.Helper()
		var vs []any
		for _, v := range all {
			if keep(v.(map[string]any)["file"].(string)) {
				vs = append(vs, v)
			}
		}
		full["violations"] = append([]any{}, vs...)
		data, err := json.MarshalIndent(full, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, b), string(data)+"\n")
		git(t, dir, "commit", "-q", "-am", msg)
		return git(t, dir, "rev-parse", "--short", "HEAD")
	}
	c2 := commit(func(f string) bool { return !strings.Contains(f, "billing") }, "billing: use the auth module")
	writeFile(t, filepath.Join(dir, b), "{ not json")
	git(t, dir, "commit", "-q", "-am", "a bad merge")
	broken := git(t, dir, "rev-parse", "--short", "HEAD")
	c3 := commit(func(f string) bool { return strings.Contains(f, "handlers") }, "orders: use the auth module")

	// The table.
	r := jwtssot(t, dir, "-trend")
	if r.code != 0 {
		t.Fatalf("-trend: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "skipping commit "+broken) {
		t.Errorf("no warning naming the broken commit %s:\n%s", broken, r.stderr)
	}
	for _, row := range []string{
		c1 + "  ", "      9       2     5                 1              1  jwtssot baseline",
		c2 + "  ", "      8       2     4                 1              1  billing: use the auth module",
		c3 + "  ", "      4       1     2                 1              0  orders: use the auth module",
	} {
		if !strings.Contains(r.stdout, row) {
			t.Errorf("the table has no %q:\n%s", row, r.stdout)
		}
	}

	// JSON.
	r = jwtssot(t, dir, "-trend", "-format", "json")
	var doc struct{ Trend trendJSON }
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if got, want := doc.Trend.totals(), []string{c1 + "=9", c2 + "=8", c3 + "=4"}; !slices.Equal(got, want) {
		t.Errorf("points %q, want %q", got, want)
	}
	if p := doc.Trend.Points[2]; p.ByRule["call"] != 2 || p.ByRule["secret-access"] != 0 || p.Subject != "orders: use the auth module" {
		t.Errorf("last point %+v", p)
	}
	if len(doc.Trend.Skipped) != 1 || doc.Trend.Skipped[0].Label != broken {
		t.Errorf("skipped %+v", doc.Trend.Skipped)
	}

	// The HTML page of the trend alone.
	out := filepath.Join(t.TempDir(), "trend.html")
	if r := jwtssot(t, dir, "-trend", "-format", "html", "-o", out); r.code != 0 {
		t.Fatalf("-trend -format html: exit %d\n%s", r.code, r.stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := htmlcheck.WellFormed(string(page)); err != nil {
		t.Error(err)
	}
	for _, want := range []string{`<svg class="area"`, `<polygon class="band r-call"`, c3, "over 3 commits of .jwtssot-baseline.json"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the trend page has no %q", want)
		}
	}

	// With a scan: the JSON report carries the trend, the scan last.
	r = jwtssot(t, dir, "-trend", "-format", "json", "./...")
	if r.code != 1 {
		t.Fatalf("-trend with a scan: exit %d\n%s", r.code, r.stderr)
	}
	var rep struct {
		Violations []json.RawMessage
		Trend      trendJSON
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if got, want := rep.Trend.totals(), []string{c1 + "=9", c2 + "=8", c3 + "=4", "scan=9"}; !slices.Equal(got, want) || len(rep.Violations) != 9 {
		t.Errorf("the scan's trend %q, want %q", got, want)
	}
	// With a baseline, the scan's point still counts every violation.
	r = jwtssot(t, dir, "-trend", "-baseline", b, "-format", "html", "./...")
	if r.code != 1 || !strings.Contains(r.stdout, `<svg class="area"`) || !strings.Contains(r.stdout, "known violations remain") {
		t.Errorf("-trend -baseline -format html with a scan: exit %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "handlers-dev-secret") {
		t.Error("the secret is in the HTML report")
	}
}

// TestTrendReports charts a series of JSON reports, as CI keeps them.
func TestTrendReports(t *testing.T) {
	dir := module(t, "app")
	reports := t.TempDir()
	r := jwtssot(t, dir, "-format", "json", "-o", filepath.Join(reports, "run-10.json"), "./...")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	r = jwtssot(t, dir, "-format", "json", "-disable", "call", "-o", filepath.Join(reports, "run-11.json"), "./...")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	writeFile(t, filepath.Join(reports, "run-9.json"), `{"version": 1, "tool": {"name": "jwtssot"}, "violations": [{"rule": "call"}], "baseline": {"known": 20}}`)
	writeFile(t, filepath.Join(reports, "run-12.json"), "<html>")
	r = jwtssot(t, reports, "-trend", "-reports", "run-*.json", "-format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var doc struct{ Trend trendJSON }
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := doc.Trend.totals(), []string{"run-9=21", "run-10=9", "run-11=4"}; !slices.Equal(got, want) {
		t.Errorf("points %q, want %q", got, want)
	}
	if !strings.Contains(r.stderr, "skipping report run-12.json") {
		t.Errorf("no warning for the report that is not one:\n%s", r.stderr)
	}
	// -reports implies -trend; a directory is its *.json files.
	if r := jwtssot(t, reports, "-reports", "."); r.code != 0 || !strings.Contains(r.stdout, "over 3 reports") {
		t.Errorf("-reports .: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestTrendErrors: each way -trend cannot read a history is a message
// that says what to do, and exit status 2.
func TestTrendErrors(t *testing.T) {
	gittest.Require(t)
	notRepo := t.TempDir()
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	empty := t.TempDir()
	for _, tc := range []struct {
		name string
		dir  string
		env  []string
		args []string
		want string
	}{
		{"not a repository", notRepo, nil, []string{"-trend"}, "is not in a git repository"},
		{"never committed", repo, nil, []string{"-trend"}, "git log finds no commit of .jwtssot-baseline.json"},
		{"another file never committed", repo, nil, []string{"-trend", "-baseline", "ci/b.json"}, "no commit of ci/b.json"},
		{"no git", repo, []string{"PATH=" + empty}, []string{"-trend"}, "git is not installed"},
		{"a format -trend does not write", repo, nil, []string{"-trend", "-format", "sarif"}, "-trend writes text, json, html, not sarif"},
		{"a report that does not exist", repo, nil, []string{"-trend", "-reports", "nope.json"}, "nope.json: JSON report not found"},
		{"an empty item", repo, nil, []string{"-trend", "-reports", "a.json,,b.json"}, "item 2 is empty"},
		{"a glob that matches nothing", repo, nil, []string{"-trend", "-reports", "ci/*.json"}, "matches no file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], tc.args...)
			cmd.Dir = tc.dir
			cmd.Env = append(os.Environ(), append([]string{"JWTSSOT_TEST_MAIN=1"}, tc.env...)...)
			r := run(t, cmd)
			if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", r.code, r.stderr, tc.want)
			}
		})
	}
}
