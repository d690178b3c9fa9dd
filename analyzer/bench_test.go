package analyzer_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/driver"
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

// BenchmarkScale runs the analyzer on one generated package of n calls,
// made of the shapes that made the old tracer's work grow faster than the
// code (issue 10): settings resolvers that call themselves twice, mutually
// recursive helpers with several returns, long chains of helpers, getenv
// helpers with defaults, and keys reaching the library through them. The
// time per call (ns/call) must stay flat as n grows.
//
//	go test ./analyzer -run '^$' -bench Scale -benchmem
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{8000, 16000, 32000, 64000, 100000} {
		b.Run(fmt.Sprintf("calls=%d", n), func(b *testing.B) {
			gopath := b.TempDir()
			copyStubs(b, gopath)
			src := scaleSource(n)
			writeFiles(b, gopath, map[string]string{"src/scale/scale.go": src})
			cfg := &packages.Config{
				Mode: rootsMode, Dir: gopath,
				Env: append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off", "GOFLAGS="),
			}
			pkgs, err := packages.Load(cfg, "scale")
			if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
				b.Fatalf("load: %v %v", err, pkgs)
			}
			p := pkgs[0]
			findings := 0
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				a, err := analyzer.New(analyzer.Config{Auth: []string{"scale/auth"}})
				if err != nil {
					b.Fatal(err)
				}
				res, err := driver.NewFacts().Run(a, &driver.Package{
					Fset: p.Fset, Files: p.Syntax, Types: p.Types, TypesInfo: p.TypesInfo, Sizes: p.TypesSizes,
					Module: &analysis.Module{},
				})
				if err != nil {
					b.Fatal(err)
				}
				findings = len(res.Diagnostics)
			}
			if findings == 0 {
				b.Fatal("no findings")
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/call")
			b.ReportMetric(float64(len(src))/1e6, "MB")
		})
	}
}

// scaleSource generates a package of about n calls, in groups of 20 calls.
func scaleSource(n int) string {
	var s strings.Builder
	s.WriteString(`package scale

import (
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

`)
	groups := n / 20
	for g := range groups {
		next := (g + 1) % groups
		fmt.Fprintf(&s, `func resolve%[1]d(v string, depth int) string {
	if depth > 5 {
		return v
	}
	if strings.HasPrefix(v, "${") {
		return resolve%[1]d(os.Getenv(strings.Trim(v, "${}")), depth+1)
	}
	if strings.HasPrefix(v, "file:") {
		b, _ := os.ReadFile(v[5:])
		return resolve%[1]d(string(b), depth+1)
	}
	return resolve%[2]d(v, depth+1)
}

func even%[1]d(n int, k string) string {
	if n == 0 {
		return k
	}
	if n > 7 {
		return odd%[1]d(n-1, "e%[1]d")
	}
	return odd%[1]d(n-1, k)
}

func odd%[1]d(n int, k string) string {
	if n == 0 {
		return even%[2]d(n, k)
	}
	return even%[1]d(n-1, k)
}

func getenv%[1]d(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func sign%[1]d(t *jwt.Token) {
	_, _ = t.SignedString([]byte(even%[1]d(3, getenv%[1]d("JWT_SECRET_%[1]d", "dev-secret-%[1]d"))))
	_, _ = t.SignedString([]byte(resolve%[1]d("${APP_JWT_%[1]d}", 0)))
}

`, g, next)
	}
	return s.String()
}

// moduleEnv names a Go module directory for BenchmarkModule.
const moduleEnv = "JWTSSOT_BENCH_MODULE"

// BenchmarkModule runs the analyzer over every package of a real module,
// loaded once (from source, dependencies from export data), with the facts
// of each package carried to its importers: the analysis alone, without
// the load that the standalone scan's figures include. It profiles the
// analyzer on the backends of docs/realcode.md:
//
//	JWTSSOT_BENCH_MODULE=$PWD/../minio go test ./analyzer -run '^$' -bench Module -cpuprofile cpu.out
func BenchmarkModule(b *testing.B) {
	dir := os.Getenv(moduleEnv)
	if dir == "" {
		b.Skipf("set %s to a Go module's directory to measure the analyzer on it", moduleEnv)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: rootsMode | packages.NeedDeps, Dir: dir}, "./...")
	if err != nil {
		b.Fatal(err)
	}
	var roots []*packages.Package
	for _, p := range pkgs {
		if !p.IllTyped {
			roots = append(roots, p)
		}
	}
	roots = importOrder(roots)
	findings := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a, err := analyzer.New(analyzer.Config{})
		if err != nil {
			b.Fatal(err)
		}
		facts := driver.NewFacts()
		findings = 0
		for _, p := range roots {
			res, err := facts.Run(a, &driver.Package{
				Fset: p.Fset, Files: p.Syntax, Types: p.Types, TypesInfo: p.TypesInfo, Sizes: p.TypesSizes,
				Module: &analysis.Module{},
			})
			if err != nil {
				b.Fatal(err)
			}
			findings += len(res.Diagnostics)
		}
	}
	b.ReportMetric(float64(len(roots)), "pkgs/op")
	b.ReportMetric(float64(findings), "findings/op")
}
