package gendocs

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

const regenerate = "run `" + Regenerate + "` and commit the result"

// TestDocsUpToDate fails when a generated page on disk differs from what
// the rule pages and the library table generate.
func TestDocsUpToDate(t *testing.T) {
	root := filepath.Join("..", "..")
	for p, want := range Files() {
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is missing: %s", p, regenerate)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s is out of date (%s):\n%s", p, regenerate, firstDifference(string(got), want))
		}
	}
}

func TestLibrariesDoc(t *testing.T) {
	doc := Files()["docs/libraries.md"]
	for _, lib := range jwtlib.Builtin() {
		if !strings.Contains(doc, "`"+lib.Path+"`") {
			t.Errorf("docs/libraries.md does not list %s", lib.Path)
		}
		if lib.Note == "" {
			t.Errorf("library %s has no note", lib.Path)
		}
	}
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n on disk:   %q\n generated: %q", i+1, gl, wl)
		}
	}
	return "(only line endings differ)"
}

// TestUpdate writes the generated files into an empty tree, then finds them
// up to date.
func TestUpdate(t *testing.T) {
	root := t.TempDir()
	want := len(Files())
	stale, err := Update(root, true)
	if err != nil || len(stale) != want {
		t.Fatalf("check of an empty tree: %v, %v; want all %d files stale", stale, err, want)
	}
	if _, err := os.Stat(filepath.Join(root, "docs")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("check wrote into the tree: %v", err)
	}
	if stale, err := Update(root, false); err != nil || len(stale) != want {
		t.Fatalf("write: %v, %v; want %d files written", stale, err, want)
	}
	if stale, err := Update(root, true); err != nil || len(stale) != 0 {
		t.Errorf("check after the write: %v, %v; want nothing stale", stale, err)
	}
}
