package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/golangcitest"
)

// TestFrontEndsAgree runs the standalone scan, go vet and, when
// JWTSSOT_GOLANGCI_LINT names a golangci-lint built with the plugin (as
// .ci/run does), golangci-lint over the set-ups where they used to
// disagree, and requires the same findings from each: a single module; a
// go.work workspace of two modules with a config each; a nested config with
// its own auth and tests: true; a config file outside the modules, named by
// -config for the scan and by $JWTSSOT_CONFIG for go vet (and
// golangci-lint); and each config edited between two go vet runs.
func TestFrontEndsAgree(t *testing.T) {
	gcl := os.Getenv("JWTSSOT_GOLANGCI_LINT")
	t.Run("single module", func(t *testing.T) {
		dir := module(t, "app")
		agree(t, dir, gcl, nil, nil, "./...")
	})
	t.Run("cgo", func(t *testing.T) {
		if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
			t.Skip("cgo is disabled here (no C compiler): the case needs one")
		}
		got := agree(t, module(t, "cgo"), gcl, nil, []string{"GOWORK=off"}, "./...")
		for _, want := range []string{"native/native.go:7:8: import", "native/native.go:11:9: call of jwt.Parse", "native/native.go:11:70: hardcoded JWT secret"} {
			if !slices.ContainsFunc(got, func(f string) bool { return strings.HasPrefix(f, want) }) {
				t.Errorf("no finding %s... in the user's cgo file:\n%s", want, strings.Join(got, "\n"))
			}
		}
	})
	ws := extract(t, "workspace")
	t.Run("workspace, nested config", func(t *testing.T) {
		got := agree(t, ws, gcl, nil, nil, "./a/...", "./b/...")
		for _, want := range []string{
			"a/api/api.go:10:74: hardcoded JWT secret", // through auth.SignWith, a fact of another package
			"a/svc/x/x_test.go:",                       // x's own config sets tests: true
			"b/handlers/handlers.go:10:35: JWT secret B_JWT_SECRET read with settings.Setting",
		} {
			if !slices.ContainsFunc(got, func(f string) bool { return strings.HasPrefix(f, want) }) {
				t.Errorf("no finding %s...:\n%s", want, strings.Join(got, "\n"))
			}
		}
		for _, f := range got {
			if strings.HasPrefix(f, "a/svc/x/xauth/") || strings.HasPrefix(f, "a/auth/") || strings.HasPrefix(f, "b/internal/auth/") {
				t.Errorf("finding in an auth package: %s", f)
			}
		}
	})
	ci := filepath.Join(ws, "ci", "jwtssot.yaml")
	t.Run("config outside the modules", func(t *testing.T) {
		got := agree(t, ws, gcl, []string{"-config", ci}, []string{"JWTSSOT_CONFIG=" + ci}, "./a/...", "./b/...")
		for _, f := range got {
			if strings.HasPrefix(f, "a/svc/x/x_test.go") {
				t.Errorf("the file named replaces every discovered one, x's tests: true included: %s", f)
			}
		}
	})
	t.Run("edits between go vet runs", func(t *testing.T) {
		before := agree(t, ws, "", nil, nil, "./a/...", "./b/...")
		writeFile(t, filepath.Join(ws, "b", ".jwtssot.yaml"), "auth: [./internal/auth/...]\ndisable: [import, call, secret-access, hardcoded-secret]\n")
		after := agree(t, ws, "", nil, nil, "./a/...", "./b/...")
		if len(after) >= len(before) || slices.ContainsFunc(after, func(f string) bool { return strings.HasPrefix(f, "b/") }) {
			t.Errorf("after disabling every rule in b/.jwtssot.yaml:\n%s\nbefore:\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
		}
		env := []string{"JWTSSOT_CONFIG=" + ci}
		before = agree(t, ws, "", []string{"-config", ci}, env, "./a/...", "./b/...")
		writeFile(t, ci, "auth: [example.com/a/auth/..., example.com/b/internal/auth/...]\ndisable: [call]\n")
		after = agree(t, ws, "", []string{"-config", ci}, env, "./a/...", "./b/...")
		if slices.ContainsFunc(after, func(f string) bool { return strings.Contains(f, "(jwtssot/call)") }) || len(after) >= len(before) {
			t.Errorf("after disabling call in $JWTSSOT_CONFIG's file, go vet still reports calls:\n%s", strings.Join(after, "\n"))
		}
	})
}

