// Package gittest runs git for tests that build a repository (the trend's
// history of a baseline), isolated from the machine's git configuration.
package gittest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// env isolates git from the machine's configuration and gives commits an
// author.
var env = []string{
	"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + os.DevNull,
	"GIT_AUTHOR_NAME=jwtssot test", "GIT_AUTHOR_EMAIL=test@example.com",
	"GIT_COMMITTER_NAME=jwtssot test", "GIT_COMMITTER_EMAIL=test@example.com",
}

// Env returns the environment variables that isolate git and name an
// author, for a test that runs git in a process of its own (a script).
func Env() []string { return append([]string{}, env...) }

// Require skips the test, saying why, when git is not installed.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

// Run runs git with args in dir and returns its trimmed output; extra
// environment variables (GIT_AUTHOR_DATE=...) come after the isolation's.
// A failure fails the test with git's output.
func Run(t testing.TB, dir string, extra []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), env...), extra...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}
