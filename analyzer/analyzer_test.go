package analyzer_test

import (
	"testing"

	"github.com/jwtssot/jwtssot/analyzer"
)

// TestApp runs the analyzer over the test application, whose .jwtssot.yaml
// declares ./internal/auth/... as the auth packages, and over a package
// with no configuration at all. (TestModuleMode and the plugin's tests run
// the analyzer through analysistest and x/tools' checker as well.)
func TestApp(t *testing.T) {
	runHarness(t, analyzer.Analyzer, selectPackages(t, "app/...", "noauth"))
}
