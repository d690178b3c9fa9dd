package trend

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/gittest"
	"github.com/jwtssot/jwtssot/internal/report"
)

func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return gittest.Run(t, dir, nil, args...)
}

// baselineJSON is a baseline with one entry per rule given.
func baselineJSON(rules ...string) string {
	var entries []string
	for i, r := range rules {
		entries = append(entries, fmt.Sprintf(`{"fingerprint": "f%d", "rule": %q, "file": "a.go", "message": "m"}`, i, r))
	}
	return `{"version": 1, "tool": "jwtssot", "violations": [` + strings.Join(entries, ", ") + "]}\n"
}

// commitFile writes name in dir and commits it with the subject msg, a
// day after the previous commit, and returns the short hash.
func commitFile(t *testing.T, dir, name, content, msg string, day int) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, dir, "add", "-A")
	date := fmt.Sprintf("2025-01-%02dT12:00:00Z", day)
	gittest.Run(t, dir, []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}, "commit", "-q", "-m", msg)
	return gitIn(t, dir, "rev-parse", "--short", "HEAD")
}

func newRepo(t *testing.T) string {
	t.Helper()
	gittest.Require(t)
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	return dir
}

// counts is a trend's points as "label total rule=n ..." lines.
func counts(tr *report.Trend) []string {
	var out []string
	for _, p := range tr.Points {
		s := fmt.Sprintf("%s %d", p.Label, p.Total)
		for _, id := range tr.Rules() {
			s += fmt.Sprintf(" %s=%d", id, p.ByRule[id])
		}
		if p.Known > 0 {
			s += fmt.Sprintf(" known=%d", p.Known)
		}
		out = append(out, s)
	}
	return out
}

// TestFromGit commits a baseline that shrinks, a broken version, a
// commit that does not touch it, a newer format version, a rename and a
// version in a subdirectory, and checks the counts of each commit, oldest
// first.
func TestFromGit(t *testing.T) {
	dir := newRepo(t)
	const b = ".jwtssot-baseline.json"
	c1 := commitFile(t, dir, b, baselineJSON("import", "import", "call", "call", "call", "hardcoded-secret"), "baseline", 1)
	c2 := commitFile(t, dir, b, baselineJSON("import", "import", "call", "call", "hardcoded-secret"), "orders uses the auth module", 2)
	commitFile(t, dir, "main.go", "package main\n", "unrelated", 3)
	c4 := commitFile(t, dir, b, `{"version": 1, "tool": "jwtssot", "violations": [`, "a bad merge", 4)
	// Version 2 of the baseline format (fingerprints independent of the
	// scan's directory) counts like version 1 before it.
	c5 := commitFile(t, dir, b, strings.Replace(baselineJSON("import", "call"), `"version": 1`, `"version": 2`, 1), "no more secrets", 5)
	c6 := commitFile(t, dir, b, baselineJSON(), "done", 6)

	var warnings []string
	tr, err := FromGit(context.Background(), dir, b, func(msg string) { warnings = append(warnings, msg) })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		c1 + " 6 import=2 call=3 hardcoded-secret=1",
		c2 + " 5 import=2 call=2 hardcoded-secret=1",
		c5 + " 2 import=1 call=1 hardcoded-secret=0",
		c6 + " 0 import=0 call=0 hardcoded-secret=0",
	}
	if got := counts(tr); !slices.Equal(got, want) {
		t.Errorf("counts\ngot  %q\nwant %q", got, want)
	}
	if tr.Source != report.TrendGit || tr.File != b {
		t.Errorf("source %q, file %q", tr.Source, tr.File)
	}
	if p := tr.Points[1]; p.Subject != "orders uses the auth module" || !strings.HasPrefix(p.Date, "2025-01-02T12:00:00") || !strings.HasPrefix(p.Commit, c2) {
		t.Errorf("second point %+v", p)
	}
	if len(tr.Skipped) != 1 || tr.Skipped[0].Label != c4 || !strings.Contains(tr.Skipped[0].Reason, "not a jwtssot baseline") ||
		strings.Contains(tr.Skipped[0].Reason, "rewrite it") {
		t.Errorf("skipped %+v, want commit %s", tr.Skipped, c4)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "skipping commit "+c4) {
		t.Errorf("warnings %q", warnings)
	}

	// From a subdirectory, a baseline named relative to it.
	sub := filepath.Join(dir, "svc")
	s1 := commitFile(t, dir, "svc/b.json", baselineJSON("call"), "svc baseline", 7)
	tr, err = FromGit(context.Background(), sub, "b.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := counts(tr); !slices.Equal(got, []string{s1 + " 1 call=1"}) {
		t.Errorf("from a subdirectory: %q", got)
	}

	// A rename keeps the history; a deletion is left out.
	gitIn(t, dir, "mv", "svc/b.json", "svc/baseline.json")
	r1 := commitFile(t, dir, "svc/keep.txt", "x", "rename", 8)
	r2 := commitFile(t, dir, "svc/baseline.json", baselineJSON(), "fix", 9)
	tr, err = FromGit(context.Background(), sub, "baseline.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := counts(tr); !slices.Equal(got, []string{s1 + " 1 call=1", r1 + " 1 call=1", r2 + " 0 call=0"}) {
		t.Errorf("after a rename: %q", got)
	}
	gitIn(t, dir, "rm", "-q", "svc/baseline.json")
	d1 := commitFile(t, dir, "x.txt", "x", "drop the baseline", 10)
	tr, err = FromGit(context.Background(), sub, "baseline.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Points) != 3 || len(tr.Skipped) != 1 || tr.Skipped[0].Label != d1 || !strings.Contains(tr.Skipped[0].Reason, "deletes") {
		t.Errorf("after a deletion: %q, skipped %+v", counts(tr), tr.Skipped)
	}
}

