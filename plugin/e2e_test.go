package plugin_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/golangcitest"
	"github.com/jwtssot/jwtssot/internal/txtartest"
)

// The end-to-end test builds a real golangci-lint with the plugin and is
// off by default: the build takes minutes.
const (
	// e2eEnv=1 enables TestGolangciLint.
	e2eEnv = "JWTSSOT_E2E_GOLANGCI"
	// binaryEnv names a golangci-lint built by scripts/custom-gcl.sh to use
	// instead of building one: an absolute path, or one relative to the
	// plugin directory, where go test runs.
	binaryEnv = "JWTSSOT_GOLANGCI_LINT"
)

// e2eSettings are the jwtssot settings of the end-to-end .golangci.yml.
const e2eSettings = `auth: [./internal/auth/...]
tests: true
replacements:
  - symbol: github.com/golang-jwt/jwt/v5.Parse
    use: example.com/shop/internal/auth.ValidateToken
secret-names: ["^hush"]
`

// TestGolangciLint runs golangci-lint with the jwtssot plugin over the shop
// module and checks that it reports exactly what the analyzer reports in
// process with the same settings, minus the //nolint:jwtssot line, and that
// bad settings stop golangci-lint with an error naming the key.
func TestGolangciLint(t *testing.T) {
	if os.Getenv(e2eEnv) != "1" {
		t.Skipf("end-to-end test with a custom golangci-lint binary: set %s=1 to run it. "+
			"It builds golangci-lint v2.15.0 with the plugin by scripts/custom-gcl.sh (minutes; offline if the "+
			"module cache holds golangci-lint's modules), or uses the binary that %s names (an absolute path)", e2eEnv, binaryEnv)
	}
	bin := golangciLint(t)
	dir := txtartest.Extract(t, filepath.Join("testdata", "shop.txtar"))
	cache := t.TempDir() // golangci-lint's result cache, shared by the runs

	t.Run("findings", func(t *testing.T) {
		got, all := compareWithAnalyzer(t, bin, dir, cache, e2eSettings, "handlers/handlers.go")

		// The //nolint:jwtssot line: the analyzer reports it, golangci-lint
		// suppresses it.
		nolint := lineOf(t, dir, "handlers/handlers.go", "//nolint:jwtssot")
		if countPrefixed(all, nolint) != 1 {
			t.Errorf("the analyzer does not report the //nolint:jwtssot line %s:\n%s", nolint, strings.Join(all, "\n"))
		}
		if countPrefixed(got, nolint) != 0 {
			t.Errorf("//nolint:jwtssot did not suppress the finding on %s", nolint)
		}
		// Two findings on one line, and five with the same message besides
		// the suppressed one: golangci-lint keeps them all only with
		// uniq-by-line false and max-same-issues 0.
		for prefix, n := range map[string]int{
			"handlers/handlers.go:18:":  2,
			"call of jwt.Parse outside": 5,
		} {
			if c := countContaining(got, prefix); c != n {
				t.Errorf("%d findings with %q, want %d:\n%s", c, prefix, n, strings.Join(got, "\n"))
			}
		}
	})

	// Settings are part of golangci-lint's cache key: other settings over
	// the same cache give their own findings.
	t.Run("other settings, same cache", func(t *testing.T) {
		got, _ := compareWithAnalyzer(t, bin, dir, cache, strings.Replace(e2eSettings,
			"auth: [./internal/auth/...]", "auth: [./handlers/..., ./cmd/...]", 1), "handlers/handlers.go")
		if countContaining(got, "internal/auth/") == 0 {
			t.Errorf("auth [./handlers/..., ./cmd/...]: no finding in internal/auth:\n%s", strings.Join(got, "\n"))
		}
	})

	// The corpora that cmd/jwtssot's TestCorpora scores against their
	// labels: realistic backends with the real libraries, as a held-out
	// module would be, with the settings a user gives. Their modules are
	// downloaded first (the other tests run with GOPROXY=off).
	for _, name := range []string{"fleet", "shopapi", "ledger", "relay"} {
		t.Run("corpus "+name, func(t *testing.T) {
			dir := txtartest.Extract(t, filepath.Join("..", "testdata", "corpus", name+".txtar"))
			download := exec.Command("go", "mod", "download")
			download.Dir = dir
			download.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
			if out, err := download.CombinedOutput(); err != nil {
				t.Fatalf("go mod download in the %s corpus: %v\n%s", name, err, out)
			}
			got, _ := compareWithAnalyzer(t, bin, dir, cache, "auth: [./internal/auth/...]\n", "")
			if len(got) < 80 {
				t.Errorf("golangci-lint found %d violations in the %s corpus, whose labels expect 90 or more:\n%s",
					len(got), name, strings.Join(got, "\n"))
			}
		})
	}

	for _, tc := range []struct {
		name, settings, want string
	}{
		{"unknown setting", strings.Replace(e2eSettings, "auth:", "autth:", 1),
			`jwtssot settings: autth: unknown setting (did you mean "auth"?)`},
		{"unknown replacement key", strings.Replace(e2eSettings, "use:", "instead:", 1),
			"jwtssot settings: replacements[0].instead: unknown field (fields: symbol, use)"},
		{"bad type", strings.Replace(e2eSettings, "tests: true", "tests: 3", 1),
			"jwtssot settings: tests: must be true or false, not the number 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			writeGolangciConfig(t, dir, tc.settings)
			stdout, stderr, code := runGolangci(t, bin, dir, cache)
			if code == 0 || code == 1 {
				t.Fatalf("golangci-lint exited %d, want a failure; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr does not contain %q:\n%s", tc.want, stderr)
			}
		})
	}
}

