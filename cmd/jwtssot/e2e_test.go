package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestStandaloneAndVetAgree runs both modes on the same module: the same
// config must give the same findings, rule ids in the vet categories.
func TestStandaloneAndVetAgree(t *testing.T) {
	dir := module(t, "app")
	std := jwtssot(t, dir, "-format", "json", "./...")
	if std.code != 1 {
		t.Fatalf("standalone exit %d, want 1\nstderr: %s", std.code, std.stderr)
	}
	rep := decodeReport(t, std)
	want := rep.findings()
	sortFindings(want)

	vet := goVet(t, dir, "-json", "./...")
	got := vetFindings(t, dir, vet.json())
	if len(got) == 0 {
		t.Fatalf("go vet reported nothing (exit %d):\n%s", vet.code, vet.stderr)
	}
	if !equalFindings(got, want) {
		t.Errorf("go vet and standalone disagree\nvet:\n%s\nstandalone:\n%s", dump(got), dump(want))
	}
	for _, rule := range []string{"import", "call", "hardcoded-secret", "secret-access"} {
		if rep.Summary.ByRule[rule] == 0 {
			t.Errorf("no %s finding in the app module; the test module should exercise every rule", rule)
		}
	}
}

func equalFindings(a, b []finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func dump(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.File + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column) + " [" + f.Rule + "] " + f.Message + "\n")
	}
	return b.String()
}

// TestVetFlags passes the analyzer's settings as go vet flags, which
// override the module's .jwtssot.yaml key by key: orders joins the auth
// packages, and hardcoded-secret is turned off.
func TestVetFlags(t *testing.T) {
	dir := module(t, "app")
	flags := []string{"-jwtssot.auth=./internal/auth/...,./internal/orders", "-jwtssot.disable=hardcoded-secret"}
	vet := goVet(t, dir, append(append([]string{"-json"}, flags...), "./...")...)
	got := vetFindings(t, dir, vet.json())
	std := decodeReport(t, jwtssot(t, dir, append(append([]string{"-format", "json"}, flags...), "./...")...))
	want := std.findings()
	sortFindings(want)
	if !equalFindings(got, want) {
		t.Errorf("go vet and standalone disagree with flags\nvet:\n%s\nstandalone:\n%s", dump(got), dump(want))
	}
	if len(got) == 0 {
		t.Fatalf("no findings with flags (exit %d):\n%s", vet.code, vet.stderr)
	}
	for _, f := range got {
		if f.Rule == "hardcoded-secret" || strings.HasPrefix(f.File, "internal/auth/") ||
			(strings.HasPrefix(f.File, "internal/orders/") && f.Rule != "directive") {
			t.Errorf("unexpected finding with -jwtssot.auth and -jwtssot.disable: %+v", f)
		}
	}
}

// TestVetSeesConfigChange: go vet caches results under the tool's ID, which
// must change with .jwtssot.yaml, or a config edit would replay stale findings.
func TestVetSeesConfigChange(t *testing.T) {
	dir := extract(t, "app")
	before := vetFindings(t, dir, goVet(t, dir, "-json", "./...").json())
	writeFile(t, filepath.Join(dir, ".jwtssot.yaml"), "auth:\n  - ./internal/auth/...\ndisable: [call]\n")
	after := vetFindings(t, dir, goVet(t, dir, "-json", "./...").json())
	if count(before, "call") == 0 {
		t.Fatal("no call findings before the change")
	}
	if n := count(after, "call"); n != 0 {
		t.Errorf("after disabling call in .jwtssot.yaml, go vet still reports %d call findings (stale cache?)", n)
	}
}

func count(fs []finding, rule string) int {
	n := 0
	for _, f := range fs {
		if f.Rule == rule {
			n++
		}
	}
	return n
}

