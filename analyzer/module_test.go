package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/txtartest"
)

// TestModuleMode runs the analyzer in module mode (analysistest treats a
// directory with a go.mod as a module): config discovery stops at the
// module root, module-relative patterns resolve against the module path,
// and nested config files replace the root one in their subtree.
func TestModuleMode(t *testing.T) {
	dir := txtartest.Extract(t, filepath.Join("testdata", "modules", "discovery.txtar"))
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "./...")
}
