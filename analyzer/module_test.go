package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/txtar"

	"github.com/jwtssot/jwtssot/analyzer"
)

// extractTxtar writes the files of a txtar archive into a new temporary
// directory and returns it. Archives keep go.mod files out of testdata's
// tree, where they would make modules of their own that the module zip
// drops (golang/go#61336).
func extractTxtar(t *testing.T, archive string) string {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := txtar.FS(ar)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestModuleMode runs the analyzer in module mode (analysistest treats a
// directory with a go.mod as a module): config discovery stops at the
// module root, module-relative patterns resolve against the module path,
// and nested config files replace the root one in their subtree.
func TestModuleMode(t *testing.T) {
	dir := extractTxtar(t, filepath.Join("testdata", "modules", "discovery.txtar"))
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "./...")
}