func TestExitCodes(t *testing.T) {
	t.Run("violations", func(t *testing.T) {
		if r := jwtssot(t, module(t, "app"), "./..."); r.code != 1 {
			t.Errorf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("clean", func(t *testing.T) {
		r := jwtssot(t, module(t, "clean"), "./...")
		if r.code != 0 || !strings.Contains(r.stdout, "no JWT violations") {
			t.Errorf("exit %d, want 0 and a clean summary\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("broken package", func(t *testing.T) {
		dir := extract(t, "app")
		writeFile(t, filepath.Join(dir, "internal/broken/broken.go"), "package broken\n\nvar N int = \"not an int\"\n")
		writeFile(t, filepath.Join(dir, "internal/user/user.go"), "package user\n\nimport \"example.com/app/internal/broken\"\n\nvar M = broken.N\n")
		r := jwtssot(t, dir, "-format", "json", "./...")
		if r.code != 3 {
			t.Fatalf("exit %d, want 3\n%s", r.code, r.stderr)
		}
		rep := decodeReport(t, r)
		if len(rep.Errors) != 2 || rep.Errors[0].Package != "example.com/app/internal/broken" ||
			!strings.Contains(rep.Errors[0].Message, "broken.go:3") ||
			rep.Errors[1].Package != "example.com/app/internal/user" {
			t.Errorf("errors = %+v, want the broken package with its position, and its importer", rep.Errors)
		}
		if rep.Summary.Total == 0 {
			t.Error("the other packages were not reported")
		}
		if !strings.Contains(r.stderr, "internal/broken could not be checked") {
			t.Errorf("stderr does not name the broken package:\n%s", r.stderr)
		}
	})
	t.Run("syntax error", func(t *testing.T) {
		dir := extract(t, "app")
		writeFile(t, filepath.Join(dir, "internal/broken/broken.go"), "package broken\n\nfunc {\n")
		r := jwtssot(t, dir, "./...")
		if r.code != 3 || !strings.Contains(r.stdout, "internal/broken") || !strings.Contains(r.stdout, "login.go") {
			t.Errorf("exit %d, want 3 with the error and the other packages' findings\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
}

// TestUsageErrors: each bad invocation is one line naming the problem, exit 2.
func TestUsageErrors(t *testing.T) {
	app := module(t, "app")
	notModule := t.TempDir()
	badConfig := extract(t, "app")
	writeFile(t, filepath.Join(badConfig, ".jwtssot.yaml"), "auth:\n  - ./internal/auth/...\nexcludes: [x]\n")
	tests := []struct {
		name, dir string
		args      []string
		want      string
	}{
		{"not a module", notModule, []string{"./..."}, "is not in a Go module"},
		{"pattern matches nothing", app, []string{"./nothing/..."}, "matched no packages"},
		{"missing config", app, []string{"-config", "missing.yaml", "./..."}, "missing.yaml: config file not found"},
		{"bad config", badConfig, []string{"./..."}, ".jwtssot.yaml:3: excludes: unknown setting (did you mean \"exclude\"?)"},
		{"missing baseline", app, []string{"-baseline", "base.json", "./..."}, "base.json: baseline not found; create it with -write-baseline base.json"},
		{"bad format", app, []string{"-format", "xml"}, `-format "xml"`},
		{"bad flag", app, []string{"-frobnicate"}, "flag provided but not defined: -frobnicate"},
		{"bad disable flag", app, []string{"-disable", "calls", "./..."}, "calls"},
		{"unknown rule", app, []string{"-explain", "nope"}, `no rule "nope"`},
		{"malformed pattern", app, []string{"--", "-x"}, `"-x" is not a package pattern (the go command: malformed import path "-x": leading dash)`},
		{"files among patterns", app, []string{"./...", "internal/orders/orders.go"}, "internal/orders/orders.go is a Go file, not a package pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := jwtssot(t, tt.dir, tt.args...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr %q does not contain %q", r.stderr, tt.want)
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
				t.Errorf("panic:\n%s", r.stderr)
			}
		})
	}
}

// TestBaselineRoundTrip: the ratchet survives edits that move violations.
func TestBaselineRoundTrip(t *testing.T) {
	dir := extract(t, "app")
	w := jwtssot(t, dir, "-q", "-write-baseline", "baseline.json", "./...")
	if w.code != 0 {
		t.Fatalf("-write-baseline: exit %d\n%s", w.code, w.stderr)
	}
	login := filepath.Join(dir, "internal/handlers/login.go")
	src, err := os.ReadFile(login)
	if err != nil {
		t.Fatal(err)
	}
	// Shift every line of a violating file, and re-indent nothing else.
	writeFile(t, login, "// Copyright 2026 Example Inc.\n\n"+string(src))

	r := jwtssot(t, dir, "-format", "json", "-baseline", "baseline.json", "./...")
	rep := decodeReport(t, r)
	if r.code != 0 || rep.Baseline == nil || rep.Baseline.New != 0 || rep.Baseline.Fixed != 0 || len(rep.Violations) != 0 {
		t.Fatalf("after shifting lines: exit %d, baseline %+v, violations %d; want exit 0 and no new ones\n%s",
			r.code, rep.Baseline, len(rep.Violations), r.stderr)
	}
	known := rep.Baseline.Known

	// A new violation fails; removing an old one counts as fixed.
	src, _ = os.ReadFile(login)
	edited := strings.Replace(string(src), "w.Write([]byte(signed))", "w.Write([]byte(signed))\n\t_, _ = jwtlib.Parse(signed, nil)", 1)
	writeFile(t, login, edited)
	orders := filepath.Join(dir, "internal/orders/orders.go")
	osrc, _ := os.ReadFile(orders)
	writeFile(t, orders, strings.Replace(string(osrc), `os.Getenv("JWT_SECRET")`, `os.Getenv("HOME")`, 1))

	r = jwtssot(t, dir, "-format", "json", "-baseline", "baseline.json", "./...")
	rep = decodeReport(t, r)
	if r.code != 1 || rep.Baseline.New != 1 || rep.Baseline.Fixed != 1 || len(rep.Violations) != 1 {
		t.Fatalf("exit %d, baseline %+v, violations %+v; want exit 1, 1 new, 1 fixed", r.code, rep.Baseline, rep.Violations)
	}
	if rep.Baseline.Known != known-1 {
		t.Errorf("known = %d, want %d", rep.Baseline.Known, known-1)
	}
	if v := rep.Violations[0]; v.Rule != "call" || v.Symbol != "github.com/golang-jwt/jwt/v5.Parse" {
		t.Errorf("new violation = %+v, want the call of jwt.Parse", v)
	}
}

// TestTests: test files are scanned only when asked, and reported once.
func TestTests(t *testing.T) {
	dir := module(t, "app")
	without := decodeReport(t, jwtssot(t, dir, "-format", "json", "./..."))
	with := decodeReport(t, jwtssot(t, dir, "-format", "json", "-tests", "./..."))
	inTests := 0
	seen := map[finding]bool{}
	for _, f := range with.findings() {
		if seen[f] {
			t.Errorf("reported twice with -tests: %+v", f)
		}
		seen[f] = true
		if strings.HasSuffix(f.File, "_test.go") {
			inTests++
		}
	}
	for _, f := range without.findings() {
		if strings.HasSuffix(f.File, "_test.go") {
			t.Errorf("test file scanned without -tests: %+v", f)
		}
	}
	if inTests != 2 || with.Summary.Total != without.Summary.Total+2 {
		t.Errorf("-tests: %d findings in test files, total %d vs %d; want the test file's import and call on top",
			inTests, with.Summary.Total, without.Summary.Total)
	}
}

func TestFlagsAndHelp(t *testing.T) {
	dir := extract(t, "app")
	t.Run("-C and -o", func(t *testing.T) {
		parent := filepath.Dir(dir)
		r := jwtssot(t, parent, "-C", filepath.Base(dir), "-format", "json", "-o", "report.json", "./...")
		if r.code != 1 || r.stdout != "" {
			t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
		}
		data, err := os.ReadFile(filepath.Join(dir, "report.json"))
		if err != nil {
			t.Fatalf("-o relative to -C: %v", err)
		}
		rep := decodeReport(t, result{stdout: string(data)})
		if rep.Summary.Total == 0 || strings.HasPrefix(rep.Violations[0].File, "/") {
			t.Errorf("report: %+v", rep.Violations)
		}
	})
	t.Run("help", func(t *testing.T) {
		for _, args := range [][]string{{"help"}, {"-h"}} {
			r := jwtssot(t, dir, args...)
			if r.code != 0 || !strings.Contains(r.stdout, "Usage:") || !strings.Contains(r.stdout, "Examples:") {
				t.Errorf("%v: exit %d\n%s", args, r.code, r.stdout)
			}
		}
	})
	t.Run("version", func(t *testing.T) {
		r := jwtssot(t, dir, "-version")
		if r.code != 0 || !strings.HasPrefix(r.stdout, "jwtssot ") {
			t.Errorf("exit %d: %q", r.code, r.stdout)
		}
	})
	t.Run("quiet", func(t *testing.T) {
		r := jwtssot(t, dir, "-q", "./...")
		if strings.Contains(r.stdout, "Top packages") || !strings.Contains(r.stdout, "[import]") {
			t.Errorf("-q output:\n%s", r.stdout)
		}
	})
	t.Run("color", func(t *testing.T) {
		plain := jwtssot(t, dir, "./...")
		colored := jwtssot(t, dir, "-color", "always", "./...")
		if strings.Contains(plain.stdout, "\x1b[") || !strings.Contains(colored.stdout, "\x1b[") {
			t.Error("-color always must color, auto without a terminal must not")
		}
	})
	t.Run("progress", func(t *testing.T) {
		r := jwtssot(t, dir, "-v", "-q", "./...")
		if !strings.Contains(r.stderr, "loaded ") || !strings.Contains(r.stderr, "scanned ") {
			t.Errorf("-v stderr:\n%s", r.stderr)
		}
	})
}

// TestExplain: -explain prints the rule's whole page, examples included,
// for a terminal (no color in a pipe); -explain alone lists the rules.
func TestExplain(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"-explain", "hardcoded-secret"}, {"help", "hardcoded-secret"}} {
		r := jwtssot(t, dir, args...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "hardcoded-secret — Hardcoded JWT secret\n") {
			t.Fatalf("%v: exit %d:\n%s%s", args, r.code, r.stdout, r.stderr)
		}
		for _, want := range []string{
			"\nWHAT IT FLAGS\n", "\nMESSAGE\n", "\nWHY\n", "\nBAD\n", "\nGOOD\n", "\nNOT FLAGGED\n", "\nSUPPRESSING\n",
			"\n      const jwtSecret = \"s3cr3t-dev-key\" // flagged: hardcoded-secret\n", // the Bad example
			"\n              s = \"dev-refresh\" // flagged: hardcoded-secret\n",
			"\n      func signingKey() ([]byte, error) {\n", // the Good example
			"(https://github.com/jwtssot/jwtssot/blob/main/docs/config.md)",
		} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v: output lacks %q:\n%s", args, want, r.stdout)
			}
		}
		if strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("%v: color in a pipe", args)
		}
	}
	for _, args := range [][]string{{"-explain"}, {"help", "rules"}} {
		r := jwtssot(t, dir, args...)
		for _, id := range []string{"import", "call", "hardcoded-secret", "secret-access", "directive"} {
			if r.code != 0 || !strings.Contains(r.stdout, "\n  "+id+" ") {
				t.Errorf("%v: exit %d, rule %s not listed:\n%s", args, r.code, id, r.stdout)
			}
		}
	}
}

// TestBuildTags: files behind a build tag are scanned only with -tags.
func TestBuildTags(t *testing.T) {
	dir := extract(t, "app")
	writeFile(t, filepath.Join(dir, "internal/debug/debug.go"), `//go:build debugjwt

package debug

import "github.com/golang-jwt/jwt/v5"

var _ = jwt.Parse
`)
	without := decodeReport(t, jwtssot(t, dir, "-format", "json", "./..."))
	with := decodeReport(t, jwtssot(t, dir, "-format", "json", "-tags", "debugjwt", "./..."))
	if with.Summary.Total != without.Summary.Total+2 {
		t.Errorf("-tags debugjwt: %d violations, without: %d; want the tagged file's import and reference on top",
			with.Summary.Total, without.Summary.Total)
	}
}

// TestWorkspace: a go.work workspace is scanned across its modules.
func TestWorkspace(t *testing.T) {
	root := t.TempDir()
	app := extract(t, "app")
	if err := os.Rename(app, filepath.Join(root, "app")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "tools/go.mod"), "module example.com/tools\n\ngo 1.22\n")
	writeFile(t, filepath.Join(root, "tools/tools.go"), "package tools\n\nimport \"os\"\n\nvar Secret = os.Getenv(\"JWT_SECRET\")\n")
	writeFile(t, filepath.Join(root, "go.work"), "go 1.22\n\nuse (\n\t./app\n\t./tools\n)\n")
	if r := jwtssot(t, root, "./..."); r.code != 2 || !strings.Contains(r.stderr, "pass the pattern work") {
		t.Errorf("./... at a workspace root that is no module: exit %d, %s; want 2 and a hint", r.code, r.stderr)
	}
	r := jwtssot(t, root, "-format", "json", "work")
	rep := decodeReport(t, r)
	files := map[string]bool{}
	for _, v := range rep.Violations {
		files[strings.SplitN(v.File, "/", 2)[0]] = true
	}
	if r.code != 1 || !files["app"] || !files["tools"] {
		t.Errorf("exit %d, violations in %v; want both workspace modules\n%s", r.code, files, r.stderr)
	}
}

// TestGoCommandErrors: when the go command cannot list the packages, its
// own reason reaches the user, with exit status 2.
func TestGoCommandErrors(t *testing.T) {
	dir := module(t, "clean")
	cmd := exec.Command(os.Args[0], "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "JWTSSOT_TEST_MAIN=1", "GOCACHE=off")
	r := run(t, cmd)
	if r.code != 2 || !strings.Contains(r.stderr, "build cache is disabled by GOCACHE=off") {
		t.Errorf("GOCACHE=off: exit %d, stderr %q", r.code, r.stderr)
	}
	other := jwtssot(t, dir, "../"+filepath.Base(module(t, "app"))+"/...")
	if other.code != 2 || !strings.Contains(other.stderr, "is outside the module jwtssot runs in") ||
		!strings.Contains(other.stderr, "does not contain main module") {
		t.Errorf("a pattern of another module: exit %d, stderr %q", other.code, other.stderr)
	}
	late := jwtssot(t, module(t, "app"), "./...", "-format", "json")
	if late.code != 1 || !strings.HasPrefix(late.stdout, "{") {
		t.Errorf("flags after the patterns: exit %d, stdout %.40q, stderr %q", late.code, late.stdout, late.stderr)
	}
}
