package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoRoot is the root of this repository, where .pre-commit-hooks.yaml,
// action.yml and scripts/ are.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// toolOnPath puts the test binary on PATH as jwtssot, where `go install`
// puts the real one for pre-commit and the action, and makes it act as
// jwtssot.
func toolOnPath(t *testing.T) {
	t.Helper()
	bin := t.TempDir()
	exe := filepath.Join(bin, "jwtssot")
	if err := os.Symlink(os.Args[0], exe); err != nil {
		data, err := os.ReadFile(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(exe, data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("JWTSSOT_TEST_MAIN", "1")
	t.Setenv("NO_COLOR", "")
	t.Setenv("FORCE_COLOR", "")
}

// preCommitHook is a hook of .pre-commit-hooks.yaml, the fields pre-commit
// reads (https://pre-commit.com/#creating-new-hooks).
type preCommitHook struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	Description   string   `yaml:"description"`
	Entry         string   `yaml:"entry"`
	Language      string   `yaml:"language"`
	Args          []string `yaml:"args"`
	Types         []string `yaml:"types"`
	PassFilenames *bool    `yaml:"pass_filenames"`
	RequireSerial bool     `yaml:"require_serial"`
}

// TestPreCommitHook runs the hook the way pre-commit does: its entry split
// into words, then its args (no file names: pass_filenames is false), in
// the root of the repository being committed, with the binary that
// language: golang installs on PATH.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	i := slices.IndexFunc(hooks, func(h preCommitHook) bool { return h.ID == "jwtssot" })
	if i < 0 {
		t.Fatalf("no hook jwtssot in %+v", hooks)
	}
	h := hooks[i]
	if h.Language != "golang" || h.Entry != "jwtssot" || h.PassFilenames == nil || *h.PassFilenames ||
		!slices.Contains(h.Types, "go") || h.Name == "" || h.Description == "" {
		t.Errorf("hook %+v: want language golang, entry jwtssot, pass_filenames false, types [go], a name and a description", h)
	}

	toolOnPath(t)
	argv := append(strings.Fields(h.Entry), h.Args...)
	for _, tc := range []struct {
		module string
		code   int
		want   string
	}{
		{"app", 1, "internal/handlers/login.go:"},
		{"clean", 0, "no JWT violations"},
	} {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = module(t, tc.module)
		r := run(t, cmd)
		if r.code != tc.code || !strings.Contains(r.stdout, tc.want) {
			t.Errorf("%s: %s: exit %d, want %d and %q\n%s%s", tc.module, strings.Join(argv, " "), r.code, tc.code, tc.want, r.stdout, r.stderr)
		}
	}

	// A user who sets pass_filenames: true gets the staged files after
	// the args, as pre-commit passes them: a usage error that says what
	// to change, not the go command's "named files must be .go files".
	staged := append(append([]string{}, argv...), "internal/handlers/login.go", "internal/orders/orders.go")
	cmd := exec.Command(staged[0], staged[1:]...)
	cmd.Dir = module(t, "app")
	r := run(t, cmd)
	if r.code != 2 || !strings.Contains(r.stderr, "set pass_filenames: false on the hook") || strings.Contains(r.stderr, "named files must be") {
		t.Errorf("with pass_filenames: true: exit %d, want 2 and the hook's setting\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestGoSumAdviceOnce scans the demo module without its go.sum: every
// package that imports the JWT library fails to load, and go's advice
// (go get <one importer>) is not repeated in each package's error; the scan
// says once, for the module, what to run.
func TestGoSumAdviceOnce(t *testing.T) {
	demo, err := filepath.Abs(filepath.Join("..", "..", "examples", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(demo)); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "go.sum")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "JWTSSOT_TEST_MAIN=1", "GOFLAGS=-mod=readonly", "GOWORK=off")
	r := run(t, cmd)
	out := r.stdout + r.stderr
	if r.code != 3 || strings.Count(out, "go mod tidy") != 1 || strings.Contains(out, "to add") || strings.Contains(out, "go get") {
		t.Errorf("exit %d, want 3, one go mod tidy and no go get advice\n%s%s", r.code, r.stdout, r.stderr)
	}
	if want := "go.sum has no entry for the module providing github.com/golang-jwt/jwt/v5"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr does not say %q:\n%s", want, r.stderr)
	}
}

// actionFile is the part of action.yml the tests check.
type actionFile struct {
	Name    string
	Inputs  map[string]struct{ Description, Default string }
	Outputs map[string]struct{ Description, Value string }
	Runs    struct {
		Using string
		Steps []struct {
			ID   string
			Name string
			If   string
			Uses string
			Run  string
			Env  map[string]string
			With map[string]string
		}
	}
}

// TestActionYAML: action.yml is a composite action whose scan step passes
// every input the script reads as its INPUT_ variable, installs jwtssot
// with go install and uploads SARIF with codeql-action.
func TestActionYAML(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	for _, in := range []string{"version", "working-directory", "args", "format", "sarif-file", "upload-sarif", "baseline", "fail-on-violations"} {
		if _, ok := a.Inputs[in]; !ok {
			t.Errorf("no input %s", in)
		}
	}
	if a.Inputs["version"].Default != "latest" {
		t.Errorf("version defaults to %q, want latest", a.Inputs["version"].Default)
	}
	var install, scan, upload bool
	for _, s := range a.Runs.Steps {
		switch {
		case strings.Contains(s.Run, "go install \"github.com/jwtssot/jwtssot/cmd/jwtssot@${INPUT_VERSION}\""):
			install = s.Env["INPUT_VERSION"] == "${{ inputs.version }}"
		case strings.Contains(s.Run, "scripts/action-scan.sh"):
			scan = s.ID == "scan"
			script, err := os.ReadFile(filepath.Join(repoRoot(t), "scripts", "action-scan.sh"))
			if err != nil {
				t.Fatal(err)
			}
			for name := range a.Inputs {
				v := "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
				if !strings.Contains(string(script), v) {
					continue // an input of another step
				}
				if got, want := s.Env[v], "${{ inputs."+name+" }}"; got != want {
					t.Errorf("scan step: env %s = %q, want %q", v, got, want)
				}
			}
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			upload = s.With["sarif_file"] == "${{ steps.scan.outputs.sarif-file }}" && strings.Contains(s.If, "always()")
		}
	}
	if !install || !scan || !upload {
		t.Errorf("steps: install %v, scan %v, upload %v; want all", install, scan, upload)
	}
}

// TestActionScan runs the action's scan step, scripts/action-scan.sh, as the
// runner does: inputs in INPUT_ variables, outputs to $GITHUB_OUTPUT, in the
// workspace root, on a module in the server/ directory of a repository.
func TestActionScan(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	toolOnPath(t)
	script := filepath.Join(repoRoot(t), "scripts", "action-scan.sh")
	workspace := t.TempDir()
	if err := os.Mkdir(filepath.Join(workspace, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	server := filepath.Join(workspace, "server")
	if err := os.Rename(extract(t, "app"), server); err != nil {
		t.Fatal(err)
	}

	scanStep := func(t *testing.T, inputs map[string]string) (result, map[string]string) {
		t.Helper()
		outputs := filepath.Join(t.TempDir(), "github_output")
		cmd := exec.Command(bash, script)
		cmd.Dir = workspace
		cmd.Env = []string{"GITHUB_OUTPUT=" + outputs, "JWTSSOT_BIN="} // jwtssot from PATH
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "INPUT_") && !strings.HasPrefix(kv, "GITHUB_OUTPUT=") && !strings.HasPrefix(kv, "JWTSSOT_BIN=") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		for k, v := range inputs {
			cmd.Env = append(cmd.Env, "INPUT_"+strings.ToUpper(strings.ReplaceAll(k, "-", "_"))+"="+v)
		}
		r := run(t, cmd)
		data, _ := os.ReadFile(outputs)
		out := map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok {
				out[k] = v
			}
		}
		return r, out
	}
	sarifResults := func(t *testing.T, file string) []string {
		t.Helper()
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		return sarifURIs(t, result{stdout: string(data), code: 1})
	}

	t.Run("sarif", func(t *testing.T) {
		r, out := scanStep(t, map[string]string{"working-directory": "server"})
		want := filepath.Join(server, "jwtssot.sarif")
		if r.code != 1 || out["exit-code"] != "1" || out["sarif-file"] != want {
			t.Fatalf("exit %d, outputs %v; want 1, exit-code=1, sarif-file=%s\n%s%s", r.code, out, want, r.stdout, r.stderr)
		}
		everyHasPrefix(t, "sarif", sarifResults(t, want), "server/internal/")
	})
	t.Run("fail-on-violations false", func(t *testing.T) {
		r, out := scanStep(t, map[string]string{"working-directory": "server", "fail-on-violations": "false"})
		if r.code != 0 || out["exit-code"] != "1" || out["sarif-file"] == "" || !strings.Contains(r.stdout, "::notice") {
			t.Errorf("exit %d, outputs %v; want 0, exit-code=1 and the report\n%s%s", r.code, out, r.stdout, r.stderr)
		}
	})
	t.Run("baseline", func(t *testing.T) {
		if w := jwtssot(t, server, "-q", "-write-baseline", ".jwtssot-baseline.json", "./..."); w.code != 0 {
			t.Fatalf("-write-baseline: exit %d\n%s", w.code, w.stderr)
		}
		t.Cleanup(func() { _ = os.Remove(filepath.Join(server, ".jwtssot-baseline.json")) })
		r, out := scanStep(t, map[string]string{"working-directory": "server", "baseline": ".jwtssot-baseline.json", "sarif-file": "out/new.sarif"})
		if r.code != 0 || out["exit-code"] != "0" || out["sarif-file"] != filepath.Join(server, "out", "new.sarif") {
			t.Fatalf("exit %d, outputs %v; want 0 and the SARIF file\n%s%s", r.code, out, r.stdout, r.stderr)
		}
		var log struct {
			Runs []struct{ Results []json.RawMessage }
		}
		data, _ := os.ReadFile(out["sarif-file"])
		if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 0 {
			t.Errorf("with the baseline, the SARIF report must be valid and hold no result: %v\n%s", err, data)
		}
	})
	t.Run("github", func(t *testing.T) {
		r, out := scanStep(t, map[string]string{"working-directory": "server", "format": "github", "args": "-tests ./internal/..."})
		if r.code != 1 || out["exit-code"] != "1" || out["sarif-file"] != "" {
			t.Fatalf("exit %d, outputs %v; want 1 and no SARIF file\n%s%s", r.code, out, r.stdout, r.stderr)
		}
		everyHasPrefix(t, "annotations", githubFiles(t, r), "server/internal/")
		if !strings.Contains(r.stdout, "file=server/internal/handlers/login_test.go,") {
			t.Errorf("args not passed on (-tests):\n%s", r.stdout)
		}
	})
	t.Run("usage error", func(t *testing.T) {
		stale := filepath.Join(server, "jwtssot.sarif")
		writeFile(t, stale, "{}")
		r, out := scanStep(t, map[string]string{"working-directory": "server", "args": "-frobnicate ./..."})
		if r.code != 2 || out["exit-code"] != "2" || out["sarif-file"] != "" || !strings.Contains(r.stderr, "-frobnicate") {
			t.Errorf("exit %d, outputs %v; want 2 and no SARIF file\n%s%s", r.code, out, r.stdout, r.stderr)
		}
		if _, err := os.Stat(stale); err == nil {
			t.Error("the SARIF file of an earlier run is still there, to be uploaded")
		}
	})
	t.Run("bad inputs", func(t *testing.T) {
		for _, in := range []map[string]string{
			{"working-directory": "nowhere"},
			{"working-directory": "server", "fail-on-violations": "sometimes"},
		} {
			r, out := scanStep(t, in)
			if r.code != 2 || out["exit-code"] != "2" || !strings.Contains(r.stdout, "::error title=jwtssot::") {
				t.Errorf("%v: exit %d, outputs %v\n%s%s", in, r.code, out, r.stdout, r.stderr)
			}
		}
	})
	t.Run("clean", func(t *testing.T) {
		r, out := scanStep(t, map[string]string{"working-directory": module(t, "clean")})
		if r.code != 0 || out["exit-code"] != "0" {
			t.Errorf("exit %d, outputs %v\n%s%s", r.code, out, r.stdout, r.stderr)
		}
	})
}
