package load

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// module writes a module in which the roots see one type through several
// imports: root imports a and b, which both use c.T and net/http's Request,
// so root type-checks only if its imports agree on those types.
func module(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command in PATH: cannot list packages")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"c/c.go": "package c\n\ntype T struct{ N int }\n\nfunc New() *T { return &T{N: 1} }\n",
		"a/a.go": "package a\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/m/c\"\n)\n\n" +
			"func F() *c.T { return c.New() }\n\nfunc R() *http.Request { return nil }\n",
		"b/b.go": "package b\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/m/c\"\n)\n\n" +
			"func G(t *c.T) int { return t.N }\n\nfunc S(*http.Request) {}\n",
		"root/root.go": "package root\n\nimport (\n\t\"example.com/m/a\"\n\t\"example.com/m/b\"\n)\n\n" +
			"func H() int { b.S(a.R()); return b.G(a.F()) }\n",
		"root2/root2.go": "package root2\n\nimport (\n\t\"example.com/m/a\"\n\t\"example.com/m/b\"\n)\n\n" +
			"func H() int { return b.G(a.F()) }\n",
	}
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestGenerations checks that types stay identical across a root's imports
// whatever the generation budget: with a budget of one byte, every root
// after one that read module export data starts a new generation and reads
// its module imports again.
func TestGenerations(t *testing.T) {
	dir := module(t)
	env := append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	for _, budget := range []int64{1, generationBytes} {
		g, err := List(context.Background(), Config{Dir: dir, Env: env})
		if err != nil {
			t.Fatal(err)
		}
		g.genBytes = budget
		gens := map[*generation]bool{}
		checked := 0
		g.Each(context.Background(), 1, func(p *packages.Package, _ bool) {
			checked++
			if p.IllTyped {
				t.Errorf("budget %d: %s does not type-check: %v", budget, p.ID, p.Errors)
			}
			if p.Fset == nil || len(p.Syntax) == 0 || p.TypesInfo == nil {
				t.Errorf("budget %d: %s has no syntax, types or FileSet", budget, p.ID)
			}
			gens[g.gen] = true
		}, nil)
		if checked != 5 {
			t.Errorf("budget %d: checked %d packages, want 5", budget, checked)
		}
		// a and b read c's export data, root and root2 read a's and
		// b's: with a budget of one byte, that makes several generations.
		if budget == 1 && len(gens) < 2 {
			t.Errorf("budget 1: %d generation(s), want one per root that read module export data", len(gens))
		}
		if budget == generationBytes && len(gens) != 1 {
			t.Errorf("budget %d: %d generations for a tiny module, want 1", budget, len(gens))
		}
	}
}

func TestCompilerMessage(t *testing.T) {
	for in, want := range map[string]string{
		"# example.com/a\na.go:1:2: undefined: x\na.go:2:3: other":                                          "a.go:1:2: undefined: x",
		"missing go.sum entry for module providing package x (imported by y); to add it:\n\tgo get y\nnext": "missing go.sum entry for module providing package x (imported by y); to add it: go get y",
		"  plain  ": "plain",
	} {
		if got := CompilerMessage(in); got != want {
			t.Errorf("CompilerMessage(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTestVariantOrder: with tests, a package that imports x waits for
// "x [x.test]", the variant whose facts replace x's; when x's own tests
// import a deeper package than the importer, the variant must still be
// scheduled first, or one worker waits forever for a package it has not
// been given.
func TestTestVariantOrder(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command in PATH: cannot list packages")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":      "module example.com/v\n\ngo 1.22\n",
		"x/x.go":      "package x\n\nfunc X() int { return 1 }\n",
		"x/x_test.go": "package x\n\nimport (\n\t\"testing\"\n\n\t\"example.com/v/w3\"\n)\n\nfunc TestX(t *testing.T) { _ = w3.W() + X() }\n",
		"w1/w1.go":    "package w1\n\nfunc W() int { return 1 }\n",
		"w2/w2.go":    "package w2\n\nimport \"example.com/v/w1\"\n\nfunc W() int { return w1.W() }\n",
		"w3/w3.go":    "package w3\n\nimport \"example.com/v/w2\"\n\nfunc W() int { return w2.W() }\n",
		"z/z.go":      "package z\n\nimport \"example.com/v/x\"\n\nfunc Z() int { return x.X() }\n",
	}
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	g, err := List(context.Background(), Config{Dir: dir, Env: env, Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		g.Each(context.Background(), 1, func(p *packages.Package, _ bool) { order = append(order, p.ID) }, nil)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute): // a deadlock, not a slow machine: the module has six tiny packages
		t.Fatal("Each did not finish: a package waits for a test variant scheduled after it")
	}
	if i, j := slices.Index(order, "example.com/v/x [example.com/v/x.test]"), slices.Index(order, "example.com/v/z"); i < 0 || j < 0 || i > j {
		t.Errorf("order %v: want the variant of x before z", order)
	}
}

// TestCause: an importer's error names a broken import's own cause once —
// the go command's advice on a missing go.sum entry, which names one
// importer, is dropped (the scan gives it once for the module), and an
// import failure of the import is only named, not repeated.
func TestCause(t *testing.T) {
	for in, want := range map[string]string{
		"missing go.sum entry for module providing package x/y (imported by a/b); to add:\n\tgo get a/b":                                           "missing go.sum entry for module providing package x/y",
		"could not import x/y (x/y does not compile: missing go.sum entry for module providing package x/y (imported by a/b); to add: go get a/b)": "could not import x/y",
		"# a/b\nb.go:1:2: undefined: z": "b.go:1:2: undefined: z",
	} {
		if got := cause(in); got != want {
			t.Errorf("cause(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := Message("missing go.sum entry for module providing package x/y (imported by a/b); to add:\n\tgo get a/b"),
		"missing go.sum entry for module providing package x/y"; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
}
