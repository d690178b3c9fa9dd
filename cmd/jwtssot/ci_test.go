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

// parseOutputs reads a $GITHUB_OUTPUT file as the runner does: name=value
// lines and name<<DELIMITER blocks. A line that is neither, or an output
// given twice, fails the test: the script wrote what it did not mean to.
func parseOutputs(t *testing.T, data string) map[string]string {
	t.Helper()
	out := map[string]string{}
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	for i := 0; i < len(lines) && data != ""; i++ {
		name, value, ok := strings.Cut(lines[i], "=")
		if heredoc, delim, multi := strings.Cut(lines[i], "<<"); multi && (!ok || len(heredoc) < len(name)) {
			name = heredoc
			var body []string
			for i++; i < len(lines) && lines[i] != delim; i++ {
				body = append(body, lines[i])
			}
			if i == len(lines) {
				t.Fatalf("$GITHUB_OUTPUT: %s<<%s is not closed:\n%s", name, delim, data)
			}
			value, ok = strings.Join(body, "\n"), true
		}
		if !ok {
			t.Fatalf("$GITHUB_OUTPUT line %q is no output:\n%s", lines[i], data)
		}
		if _, dup := out[name]; dup {
			t.Fatalf("$GITHUB_OUTPUT sets %s twice:\n%s", name, data)
		}
		out[name] = value
	}
	return out
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
		return r, parseOutputs(t, string(data))
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
		writeFile(t, stale, `{"version": "2.1.0", "runs": []}`)
		t.Cleanup(func() { _ = os.Remove(stale) })
		r, out := scanStep(t, map[string]string{"working-directory": "server", "args": "-frobnicate ./..."})
		if r.code != 2 || out["exit-code"] != "2" || out["sarif-file"] != "" || !strings.Contains(r.stderr, "-frobnicate") {
			t.Errorf("exit %d, outputs %v; want 2 and no SARIF file\n%s%s", r.code, out, r.stdout, r.stderr)
		}
		// The earlier run's report is left as it was, and not named
		// for upload.
		if data, err := os.ReadFile(stale); err != nil || string(data) != `{"version": "2.1.0", "runs": []}` {
			t.Errorf("the SARIF file of an earlier run was changed: %q, %v", data, err)
		}
		leftovers, _ := filepath.Glob(filepath.Join(server, ".jwtssot-sarif.*"))
		if len(leftovers) > 0 {
			t.Errorf("temporary files left behind: %q", leftovers)
		}
	})
	t.Run("earlier report replaced", func(t *testing.T) {
		earlier := filepath.Join(server, "jwtssot.sarif")
		writeFile(t, earlier, `{"version": "2.1.0", "runs": []}`)
		t.Cleanup(func() { _ = os.Remove(earlier) })
		r, out := scanStep(t, map[string]string{"working-directory": "server"})
		if r.code != 1 || out["sarif-file"] != earlier || len(sarifResults(t, earlier)) == 0 {
			t.Errorf("exit %d, outputs %v; want 1 and the new report in %s\n%s%s", r.code, out, earlier, r.stdout, r.stderr)
		}
	})
	t.Run("hostile inputs", func(t *testing.T) {
		hostileInputs(t, server, scanStep)
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

// hostileInputs gives the scan step the inputs an attacker who controls a
// workflow's with: (or a value interpolated into it) would: line breaks
// that try to write outputs of their own, shell syntax that must stay
// text, and sarif-file names that would destroy the baseline, go.mod, the
// config or a directory. The script must refuse each bad name with an
// ::error and exit status 2, never evaluate anything, and leave every file
// as it was.
func hostileInputs(t *testing.T, server string, scanStep func(*testing.T, map[string]string) (result, map[string]string)) {
	if w := jwtssot(t, server, "-q", "-write-baseline", ".jwtssot-baseline.json", "./..."); w.code != 0 {
		t.Fatalf("-write-baseline: exit %d\n%s", w.code, w.stderr)
	}
	t.Cleanup(func() { _ = os.Remove(filepath.Join(server, ".jwtssot-baseline.json")) })
	writeFile(t, filepath.Join(server, "notes.txt"), "not a report\n")
	t.Cleanup(func() { _ = os.Remove(filepath.Join(server, "notes.txt")) })
	files := []string{".jwtssot-baseline.json", "go.mod", "go.sum", ".jwtssot.yaml", "notes.txt", "internal/handlers/login.go"}
	before := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(server, f))
		if err != nil && f != "go.sum" {
			t.Fatal(err)
		}
		before[f] = string(data)
	}
	refused := []struct {
		name   string
		inputs map[string]string
		want   string
	}{
		{"sarif-file the baseline", map[string]string{"sarif-file": ".jwtssot-baseline.json", "baseline": ".jwtssot-baseline.json"}, "is the baseline"},
		{"sarif-file the baseline by another name", map[string]string{"sarif-file": "./internal/../.jwtssot-baseline.json", "baseline": ".jwtssot-baseline.json"}, "is the baseline"},
		{"sarif-file go.mod", map[string]string{"sarif-file": "go.mod"}, "is a Go or module file"},
		{"sarif-file go.sum", map[string]string{"sarif-file": "go.sum"}, "is a Go or module file"},
		{"sarif-file a Go file", map[string]string{"sarif-file": "internal/handlers/login.go"}, "is a Go or module file"},
		{"sarif-file the config", map[string]string{"sarif-file": ".jwtssot.yaml"}, "is a jwtssot config file"},
		{"sarif-file the config named in args", map[string]string{"sarif-file": "ci.yaml", "args": "-config ci.yaml ./..."}, "is a jwtssot config file"},
		{"sarif-file a directory", map[string]string{"sarif-file": "internal"}, "is a directory"},
		{"sarif-file a directory with a slash", map[string]string{"sarif-file": "out/"}, "names a directory"},
		{"sarif-file another file", map[string]string{"sarif-file": "notes.txt"}, "exists and is not a SARIF report"},
		{"a line break in sarif-file", map[string]string{"sarif-file": "x.sarif\nexit-code=0"}, "the sarif-file input holds a line break"},
		{"a line break in format", map[string]string{"format": "sarif\nexit-code=0"}, "the format input holds a line break"},
		{"a line break in baseline", map[string]string{"baseline": "b.json\n::warning::forged"}, "the baseline input holds a line break"},
		{"a line break in working-directory", map[string]string{"working-directory": ".\nsarif-file=/etc/passwd"}, "the working-directory input holds a line break"},
		{"an unknown format", map[string]string{"format": "sarif;touch pwned"}, "format must be"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			in := map[string]string{"working-directory": "server"}
			for k, v := range tc.inputs {
				if k == "working-directory" {
					v = strings.Replace(v, ".", "server", 1)
				}
				in[k] = v
			}
			r, out := scanStep(t, in)
			lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
			if r.code != 2 || len(out) != 1 || out["exit-code"] != "2" || len(lines) != 1 ||
				!strings.HasPrefix(lines[0], "::error title=jwtssot::") || !strings.Contains(lines[0], tc.want) {
				t.Errorf("exit %d, outputs %v; want 2, exit-code=2 only, and one ::error saying %q\n%s%s", r.code, out, tc.want, r.stdout, r.stderr)
			}
		})
	}
	for f, want := range before {
		if data, _ := os.ReadFile(filepath.Join(server, f)); string(data) != want {
			t.Errorf("%s was changed", f)
		}
	}

	// Shell syntax in args is text: each word is an argument of jwtssot,
	// and nothing runs. Line breaks split args like spaces.
	t.Run("shell syntax in args", func(t *testing.T) {
		r, out := scanStep(t, map[string]string{"working-directory": "server", "format": "github",
			"args": "./internal/... ; touch pwned1 $(touch pwned2) `touch pwned3` *"})
		for _, f := range []string{"pwned1", "pwned2", "pwned3", "pwned2)", "pwned3`"} {
			if _, err := os.Stat(filepath.Join(server, f)); err == nil {
				t.Errorf("%s was created: an input was evaluated", f)
			}
		}
		if r.code != 2 || out["exit-code"] != "2" || !strings.Contains(r.stdout, "jwtssot -format github ./internal/... ; touch pwned1 $(touch pwned2) `touch pwned3` *\n") {
			t.Errorf("exit %d, outputs %v; want jwtssot to get the words as they are, and refuse them\n%s%s", r.code, out, r.stdout, r.stderr)
		}
	})
	t.Run("args on several lines", func(t *testing.T) {
		r, out := scanStep(t, map[string]string{"working-directory": "server", "format": "github",
			"args": "-tests\n  ./internal/handlers/...\n\t./internal/orders/...\n"})
		if r.code != 1 || out["exit-code"] != "1" {
			t.Fatalf("exit %d, outputs %v\n%s%s", r.code, out, r.stdout, r.stderr)
		}
		for _, want := range []string{"file=server/internal/handlers/login_test.go,", "file=server/internal/orders/orders.go,"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("a line of args was dropped: no %s in\n%s", want, r.stdout)
			}
		}
	})
	t.Run("text report between stop-commands", func(t *testing.T) {
		r, _ := scanStep(t, map[string]string{"working-directory": "server", "format": "text"})
		lines := strings.Split(r.stdout, "\n")
		stop, resume := -1, -1
		for i, l := range lines {
			if tok, ok := strings.CutPrefix(l, "::stop-commands::"); ok && stop < 0 {
				stop = i
				for j := i + 1; j < len(lines); j++ {
					if lines[j] == "::"+tok+"::" {
						resume = j
					}
				}
			}
		}
		if stop < 0 || resume < 0 || !strings.Contains(strings.Join(lines[stop:resume], "\n"), "internal/orders/orders.go:") {
			t.Errorf("the text report is not between ::stop-commands:: and its token:\n%s", r.stdout)
		}
	})
}
