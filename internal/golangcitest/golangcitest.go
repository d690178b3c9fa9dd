// Package golangcitest runs a golangci-lint binary built with the jwtssot
// plugin and decodes its JSON report, for the plugin's end-to-end test and
// cmd/jwtssot's front-end agreement tests.
package golangcitest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// Run runs `golangci-lint run` with the JSON report on stdout, with args
// (flags, then patterns) in dir and environment env, and returns its
// outputs and exit code. go test runs the plugin's package and
// cmd/jwtssot's alongside each other, and golangci-lint refuses to run next
// to another instance (a lock in the temporary directory) unless allowed:
// env must give each run a GOLANGCI_LINT_CACHE of its own.
func Run(t testing.TB, bin, dir string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"run", "--allow-parallel-runners", "--output.json.path=stdout"}, args...)...)
	cmd.Dir = dir
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// Issue is one issue of golangci-lint's JSON report.
type Issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

// Issues decodes the issues of golangci-lint's JSON report, which comes
// first on stdout; golangci-lint's text summary may follow it.
func Issues(stdout string) ([]Issue, error) {
	var report struct{ Issues []Issue }
	if err := json.NewDecoder(strings.NewReader(stdout)).Decode(&report); err != nil {
		return nil, fmt.Errorf("golangci-lint's JSON report: %w\n%.300s", err, stdout)
	}
	return report.Issues, nil
}

// Config is a golangci-lint v2 configuration that enables only the
// jwtssot plugin with settings (YAML of the plugin's settings mapping; ""
// leaves them to discovery) and keeps every issue: by default
// golangci-lint keeps 50 per linter, 3 with the same text and one per line.
func Config(settings string) string {
	block := "        settings: {}\n"
	if s := strings.TrimSpace(settings); s != "" {
		block = "        settings:\n          " + strings.ReplaceAll(s, "\n", "\n          ") + "\n"
	}
	return `version: "2"
linters:
  default: none
  enable: [jwtssot]
  settings:
    custom:
      jwtssot:
        type: module
        description: keeps every JWT operation in the auth module
        original-url: https://github.com/jwtssot/jwtssot
` + block + `issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
output:
  show-stats: false
`
}
