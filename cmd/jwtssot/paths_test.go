package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSARIFRepoPaths: a module in the server/ directory of a git repository
// gets SARIF URIs and github annotations named from the repository root,
// which code scanning and the runner need, while text and JSON keep paths
// relative to the scan root; -path-prefix replaces what the repository says.
func TestSARIFRepoPaths(t *testing.T) {
	repo := t.TempDir()
	if git, err := exec.LookPath("git"); err == nil {
		if out, err := exec.Command(git, "init", "-q", repo).CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
	} else if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err) // no git here: jwtssot only looks for the .git entry
	}
	server := filepath.Join(repo, "server")
	if err := os.Rename(extract(t, "app"), server); err != nil {
		t.Fatal(err)
	}

	t.Run("repository root", func(t *testing.T) {
		for _, dir := range []struct{ cwd, flag string }{{server, ""}, {repo, "server"}} {
			args := []string{"./..."}
			if dir.flag != "" {
				args = []string{"-C", dir.flag, "./..."}
			}
			uris := sarifURIs(t, jwtssot(t, dir.cwd, append([]string{"-format", "sarif"}, args...)...))
			everyHasPrefix(t, "sarif", uris, "server/internal/")
			everyHasPrefix(t, "github", githubFiles(t, jwtssot(t, dir.cwd, append([]string{"-format", "github"}, args...)...)), "server/internal/")
			rep := decodeReport(t, jwtssot(t, dir.cwd, append([]string{"-format", "json"}, args...)...))
			for _, v := range rep.Violations {
				if !strings.HasPrefix(v.File, "internal/") {
					t.Errorf("json: %s, want a path relative to the scan root", v.File)
				}
			}
			text := jwtssot(t, dir.cwd, append([]string{"-q"}, args...)...)
			if strings.Contains(text.stdout, "server/") || !strings.Contains(text.stdout, "internal/handlers/login.go:") {
				t.Errorf("text: paths must stay relative to the scan root:\n%s", text.stdout)
			}
		}
	})
	t.Run("-path-prefix", func(t *testing.T) {
		uris := sarifURIs(t, jwtssot(t, server, "-format", "sarif", "-path-prefix", "monorepo/api/", "./..."))
		everyHasPrefix(t, "sarif", uris, "monorepo/api/internal/")
		files := githubFiles(t, jwtssot(t, server, "-format", "github", "-path-prefix=./monorepo/api", "./..."))
		everyHasPrefix(t, "github", files, "monorepo/api/internal/")
		none := sarifURIs(t, jwtssot(t, server, "-format", "sarif", "-path-prefix=", "./..."))
		everyHasPrefix(t, "sarif with -path-prefix=", none, "internal/")
		if r := jwtssot(t, server, "-format", "sarif", "-path-prefix", "../up", "./..."); r.code != 2 || !strings.Contains(r.stderr, "leaves the repository") {
			t.Errorf("-path-prefix ../up: exit %d, %s", r.code, r.stderr)
		}
	})
	t.Run("no repository", func(t *testing.T) {
		uris := sarifURIs(t, jwtssot(t, module(t, "app"), "-format", "sarif", "./..."))
		everyHasPrefix(t, "sarif outside a repository", uris, "internal/")
	})
}

func sarifURIs(t *testing.T, r result) []string {
	t.Helper()
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("SARIF: %v\n%s", err, r.stdout)
	}
	var uris []string
	for _, res := range log.Runs[0].Results {
		for _, l := range res.Locations {
			a := l.PhysicalLocation.ArtifactLocation
			if a.URIBaseID != "%SRCROOT%" {
				t.Errorf("uriBaseId %q, want %%SRCROOT%%", a.URIBaseID)
			}
			uris = append(uris, a.URI)
		}
	}
	return uris
}

func githubFiles(t *testing.T, r result) []string {
	t.Helper()
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	var files []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if f, ok := strings.CutPrefix(line, "::error file="); ok {
			file, _, _ := strings.Cut(f, ",")
			files = append(files, file)
		}
	}
	return files
}

func everyHasPrefix(t *testing.T, what string, paths []string, prefix string) {
	t.Helper()
	if len(paths) == 0 {
		t.Errorf("%s: no paths", what)
	}
	for _, p := range paths {
		if !strings.HasPrefix(p, prefix) {
			t.Errorf("%s: %s does not start with %s", what, p, prefix)
		}
	}
}
