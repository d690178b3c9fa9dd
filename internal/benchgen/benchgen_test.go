package benchgen

import (
	"bytes"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the jwtssot repository, whose StubDir the modules get.
const repoRoot = "../.."

// TestTemplatesVet renders every template with representative data (each
// branch of every template taken: all field types, each JWT form present and
// absent, imports between packages) and runs go vet, which type-checks, on
// the module. Offline: the module needs only the standard library and the
// stub of the JWT library; the vet checks that the stub, which the analyzer's
// tests share, declares what the templates use.
func TestTemplatesVet(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command in PATH: cannot vet the generated module")
	}
	dir := t.TempDir()
	stub, err := readStub(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := write(dir, stub, representative()); err != nil {
		t.Fatal(err)
	}
	for _, tmpl := range templates.Templates() {
		kind, ok := strings.CutPrefix(tmpl.Name(), "service/")
		if !ok {
			continue
		}
		matches, err := filepath.Glob(filepath.Join(dir, "svc", "*", "*", strings.TrimSuffix(kind, ".tmpl")))
		if err != nil || len(matches) == 0 {
			t.Errorf("templates/%s: rendered for no package (%v)", tmpl.Name(), err)
		}
	}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.Contains(path, "third_party") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if formatted, err := format.Source(data); err != nil || !bytes.Equal(formatted, data) {
			t.Errorf("%s is not gofmt'd (%v)", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gobin, "vet", "./...")
	cmd.Dir = dir
	// Offline, outside any workspace, whatever the caller's go settings.
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet ./... in the generated module: %v\n%s", err, out)
	}
}

// representative plans service packages whose files, together, take every
// branch of the templates: every optional file in every package; one
// package with every field of the pool, one with no list or map field and
// no string field but Reference; each combination of the session file's
// forms.
func representative() []*pkg {
	pkgs := plan(Options{Packages: 8, Seed: 1})
	formSets := []int{
		0,
		formDirect,
		formForeign,
		formHardcoded | formEnv,
		formDirect | formForeign | formHardcoded | formEnv,
		formEnv,
		formForeign | formHardcoded,
		formDirect | formEnv,
	}
	for i, p := range pkgs {
		p.optional = optionalKinds
		p.jwt = formSets[i]
	}
	pkgs[0].fields = fieldPool
	pkgs[1].fields = []field{{"Reference", "string"}, {"Priority", "int64"}, {"Weight", "float64"}, {"Enabled", "bool"}, {"DueAt", "time.Time"}}
	return pkgs
}

// TestDeterministic checks that a seed writes the same bytes and another
// seed does not.
func TestDeterministic(t *testing.T) {
	gen := func(seed uint64) map[string]string {
		dir := t.TempDir()
		if _, err := Generate(Options{Root: repoRoot, Out: dir, Packages: 30, JWTShare: 20, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			rel, _ := filepath.Rel(dir, path)
			files[filepath.ToSlash(rel)] = string(data)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	a, b, c := gen(7), gen(7), gen(8)
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if b[name] != data {
			t.Errorf("same seed, different %s", name)
		}
	}
	same := len(a) == len(c)
	for name, data := range a {
		same = same && c[name] == data
	}
	if same {
		t.Error("seeds 7 and 8 wrote the same module")
	}
}

// TestShareAndLayers checks the planning: the exact JWT share, and imports
// only from lower layers.
func TestShareAndLayers(t *testing.T) {
	pkgs := plan(Options{Packages: 200, JWTShare: 12.5, Seed: 3})
	jwt := 0
	for _, p := range pkgs {
		if p.jwt != 0 {
			jwt++
		}
		if p.layer > 0 && len(p.deps) == 0 {
			t.Errorf("%s in layer %d imports no service package", p.dir, p.layer)
		}
		for _, d := range p.deps {
			if d.layer >= p.layer {
				t.Errorf("%s (layer %d) imports %s (layer %d)", p.dir, p.layer, d.dir, d.layer)
			}
		}
		if n := 2 + len(p.optional); n < 3 || n > 6 {
			t.Errorf("%s has %d files besides its JWT files, want 3 to 6", p.dir, n)
		}
	}
	if jwt != 25 {
		t.Errorf("%d packages with JWT code, want 25 (12.5%% of 200)", jwt)
	}
}

func TestRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Generate(Options{Root: repoRoot, Out: dir, Packages: 1, Seed: 1})
	if err == nil || !strings.Contains(err.Error(), "-force") {
		t.Fatalf("generate into a non-empty dir: %v, want an error naming -force", err)
	}
	if _, err := Generate(Options{Root: repoRoot, Out: dir, Packages: 1, Seed: 1, Force: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.txt")); !os.IsNotExist(err) {
		t.Errorf("-force kept the old content: %v", err)
	}
}

// TestStub checks that the module gets the analyzer tests' stub of the JWT
// library as it is, without the packages below it, and that a missing stub
// fails before anything is removed.
func TestStub(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(Options{Root: repoRoot, Out: dir, Packages: 1, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	want, err := filepath.Glob(filepath.Join(repoRoot, filepath.FromSlash(StubDir), "*.go"))
	if err != nil || len(want) == 0 {
		t.Fatalf("no Go files in %s: %v", StubDir, err)
	}
	got, err := os.ReadDir(filepath.Join(dir, "third_party", "jwt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want)+1 { // and go.mod
		t.Errorf("third_party/jwt holds %d files, want the %d Go files of %s and go.mod", len(got), len(want), StubDir)
	}
	for _, src := range want {
		a, errA := os.ReadFile(src)
		b, errB := os.ReadFile(filepath.Join(dir, "third_party", "jwt", filepath.Base(src)))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("third_party/jwt/%s is not %s's (%v, %v)", filepath.Base(src), StubDir, errA, errB)
		}
	}

	for _, root := range []string{"", t.TempDir()} {
		keep := filepath.Join(dir, "go.mod")
		_, err := Generate(Options{Root: root, Out: dir, Packages: 1, Seed: 1, Force: true})
		if err == nil || !strings.Contains(err.Error(), "stub") {
			t.Errorf("root %q: %v, want an error about the stub", root, err)
		}
		if _, err := os.Stat(keep); err != nil {
			t.Errorf("root %q: the failed run removed the old module: %v", root, err)
		}
	}
}
