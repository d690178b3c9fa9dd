package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLoadReadsTheConfigDiscoveryReads: where a directory holds both
// .jwtssot.yaml and .jwtssot.yml, packages read the first, so the run's
// set of files (its go vet ID, the standalone scan's preflight and auth
// scopes) holds that one only: a broken .yml nobody reads is no error.
func TestLoadReadsTheConfigDiscoveryReads(t *testing.T) {
	t.Setenv("GOWORK", "off")
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"go.mod":               "module example.com/app\n",
		".jwtssot.yaml":        "auth: [./internal/auth/...]\n",
		".jwtssot.yml":         "auth: [\n",
		"svc/.jwtssot.yml":     "tests: true\n",
		"svc/svc.go":           "package svc\n",
		"nested/go.mod":        "module example.com/nested\n",
		"nested/.jwtssot.yaml": "auth: [\n",
	})
	set, err := Load(root, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range set.Files {
		rel, _ := filepath.Rel(root, f.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	if want := []string{".jwtssot.yaml", "svc/.jwtssot.yml"}; !slices.Equal(got, want) {
		t.Errorf("Load found %q, want %q", got, want)
	}
	r := NewResolver()
	for _, f := range set.Files {
		if loc := r.Locate(filepath.Dir(f.Path), "", ""); loc.File != f.Path {
			t.Errorf("a package in %s reads %s, not %s", filepath.Dir(f.Path), loc.File, f.Path)
		}
	}
}

// TestWorkFile: GOWORK as the go command reads it.
func TestWorkFile(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"go.work": "go 1.22\n", "a/b/x.go": "package b\n"})
	dir := filepath.Join(root, "a", "b")
	for gowork, want := range map[string]string{
		"":                       filepath.Join(root, "go.work"),
		"auto":                   filepath.Join(root, "go.work"),
		"off":                    "",
		filepath.Join(root, "w"): filepath.Join(root, "w"),
	} {
		t.Setenv("GOWORK", gowork)
		if got := workFile(dir); got != want {
			t.Errorf("GOWORK=%q: workFile = %q, want %q", gowork, got, want)
		}
	}
}

func TestInModule(t *testing.T) {
	t.Setenv("GOWORK", "")
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"mod/go.mod":      "module example.com/m\n",
		"mod/sub/x.go":    "package sub\n",
		"work/go.work":    "go 1.22\n",
		"work/sub/x.go":   "package sub\n",
		"none/sub/x.go":   "package sub\n",
		"dirmod/go.mod/x": "a directory named go.mod\n",
	})
	if moduleRoot(root) != "" {
		t.Skipf("the temporary directory %s is inside a module", root)
	}
	for dir, want := range map[string]bool{"mod/sub": true, "work/sub": true, "none/sub": false, "dirmod": false} {
		if got := InModule(filepath.Join(root, dir)); got != want {
			t.Errorf("InModule(%s) = %v, want %v", dir, got, want)
		}
	}
	if got := moduleRoot(filepath.Join(root, "mod", "sub")); got != filepath.Join(root, "mod") {
		t.Errorf("moduleRoot = %s", got)
	}
}
