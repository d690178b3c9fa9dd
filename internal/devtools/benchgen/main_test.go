package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "mono")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a substring, "" for none
		stderr string
	}{
		{"no -out", nil, 2, "", "usage: benchgen -out DIR"},
		{"an argument", []string{"-out", out, "extra"}, 2, "", "usage: benchgen -out DIR"},
		{"unknown flag", []string{"-out", out, "-size", "3"}, 2, "", "flag provided but not defined: -size"},
		{"help", []string{"-h"}, 0, "", "usage: benchgen -out DIR"},
		{"no packages", []string{"-out", out, "-packages", "0"}, 1, "", "benchgen: -packages must be at least 1"},
		{"NaN share", []string{"-out", out, "-jwt-share", "NaN"}, 1, "", "benchgen: -jwt-share must be between 0 and 100"},
		{"no stub", []string{"-out", out, "-root", t.TempDir()}, 1, "", "benchgen: the JWT library's stub: open "},
		{"a module", []string{"-out", out, "-packages", "2", "-jwt-share", "50"}, 0, "benchgen: 2 service packages (7 in all, 2 layers), 1 with JWT code;", ""},
		// out holds the module the case above wrote.
		{"not empty", []string{"-out", out}, 1, "", "is not empty (use -force to replace its content)"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d; stderr:\n%s", tt.name, code, tt.code, stderr.String())
		}
		if !strings.Contains(stdout.String(), tt.stdout) || tt.stdout == "" && stdout.Len() > 0 {
			t.Errorf("%s: stdout %q, want %q", tt.name, stdout.String(), tt.stdout)
		}
		if !strings.Contains(stderr.String(), tt.stderr) || tt.stderr == "" && stderr.Len() > 0 {
			t.Errorf("%s: stderr %q, want %q", tt.name, stderr.String(), tt.stderr)
		}
	}
}
