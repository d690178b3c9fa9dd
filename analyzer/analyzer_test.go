package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/jwtssot/jwtssot/analyzer"
)

// TestApp runs the analyzer over the test application, whose .jwtssot.yaml
// declares ./internal/auth/... as the auth packages, and over a package
// with no configuration at all.
func TestApp(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "app/...", "noauth")
}
