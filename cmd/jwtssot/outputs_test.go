package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputs: the report and the baseline never destroy a file. A regular
// file is replaced atomically, a symlink's target is replaced and the link
// kept, a /dev/fd name is written in place, a directory is an error; two
// flags naming the same file are refused before anything is written.
func TestOutputs(t *testing.T) {
	dir := extract(t, "app")
	t.Run("symlink", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "reports", "real.json"), "old")
		link := filepath.Join(dir, "report.json")
		if err := os.Symlink(filepath.Join("reports", "real.json"), link); err != nil {
			t.Skip(err)
		}
		if r := jwtssot(t, dir, "-format", "json", "-o", "report.json", "./..."); r.code != 1 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the symlink was replaced: %v, %v", fi, err)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "reports", "real.json")); !strings.Contains(string(data), `"violations"`) {
			t.Errorf("the link's target holds %.40q", data)
		}
	})
	t.Run("fd", func(t *testing.T) {
		r := jwtssot(t, dir, "-format", "json", "-o", "/dev/fd/1", "./...")
		if r.code != 1 || !strings.Contains(r.stdout, `"violations"`) {
			t.Errorf("-o /dev/fd/1: exit %d, stdout %.60q, stderr %s", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("directory", func(t *testing.T) {
		if err := os.MkdirAll(filepath.Join(dir, "out"), 0o755); err != nil {
			t.Fatal(err)
		}
		r := jwtssot(t, dir, "-o", "out", "./...")
		if r.code != 2 || !strings.Contains(r.stderr, "-o out: out is a directory") {
			t.Errorf("-o out (a directory): exit %d, stderr %q", r.code, r.stderr)
		}
	})
	t.Run("same file", func(t *testing.T) {
		if r := jwtssot(t, dir, "-q", "-write-baseline", "b.json", "./..."); r.code != 0 {
			t.Fatalf("-write-baseline: exit %d: %s", r.code, r.stderr)
		}
		before, _ := os.ReadFile(filepath.Join(dir, "b.json"))
		for _, args := range [][]string{
			{"-o", "b.json", "-write-baseline", "b.json"},
			{"-format", "json", "-o", "b.json", "-baseline", "b.json"},
			{"-baseline", "b.json", "-write-baseline", "./b.json"},
			{"-o", filepath.Join(dir, "b.json"), "-baseline", "b.json"},
		} {
			r := jwtssot(t, dir, append(args, "./...")...)
			if r.code != 2 || !strings.Contains(r.stderr, "name the same file") {
				t.Errorf("%v: exit %d, stderr %q; want exit 2 naming the same file", args, r.code, r.stderr)
			}
			if after, _ := os.ReadFile(filepath.Join(dir, "b.json")); string(after) != string(before) {
				t.Errorf("%v changed the baseline", args)
			}
		}
	})
}

// TestWriteBaselineWithLoadErrors: a package that does not type-check
// makes the scan partial; the old baseline is kept and the exit status is 3.
func TestWriteBaselineWithLoadErrors(t *testing.T) {
	dir := extract(t, "app")
	if r := jwtssot(t, dir, "-q", "-write-baseline", "b.json", "./..."); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "b.json"))
	writeFile(t, filepath.Join(dir, "internal/broken/broken.go"), "package broken\n\nvar N int = \"x\"\n")
	r := jwtssot(t, dir, "-q", "-write-baseline", "b.json", "./...")
	if r.code != 3 || !strings.Contains(r.stderr, "did not write baseline b.json") || !strings.Contains(r.stderr, "internal/broken") {
		t.Errorf("exit %d, stderr %q; want 3, the baseline not written and the broken package named", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "b.json")); string(after) != string(before) {
		t.Error("the baseline was replaced by a partial one")
	}
}

// TestBaselinePortable: a baseline written at the module root matches a
// scan run from a subdirectory or with -C: fingerprints name files by
// module, not by the scan's directory.
func TestBaselinePortable(t *testing.T) {
	dir := extract(t, "app")
	if r := jwtssot(t, dir, "-q", "-write-baseline", "b.json", "./..."); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, run := range []struct {
		dir  string
		args []string
	}{
		{filepath.Join(dir, "internal"), []string{"-baseline", "../b.json", "../..."}},
		{filepath.Dir(dir), []string{"-C", filepath.Base(dir), "-baseline", "b.json", "./..."}},
	} {
		r := jwtssot(t, run.dir, append([]string{"-format", "json"}, run.args...)...)
		rep := decodeReport(t, r)
		if r.code != 0 || rep.Baseline == nil || rep.Baseline.New != 0 || rep.Baseline.Fixed != 0 {
			t.Errorf("%v in %s: exit %d, baseline %+v; want every violation known", run.args, run.dir, r.code, rep.Baseline)
		}
	}
}

// TestAuthScopes: the report says which packages are auth, and every
// nested config that changes that, so an exemption is never silent.
func TestAuthScopes(t *testing.T) {
	ws := extract(t, "workspace")
	a := filepath.Join(ws, "a")
	r := jwtssot(t, a, "./...")
	for _, want := range []string{"Auth packages: ./auth/... (.jwtssot.yaml)", "svc/x/: ./xauth/... (svc/x/.jwtssot.yaml, tests: true)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the text summary lacks %q:\n%s", want, r.stdout)
		}
	}
	var rep struct {
		Summary struct {
			Auth []struct {
				Dir, Config string
				Patterns    []string
				Tests       bool
			}
		}
	}
	if err := json.Unmarshal([]byte(jwtssot(t, a, "-format", "json", "./...").stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if got := rep.Summary.Auth; len(got) != 2 || got[1].Dir != "svc/x" || !got[1].Tests || got[1].Patterns[0] != "./xauth/..." {
		t.Errorf("summary.auth = %+v", got)
	}
	flags := jwtssot(t, a, "-auth", "./api", "./...")
	if !strings.Contains(flags.stdout, "Auth packages: ./api (-auth)") || strings.Contains(flags.stdout, "svc/x/:") {
		t.Errorf("-auth replaces every config's auth:\n%s", flags.stdout)
	}
}
