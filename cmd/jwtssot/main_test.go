package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jwtssot/jwtssot/internal/txtartest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestMain lets the test binary be the jwtssot tool: the end-to-end tests
// run os.Args[0] with JWTSSOT_TEST_MAIN=1, both standalone and as go vet's
// -vettool, so they exercise the real binary's dispatch.
func TestMain(m *testing.M) {
	if os.Getenv("JWTSSOT_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	dir, err := os.MkdirTemp("", "jwtssot-fixtures-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fixtureRoot = dir
	code := m.Run()
	_ = os.RemoveAll(dir) // best effort: a temp dir
	os.Exit(code)
}

// fixtureRoot holds the shared fixtures, extracted once per test run.
var fixtureRoot string

// shared extracts the module fixtures once per run (see fixture).
var shared sync.Map // archive path -> *sharedFixture

type sharedFixture struct {
	once sync.Once
	dir  string
	err  error
}

// fixture returns a directory holding the txtar module at path (relative
// to the package directory), extracted once for the whole test run. Tests
// that only read it share it, so that go vet, whose cache is keyed by the
// package directories, vets each module's dependencies once per run rather
// than once per test. A test that changes the module takes a copy with
// extract instead.
func fixture(t *testing.T, path string) string {
	t.Helper()
	v, _ := shared.LoadOrStore(path, &sharedFixture{})
	f := v.(*sharedFixture)
	f.once.Do(func() {
		f.dir = filepath.Join(fixtureRoot, strings.NewReplacer("/", "_", ".", "_").Replace(path))
		f.err = txtartest.ExtractTo(path, f.dir)
	})
	if f.err != nil {
		t.Fatal(f.err)
	}
	return f.dir
}

// module returns the shared fixture of testdata/modules/<name>.txtar.
func module(t *testing.T, name string) string {
	t.Helper()
	return fixture(t, filepath.Join("..", "..", "testdata", "modules", name+".txtar"))
}

// result is one run of the tool.
type result struct {
	stdout, stderr string
	code           int
}

// jwtssot runs the tool in dir.
func jwtssot(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "JWTSSOT_TEST_MAIN=1", "NO_COLOR=", "FORCE_COLOR=")
	return run(t, cmd)
}

// goVet runs go vet with the tool as its vettool in dir.
func goVet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command("go", append([]string{"vet", "-vettool=" + os.Args[0]}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "JWTSSOT_TEST_MAIN=1", "GOFLAGS=-mod=mod", "GOWORK=off")
	return run(t, cmd)
}

func run(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("%s: %v", cmd, err)
		}
		code = ee.ExitCode()
	}
	return result{stdout.String(), stderr.String(), code}
}

// json returns go vet -json's output: on stdout since Go 1.26, on stderr
// before.
func (r result) json() string {
	if strings.Contains(r.stdout, "{") {
		return r.stdout
	}
	return r.stderr
}

// extract writes the txtar module testdata/modules/<name>.txtar into a new
// temp dir, for a test that changes it.
func extract(t *testing.T, name string) string {
	t.Helper()
	return txtartest.Extract(t, filepath.Join("..", "..", "testdata", "modules", name+".txtar"))
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// jsonReport is the part of the JSON report the tests compare.
type jsonReport struct {
	Version    int
	Violations []struct {
		Rule, File, Package, Function, Symbol, Message, Fingerprint string
		Line, Column                                                int
	}
	Summary struct {
		Total  int
		ByRule map[string]int `json:"by_rule"`
	}
	Baseline *struct{ Known, New, Fixed int }
	Errors   []struct{ Package, Message string }
}

func decodeReport(t *testing.T, r result) jsonReport {
	t.Helper()
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("JSON report: %v\nstdout:\n%s\nstderr:\n%s", err, r.stdout, r.stderr)
	}
	return rep
}

// finding is a violation as both modes can state it.
type finding struct {
	File         string
	Line, Column int
	Rule         string
	Message      string
}

func (rep jsonReport) findings() []finding {
	var fs []finding
	for _, v := range rep.Violations {
		fs = append(fs, finding{v.File, v.Line, v.Column, v.Rule, v.Message})
	}
	return fs
}

// vetFindings parses `go vet -json` output: one JSON object per package,
// interleaved with "# pkg" comment lines.
func vetFindings(t *testing.T, dir, out string) []finding {
	t.Helper()
	var fs []finding
	dec := json.NewDecoder(strings.NewReader(stripComments(out)))
	for dec.More() {
		var doc map[string]map[string][]struct {
			Category, Posn, Message string
		}
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("go vet -json output: %v\n%s", err, out)
		}
		for _, byAnalyzer := range doc {
			for _, d := range byAnalyzer["jwtssot"] {
				var f finding
				f.Rule, f.Message = d.Category, d.Message
				file, line, col := splitPosn(d.Posn)
				rel, err := filepath.Rel(dir, file)
				if err != nil {
					t.Fatal(err)
				}
				f.File, f.Line, f.Column = filepath.ToSlash(rel), line, col
				fs = append(fs, f)
			}
		}
	}
	sortFindings(fs)
	return fs
}

func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(line, "#") {
			b.WriteString(line)
		}
	}
	return b.String()
}

func splitPosn(posn string) (string, int, int) {
	i := strings.LastIndex(posn, ":")
	j := strings.LastIndex(posn[:i], ":")
	line, _ := strconv.Atoi(posn[j+1 : i])
	col, _ := strconv.Atoi(posn[i+1:])
	return posn[:j], line, col
}

func sortFindings(fs []finding) {
	slices.SortFunc(fs, func(a, b finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Rule, b.Rule))
	})
}
