package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/jwtssot/jwtssot/internal/gittest"
)

// TestScripts runs the command-line scripts of testdata/script (rogpeppe's
// testscript: each archive is a module and the commands run in it): the
// messages a user reads, checked against golden sections (*.golden) with
// cmp. They are also the golden output the docs' quoted error messages are
// checked against (TestDocsErrorQuotes).
//
// Besides testscript's own commands, a script has:
//
//	status N cmd args...   run cmd and require the exit status N
//	mkfifo name            make a named pipe (the script skips without one)
func TestScripts(t *testing.T) {
	goEnv := goEnvironment(t)
	bin := t.TempDir()
	if err := os.Symlink(os.Args[0], filepath.Join(bin, "jwtssot")); err != nil {
		t.Skipf("no symlink for the jwtssot binary: %v", err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(e *testscript.Env) error {
			e.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			e.Setenv("JWTSSOT_TEST_MAIN", "1")
			for k, v := range goEnv {
				e.Setenv(k, v)
			}
			e.Setenv("GOWORK", "off")
			e.Setenv("GOFLAGS", "-mod=mod")
			for _, kv := range gittest.Env() {
				k, v, _ := strings.Cut(kv, "=")
				e.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"status": cmdStatus,
			"mkfifo": cmdMkfifo,
		},
	})
}

// cmdStatus runs a command and checks its exit status.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status %q: not a number", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("%s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", strings.Join(args[1:], " "), got, want)
	}
}

// goEnvironment is what the go command needs from this machine's
// environment in a script, whose HOME is none: its caches and proxy.
func goEnvironment(t *testing.T) map[string]string {
	t.Helper()
	out, err := exec.Command("go", "env", "-json", "GOCACHE", "GOMODCACHE", "GOPATH", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GOTOOLCHAIN").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	env := map[string]string{}
	if err := json.Unmarshal(out, &env); err != nil {
		t.Fatal(err)
	}
	return env
}