func TestFromGitErrors(t *testing.T) {
	gittest.Require(t)
	ctx := context.Background()

	notRepo := t.TempDir()
	if _, err := FromGit(ctx, notRepo, DefaultBaseline, nil); !errors.Is(err, ErrNotRepository) || !strings.Contains(err.Error(), "-reports") {
		t.Errorf("outside a repository: %v", err)
	}

	dir := newRepo(t)
	if _, err := FromGit(ctx, dir, DefaultBaseline, nil); !errors.Is(err, ErrNeverCommitted) {
		t.Errorf("a repository without commits: %v", err)
	}
	commitFile(t, dir, "main.go", "package main\n", "init", 1)
	if _, err := FromGit(ctx, dir, DefaultBaseline, nil); !errors.Is(err, ErrNeverCommitted) || !strings.Contains(err.Error(), "-write-baseline") {
		t.Errorf("never committed: %v", err)
	}
	// Written but not committed is never committed too.
	if err := os.WriteFile(filepath.Join(dir, DefaultBaseline), []byte(baselineJSON("call")), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := FromGit(ctx, dir, DefaultBaseline, nil); !errors.Is(err, ErrNeverCommitted) {
		t.Errorf("not committed: %v", err)
	}

	commitFile(t, dir, "broken.json", "{", "broken", 2)
	commitFile(t, dir, "broken.json", `{"version": 3, "tool": "jwtssot", "violations": []}`, "future", 3)
	var warnings []string
	_, err := FromGit(ctx, dir, "broken.json", func(m string) { warnings = append(warnings, m) })
	if !errors.Is(err, ErrNoVersion) || len(warnings) != 2 {
		t.Errorf("only broken versions: %v, warnings %q", err, warnings)
	}

	t.Setenv("PATH", t.TempDir())
	if _, err := FromGit(ctx, dir, DefaultBaseline, nil); !errors.Is(err, ErrNoGit) || !strings.Contains(err.Error(), "install git") {
		t.Errorf("without git: %v", err)
	}
}

func TestFromGitShallow(t *testing.T) {
	dir := newRepo(t)
	commitFile(t, dir, DefaultBaseline, baselineJSON("call", "call"), "one", 1)
	commitFile(t, dir, DefaultBaseline, baselineJSON("call"), "two", 2)
	clone := filepath.Join(t.TempDir(), "clone")
	gitIn(t, dir, "clone", "-q", "--depth=1", "file://"+dir, clone)
	var warnings []string
	tr, err := FromGit(context.Background(), clone, DefaultBaseline, func(m string) { warnings = append(warnings, m) })
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Points) != 1 || len(warnings) != 1 || !strings.Contains(warnings[0], "shallow clone") {
		t.Errorf("shallow clone: %q, warnings %q", counts(tr), warnings)
	}
}