// compareWithAnalyzer runs golangci-lint over dir with the jwtssot settings
// and checks its findings against the analyzer's, built by analyzer.New
// from the same settings (decoded from YAML, not by the plugin), minus the
// one on the //nolint:jwtssot line of nolintFile, if one is named. It
// returns golangci-lint's findings and all of the analyzer's.
func compareWithAnalyzer(t *testing.T, bin, dir, cache, settings, nolintFile string) (got, all []string) {
	t.Helper()
	writeGolangciConfig(t, dir, settings)
	stdout, stderr, code := runGolangci(t, bin, dir, cache)
	if code != 0 && code != 1 { // 1: issues found
		t.Fatalf("golangci-lint exited %d; stderr:\n%s", code, stderr)
	}
	got = golangciFindings(t, stdout)

	var cfg analyzer.Config
	dec := yaml.NewDecoder(strings.NewReader(settings))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		t.Fatal(err)
	}
	a, err := analyzer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// golangci-lint analyzes test files too (run.tests defaults to true)
	// and reports a finding of a package's non-test files once, although
	// they belong to the package and to its test variant: so load the test
	// variants as well and drop the duplicates.
	pkgs := loadPackages(t, &packages.Config{Dir: dir, Env: moduleEnv(), Tests: true}, "./...")
	all = slices.Compact(analyze(t, pkgs, dir, a)[a])
	want := all
	if nolintFile != "" {
		nolint := lineOf(t, dir, nolintFile, "//nolint:jwtssot")
		want = slices.DeleteFunc(slices.Clone(all), func(f string) bool { return strings.HasPrefix(f, nolint) })
	}
	if !slices.Equal(got, want) {
		t.Errorf("golangci-lint found\n%s\nthe analyzer, without the //nolint line\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	return got, all
}

func writeGolangciConfig(t *testing.T, dir, settings string) {
	t.Helper()
	cfg := golangcitest.Config(settings)
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runGolangci runs `golangci-lint run` with JSON output in dir.
func runGolangci(t *testing.T, bin, dir, cache string) (stdout, stderr string, code int) {
	t.Helper()
	start := time.Now()
	stdout, stderr, code = golangcitest.Run(t, bin, dir, append(moduleEnv(), "GOLANGCI_LINT_CACHE="+cache), "./...")
	t.Logf("golangci-lint run: %s", time.Since(start).Round(time.Millisecond))
	return stdout, stderr, code
}

var ruleTag = regexp.MustCompile(` \(jwtssot/[a-z-]+\)$`)

// golangciFindings decodes golangci-lint's JSON report into sorted
// "file:line:col: message" lines.
func golangciFindings(t *testing.T, stdout string) []string {
	t.Helper()
	issues, err := golangcitest.Issues(stdout)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range issues {
		if is.FromLinter != "jwtssot" {
			t.Errorf("issue from %s: %s", is.FromLinter, is.Text)
		}
		if !ruleTag.MatchString(is.Text) {
			t.Errorf("message does not end with the rule tag: %s", is.Text)
		}
		got = append(got, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column, is.Text))
	}
	sortFindings(got)
	return got
}

// golangciLint returns the golangci-lint binary to test: the one binaryEnv
// names, or one built by scripts/custom-gcl.sh into a temporary directory.
func golangciLint(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv(binaryEnv); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(abs); err != nil {
			t.Fatalf("%s: %v", binaryEnv, err)
		}
		return abs
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skipf("building golangci-lint needs bash: %v", err)
	}
	script, err := filepath.Abs(filepath.Join("..", "scripts", "custom-gcl.sh"))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "golangci-lint")
	start := time.Now()
	out, err := exec.Command(bash, script, bin).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, out)
	}
	t.Logf("built golangci-lint with the plugin in %s", time.Since(start).Round(time.Second))
	return bin
}

// lineOf returns "file:line:" for the first line of dir/file (file in
// slash form) that contains s.
func lineOf(t *testing.T, dir, file, s string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, s) {
			return fmt.Sprintf("%s:%d:", file, i+1)
		}
	}
	t.Fatalf("%s: no line contains %q", file, s)
	return ""
}

func countPrefixed(lines []string, prefix string) int {
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

func countContaining(lines []string, s string) int {
	n := 0
	for _, l := range lines {
		if strings.Contains(l, s) {
			n++
		}
	}
	return n
}