// agree runs every front end in dir and fails unless their findings are
// equal; it returns them as "file:line:col: message" lines.
func agree(t *testing.T, dir, gcl string, scanFlags, env []string, patterns ...string) []string {
	t.Helper()
	std := runIn(t, dir, env, os.Args[0], append(append([]string{"-format", "json"}, scanFlags...), patterns...)...)
	rep := decodeReport(t, std)
	if std.code > 1 || len(rep.Errors) > 0 {
		t.Fatalf("standalone exit %d, errors %v:\n%s", std.code, rep.Errors, std.stderr)
	}
	want := lines(rep.findings())
	vet := runIn(t, dir, env, "go", append([]string{"vet", "-vettool=" + os.Args[0], "-json"}, patterns...)...)
	if got := lines(vetFindings(t, dir, vet.json())); !slices.Equal(got, want) {
		t.Errorf("go vet and the standalone scan disagree (vet exit %d, %s)\ngo vet:\n%s\nstandalone:\n%s",
			vet.code, vet.stderr, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if gcl != "" {
		if got := golangciLines(t, gcl, dir, env, patterns); !slices.Equal(got, want) {
			t.Errorf("golangci-lint and the standalone scan disagree\ngolangci-lint:\n%s\nstandalone:\n%s",
				strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	return want
}

func lines(fs []finding) []string {
	sortFindings(fs)
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Column, f.Message)
	}
	return out
}

// runIn runs a command in dir with the test binary acting as jwtssot.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "JWTSSOT_TEST_MAIN=1", "NO_COLOR=", "FORCE_COLOR=", "GOFLAGS="), env...)
	return run(t, cmd)
}

// golangciLines runs golangci-lint with the plugin in dir, with settings
// that leave the config to discovery (or $JWTSSOT_CONFIG).
func golangciLines(t *testing.T, bin, dir string, env, patterns []string) []string {
	t.Helper()
	out, errOut, code := golangciRun(t, bin, dir, env, patterns)
	if code > 1 {
		t.Fatalf("golangci-lint exited %d:\n%s", code, errOut)
	}
	issues, err := golangcitest.Issues(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []finding
	for _, is := range issues {
		name := is.Pos.Filename
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		rel, err := filepath.Rel(dir, name)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, finding{File: filepath.ToSlash(rel), Line: is.Pos.Line, Column: is.Pos.Column, Message: is.Text})
	}
	return lines(got)
}

// golangciRun runs golangci-lint with only the jwtssot plugin enabled,
// its settings left to discovery, and JSON output.
func golangciRun(t *testing.T, bin, dir string, env, patterns []string) (stdout, stderr string, code int) {
	t.Helper()
	cfg := golangcitest.Config("")
	cfgFile := filepath.Join(t.TempDir(), "golangci.yml")
	if err := os.WriteFile(cfgFile, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	env = append(append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir(), "GOFLAGS="), env...)
	return golangcitest.Run(t, bin, dir, env, append([]string{"--config", cfgFile}, patterns...)...)
}

// TestOddConfigs: a config file that is not a readable YAML mapping of
// settings gets the same error, naming the file and what is wrong, in every
// front end: exit 2 from the scan, a failed go vet run that says it once,
// and a failed golangci-lint run.
func TestOddConfigs(t *testing.T) {
	gcl := os.Getenv("JWTSSOT_GOLANGCI_LINT")
	for _, tc := range []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"directory", func(t *testing.T, p string) { mkdir(t, p) }, "is a directory, not a config file"},
		{"dangling symlink", func(t *testing.T, p string) { symlink(t, "missing.yaml", p) }, "is a symlink to missing.yaml, which does not exist"},
		{"looping symlink", func(t *testing.T, p string) { symlink(t, filepath.Base(p), p) }, "is a symlink that loops"},
		{"fifo", mkfifo, "is not a regular file (a named pipe)"},
		{"too large", func(t *testing.T, p string) {
			writeFile(t, p, "auth: [./internal/auth/...]\n"+strings.Repeat("# padding\n", 120000))
		}, "larger than 1 MiB"},
		{"two documents", func(t *testing.T, p string) { writeFile(t, p, "auth: [./a]\n---\nauth: [./b]\n") }, "more than one YAML document"},
		{"list of numbers", func(t *testing.T, p string) { writeFile(t, p, "auth: [1, 2]\n") }, "auth[0]: must be a string, not the number 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := extract(t, "clean")
			cfg := filepath.Join(dir, ".jwtssot.yaml")
			if err := os.Remove(cfg); err != nil && !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
			tc.make(t, cfg)
			std := runIn(t, dir, nil, os.Args[0], "./...")
			if std.code != 2 || !strings.Contains(std.stderr, ".jwtssot.yaml") || !strings.Contains(std.stderr, tc.want) {
				t.Errorf("standalone: exit %d, stderr %q; want exit 2 and %q", std.code, std.stderr, tc.want)
			}
			vet := runIn(t, dir, []string{"GOWORK=off"}, "go", "vet", "-vettool="+os.Args[0], "./...")
			if vet.code == 0 || !strings.Contains(vet.stderr, tc.want) {
				t.Errorf("go vet: exit %d, stderr %q; want a failure saying %q", vet.code, vet.stderr, tc.want)
			}
			if n := strings.Count(vet.stderr, tc.want); n > 1 {
				t.Errorf("go vet says it %d times:\n%s", n, vet.stderr)
			}
			if gcl != "" {
				out, errOut, code := golangciRun(t, gcl, dir, []string{"GOWORK=off"}, []string{"./..."})
				if code < 2 || !strings.Contains(errOut, tc.want) {
					t.Errorf("golangci-lint: exit %d, stderr %q, stdout %.200q; want a failure saying %q", code, errOut, out, tc.want)
				}
			}
		})
	}
}

func mkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.Mkdir(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, p string) {
	t.Helper()
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
}

// TestVetRefusesConfigFlag: go vet asks for the tool's ID without the
// analyzer's flags, so a file named by -jwtssot.config could never be part
// of its cache key: it is refused once per run, saying what to use.
func TestVetRefusesConfigFlag(t *testing.T) {
	dir := module(t, "clean")
	vet := runIn(t, dir, []string{"GOWORK=off"}, "go", "vet", "-vettool="+os.Args[0], "-jwtssot.config=/etc/jwtssot.yaml", "./...")
	const want = "-jwtssot.config=/etc/jwtssot.yaml cannot be used with go vet"
	if vet.code == 0 || strings.Count(vet.stderr, want) != 1 || !strings.Contains(vet.stderr, "JWTSSOT_CONFIG=<absolute path>") {
		t.Errorf("exit %d, stderr:\n%s\nwant one %q naming JWTSSOT_CONFIG", vet.code, vet.stderr, want)
	}
	bad := runIn(t, dir, []string{"GOWORK=off"}, "go", "vet", "-vettool="+os.Args[0], "-jwtssot.disable=bogus", "./...")
	if bad.code == 0 || strings.Count(bad.stderr, `unknown rule "bogus"`) != 1 || strings.Contains(bad.stderr, "Usage") {
		t.Errorf("-jwtssot.disable=bogus: exit %d, stderr:\n%s\nwant the error once and no usage text", bad.code, bad.stderr)
	}
	rel := runIn(t, dir, []string{"JWTSSOT_CONFIG=ci/jwtssot.yaml"}, os.Args[0], "./...")
	if rel.code != 2 || !strings.Contains(rel.stderr, "JWTSSOT_CONFIG must be an absolute path") {
		t.Errorf("a relative JWTSSOT_CONFIG: exit %d, stderr %q", rel.code, rel.stderr)
	}
}
