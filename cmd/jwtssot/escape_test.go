package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/gittest"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// forgedLine is what the hostile values below try to start a line of a
// report or of go vet's output with.
const forgedLine = "internal/forged.go:1:1: forged finding"

// TestHostileValues scans a module whose config, file names and git
// history hold line breaks, terminal escapes (ESC, OSC), C1 controls and
// bidi overrides, in every human-readable front end: the text, github,
// markdown and HTML reports, the inventory and the -trend table. No output
// may carry one of those characters raw, and none may start a line with
// the forged finding. (go vet is left out: since Go 1.26 the go command
// prints the findings itself, from the tool's -json output.)
func TestHostileValues(t *testing.T) {
	gittest.Require(t)
	dir := extract(t, "app")
	// A replacement's use text with a line break, an ESC and a bidi
	// override; YAML's double quotes spell them.
	writeFile(t, filepath.Join(dir, ".jwtssot.yaml"), `auth:
  - ./internal/auth/...
replacements:
  - symbol: github.com/golang-jwt/jwt/v5.Parse
    use: "auth.Validate\n`+forgedLine+` [call]\e[2J\e]8;;http://evil\a\u202e\u0085"
`)
	// A file whose name holds ESC and U+202E, with a finding.
	hostileFile := filepath.Join(dir, "internal", "orders", "x\u202egol\x1b[31m.go")
	writeFile(t, hostileFile, "package orders\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nfunc other(raw string) { _, _ = jwt.Parse(raw, nil) }\n")
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "x")
	if r := jwtssot(t, dir, "-q", "-write-baseline", ".jwtssot-baseline.json", "./..."); r.code != 0 {
		t.Fatalf("-write-baseline: exit %d\n%s", r.code, r.stderr)
	}
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "baseline\x1b[2J\u202e "+forgedLine)

	check := func(t *testing.T, what, out string) {
		t.Helper()
		for i, line := range strings.Split(out, "\n") {
			for _, c := range line {
				if visible.IsHidden(c) {
					t.Errorf("%s: line %d holds %U: %q", what, i+1, c, line)
					break
				}
			}
			if strings.HasPrefix(strings.TrimLeft(line, " |-*`"), forgedLine) {
				t.Errorf("%s: line %d is forged: %q", what, i+1, line)
			}
		}
	}
	for _, format := range []string{"text", "github", "markdown", "html"} {
		t.Run(format, func(t *testing.T) {
			r := jwtssot(t, dir, "-format", format, "-color", "never", "./...")
			if r.code != 1 {
				t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
			}
			check(t, "stdout", r.stdout)
			check(t, "stderr", r.stderr)
			if !strings.Contains(r.stdout, `\x1b`) || !strings.Contains(r.stdout, "202E") { // U&#43;202E in HTML
				t.Errorf("the escapes are not shown:\n%s", r.stdout)
			}
		})
	}
	t.Run("trend", func(t *testing.T) {
		r := jwtssot(t, dir, "-trend")
		if r.code != 0 {
			t.Fatalf("exit %d\n%s", r.code, r.stderr)
		}
		check(t, "stdout", r.stdout)
		if !strings.Contains(r.stdout, `baseline\x1b[2J<U+202E>`) {
			t.Errorf("the commit subject is not shown escaped:\n%s", r.stdout)
		}
	})
	t.Run("inventory", func(t *testing.T) {
		r := jwtssot(t, dir, "-inventory", "./...")
		check(t, "stdout", r.stdout)
	})
	if err := os.Remove(hostileFile); err != nil {
		t.Fatal(err)
	}
}
