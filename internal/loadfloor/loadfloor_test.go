package loadfloor

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestLoad loads a module of one package with a type error and counts what
// ast.Inspect visits: a.go has 6 nodes (File, Ident p, GenDecl, ValueSpec,
// Ident x, BasicLit), b.go 7 (Ident int besides). The type error counts
// twice, as packages.PrintErrors prints it: go list reports it when it
// compiles the package's export data, and the type checker does.
func TestLoad(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command in PATH: go/packages needs it")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/p\n\ngo 1.22\n",
		"a.go":   "package p\n\nvar x = 1\n",
		"b.go":   "package p\n\nvar y int = \"s\"\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &packages.Config{Dir: dir, Env: append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=")}
	got, pkgs, err := Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	want := Counts{Packages: 1, Files: 2, Nodes: 13, Errors: 2}
	if got != want {
		t.Errorf("Load = %+v, want %+v (errors: %v)", got, want, pkgs[0].Errors)
	}
	if pkgs[0].TypesInfo == nil || pkgs[0].Types.Scope().Lookup("x") == nil {
		t.Error("Load did not type-check the package")
	}
	if s := got.String(); s != "loadfloor: 1 packages, 2 files, 13 nodes, 2 errors" {
		t.Errorf("String() = %q", s)
	}
}