func TestParseLog(t *testing.T) {
	const z = "0000000000"
	rec := func(hash, subject string) string {
		return logMarker + "\x00" + hash + "\x00" + "2025-01-01T00:00:00Z" + "\x00" + subject + "\x00"
	}
	raw := func(old, new, status string, names ...string) string {
		return "\n:100644 100644 " + old + " " + new + " " + status + "\x00" + strings.Join(names, "\x00") + "\x00"
	}
	out := rec("1111111111", "second") + raw("b1", "b2", "R090", "old.json", "new.json") +
		rec("2222222222", "a \x1f\x1e in a subject") + raw(z, "b1", "A", "q\"u\\o\nte\x1b.json") +
		rec("3333333333", "merge") +
		rec("4444444444", "gone") + raw("b2", z, "D", "new.json") +
		rec("5555555555", logMarker) + raw("b3", "b4", "M", logMarker)
	got := parseLog(out, "fallback.json")
	want := []commit{
		{hash: "1111111111", short: "1111111", date: "2025-01-01T00:00:00Z", subject: "second", path: "new.json", blob: "b2"},
		{hash: "2222222222", short: "2222222", date: "2025-01-01T00:00:00Z", subject: "a \x1f\x1e in a subject", path: "q\"u\\o\nte\x1b.json", blob: "b1"},
		{hash: "3333333333", short: "3333333", date: "2025-01-01T00:00:00Z", subject: "merge", path: "fallback.json"},
		{hash: "4444444444", short: "4444444", date: "2025-01-01T00:00:00Z", subject: "gone", path: "new.json", deleted: true},
		{hash: "5555555555", short: "5555555", date: "2025-01-01T00:00:00Z", subject: logMarker, path: logMarker, blob: "b4"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("parseLog\ngot  %+v\nwant %+v", got, want)
	}
}

func TestParseBatch(t *testing.T) {
	out := []byte("1234 blob 5\nhello\nHEAD:x missing\nabcd tree 3\nxyz\n")
	got, err := parseBatch(out, 3)
	if err != nil {
		t.Fatal(err)
	}
	if string(got[0]) != "hello" || got[1] != nil || got[2] != nil {
		t.Errorf("parseBatch = %q", got)
	}
	if _, err := parseBatch([]byte("1234 blob 50\nshort\n"), 1); err == nil {
		t.Error("no error for a truncated object")
	}
	if _, err := parseBatch(nil, 1); err == nil {
		t.Error("no error for missing output")
	}
}

func writeReport(t *testing.T, name, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func jsonReport(known int, rules ...string) string {
	var vs []string
	for _, r := range rules {
		vs = append(vs, fmt.Sprintf(`{"rule": %q, "file": "a.go", "line": 1}`, r))
	}
	b := ""
	if known >= 0 {
		b = fmt.Sprintf(`, "baseline": {"file": "b.json", "known": %d, "new": %d, "fixed": 0}`, known, len(rules))
	}
	return `{"version": 1, "tool": {"name": "jwtssot", "version": "v1.0.0"}, "violations": [` + strings.Join(vs, ", ") + `], "summary": {"total": 0}` + b + `, "future_field": 1}`
}

func TestFromReports(t *testing.T) {
	dir := t.TempDir()
	ci := filepath.Join(dir, "ci")
	writeReport(t, filepath.Join(ci, "run-9.json"), jsonReport(-1, "call", "call", "import"))
	writeReport(t, filepath.Join(ci, "run-10.json"), jsonReport(-1, "call", "import"))
	writeReport(t, filepath.Join(ci, "run-11.json"), `{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0"}`)
	writeReport(t, filepath.Join(ci, "notes.txt"), "not json")
	last := writeReport(t, filepath.Join(dir, "latest.json"), jsonReport(4, "secret-access"))

	items, err := ParseList(ci + ", " + last + "," + filepath.Join(ci, "run-1*.json"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Expand(items)
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{filepath.Join(ci, "run-9.json"), filepath.Join(ci, "run-10.json"), filepath.Join(ci, "run-11.json"), last}
	if !slices.Equal(files, wantFiles) {
		t.Fatalf("Expand = %q, want %q", files, wantFiles)
	}
	var warnings []string
	tr, err := FromReports(files, func(m string) { warnings = append(warnings, m) })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"run-9 3 import=1 call=2 secret-access=0", "run-10 2 import=1 call=1 secret-access=0", "latest 5 import=0 call=0 secret-access=1 known=4"}
	if got := counts(tr); !slices.Equal(got, want) {
		t.Errorf("counts\ngot  %q\nwant %q", got, want)
	}
	if len(tr.Skipped) != 1 || tr.Skipped[0].Label != "run-11" || len(warnings) != 1 || !strings.Contains(warnings[0], "not a jwtssot JSON report") {
		t.Errorf("skipped %+v, warnings %q", tr.Skipped, warnings)
	}

	for _, tc := range []struct{ list, want string }{
		{"", "names no report"},
		{"a.json,,b.json", "item 2 is empty"},
		{" , ", "item 1 is empty"},
	} {
		if _, err := ParseList(tc.list); !errors.Is(err, ErrReports) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseList(%q): %v, want %q", tc.list, err, tc.want)
		}
	}
	missing := filepath.Join(dir, "missing.json")
	if _, err := FromReports([]string{missing}, nil); !errors.Is(err, ErrReports) || err.Error() != "bad -reports: "+missing+": JSON report not found" {
		t.Errorf("FromReports(%q): %v", missing, err)
	}
	for _, tc := range []struct{ item, want string }{
		{filepath.Join(dir, "nothing-*.json"), "matches no file"},
		{filepath.Join(dir, "[.json"), "syntax error in pattern"},
		{filepath.Join(dir, "empty-dir"), "matches no file"},
	} {
		if strings.HasSuffix(tc.item, "empty-dir") {
			if err := os.Mkdir(tc.item, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Expand([]string{tc.item}); !errors.Is(err, ErrReports) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Expand(%q): %v, want %q", tc.item, err, tc.want)
		}
	}
	if _, err := FromReports([]string{filepath.Join(ci, "notes.txt")}, nil); !errors.Is(err, ErrNoVersion) {
		t.Errorf("no report at all: %v", err)
	}
}

func TestCountReport(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"version": 1, "tool": {"name": "jwtssot"}, "violations": []}`, ""},
		{`{"version": 2, "tool": {"name": "jwtssot"}, "violations": []}`, "version 2"},
		{`{"version": 1, "tool": {"name": "other"}, "violations": []}`, "not a jwtssot JSON report"},
		{`{"version": 1, "tool": {"name": "jwtssot"}}`, "not a jwtssot JSON report"},
		{`{"version": 1, "tool": {"name": "jwtssot"}, "violations": [{"rule": 3}]}`, "cannot unmarshal"},
		{`[]`, "not a jwtssot JSON report"},
	} {
		_, err := countReport([]byte(tc.in))
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("countReport(%s): %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestNaturalCompare(t *testing.T) {
	sorted := []string{"", "0", "00", "1", "01", "2", "9", "10", "a", "a1", "a2", "a10", "a10b", "a010c", "b", "run-9.json", "run-10.json", "run-100.json"}
	for i := range sorted {
		for j := range sorted {
			want := cmpInt(i, j)
			if got := naturalCompare(sorted[i], sorted[j]); got != want {
				t.Errorf("naturalCompare(%q, %q) = %d, want %d", sorted[i], sorted[j], got, want)
			}
		}
	}
}

func TestScanPoint(t *testing.T) {
	p := ScanPoint(map[string]int{"call": 2, "import": 1})
	if p.Label != "scan" || p.Total != 3 || p.Commit != "" {
		t.Errorf("ScanPoint = %+v", p)
	}
	if p := ScanPoint(nil); p.ByRule == nil || p.Total != 0 {
		t.Errorf("ScanPoint(nil) = %+v", p)
	}
}

// TestFromGitQuotedNames renames the baseline to names git quotes in its
// plain output (a quote, a backslash, a tab, an ESC, a line break, and
// non-ASCII), then changes it: every commit keeps its point, the newest
// included.
func TestFromGitQuotedNames(t *testing.T) {
	for _, name := range []string{`q"uote.json`, `back\slash.json`, "tab\tesc\x1b.json", "line\nbreak.json", "naïve.json"} {
		t.Run(strings.ToValidUTF8(name, "?"), func(t *testing.T) {
			dir := newRepo(t)
			c1 := commitFile(t, dir, "b.json", baselineJSON("call", "call"), "baseline", 1)
			gitIn(t, dir, "mv", "b.json", name)
			c2 := commitFile(t, dir, "keep.txt", "x", "rename", 2)
			c3 := commitFile(t, dir, name, baselineJSON("call"), "fix one", 3)
			tr, err := FromGit(context.Background(), dir, name, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{c1 + " 2 call=2", c2 + " 2 call=2", c3 + " 1 call=1"}
			if got := counts(tr); !slices.Equal(got, want) || len(tr.Skipped) != 0 {
				t.Errorf("counts %q, skipped %+v; want %q", got, tr.Skipped, want)
			}
		})
	}
}
