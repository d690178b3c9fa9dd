package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/jwtssot/jwtssot/analyzer"
)

// BenchmarkAnalyzer measures the analyzer over the test application: the
// packages are loaded once, and each iteration runs a new analyzer instance
// (config discovery included) and the inspect pass it requires.
//
//	go test ./analyzer -run '^$' -bench Analyzer -benchmem
func BenchmarkAnalyzer(b *testing.B) {
	pkgs := loadGOPATH(b, "testdata", "app/...", "noauth")
	findings := 0
	b.ReportAllocs()
	for b.Loop() {
		a, err := analyzer.New(analyzer.Config{})
		if err != nil {
			b.Fatal(err)
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		findings = 0
		for _, act := range graph.Roots {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
			findings += len(act.Diagnostics)
		}
	}
	if findings == 0 {
		b.Fatal("no findings")
	}
	b.ReportMetric(float64(len(pkgs)), "pkgs/op")
}
