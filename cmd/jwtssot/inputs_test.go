package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestInputsNotRegular: every file jwtssot reads — a baseline, a JSON
// report of -trend -reports (named, or in a directory), a config file —
// that is a named pipe or a directory is refused at once with exit status
// 2 and the one message shape of input files, never a hang.
func TestInputsNotRegular(t *testing.T) {
	dir := extract(t, "app")
	ci := filepath.Join(dir, "ci")
	writeFile(t, filepath.Join(ci, "run-1.json"), `{"version": 1, "tool": {"name": "jwtssot"}, "violations": []}`)
	mkfifo(t, filepath.Join(ci, "run-2.json"))
	mkfifo(t, filepath.Join(dir, "pipe.json"))
	mkfifo(t, filepath.Join(dir, "pipe.yaml"))
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"baseline a named pipe", []string{"-baseline", "pipe.json", "./..."},
			"pipe.json: is not a regular file (a named pipe); a baseline is a JSON file written by jwtssot -write-baseline on disk"},
		{"baseline a directory", []string{"-baseline", "ci", "./..."},
			"ci: is a directory, not a baseline; a baseline is a JSON file written by jwtssot -write-baseline (remove or rename the directory)"},
		{"report a named pipe", []string{"-trend", "-reports", "pipe.json"},
			"pipe.json: is not a regular file (a named pipe); a JSON report is a file written by jwtssot -format json on disk"},
		{"a directory holding a named pipe", []string{"-trend", "-reports", "ci"},
			filepath.Join("ci", "run-2.json") + ": is not a regular file (a named pipe); a JSON report is a file written by jwtssot -format json on disk"},
		{"config a named pipe", []string{"-config", "pipe.yaml", "./..."},
			"pipe.yaml: is not a regular file (a named pipe); a config file is a YAML file on disk"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], tc.args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "JWTSSOT_TEST_MAIN=1")
			r := run(t, cmd)
			if ctx.Err() != nil {
				t.Fatalf("jwtssot %s hangs", strings.Join(tc.args, " "))
			}
			if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", r.code, r.stderr, tc.want)
			}
		})
	}
}
