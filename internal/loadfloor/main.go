// Command loadfloor is the floor of jwtssot's performance measurements
// (docs/performance.md): it does the least any type-aware analysis of the
// same packages must do, and nothing else.
//
//	loadfloor [-tests] [packages]   (default ./...)
//
// It loads the packages with golang.org/x/tools/go/packages in the mode the
// analyzer needs (names, files, imports, module, syntax, types and type
// information), with the dependencies' types read from export data (no
// NeedDeps), walks every file's syntax tree once with ast.Inspect, and
// prints what it saw:
//
//	loadfloor: 105 packages, 478 files, 1234567 nodes, 0 errors
//
// The exit status is 1 when a package has errors, 2 on a usage or load
// failure.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"os"

	"golang.org/x/tools/go/packages"
)

// mode is what jwtssot's analysis needs of a package. Without NeedDeps, the
// dependencies come from export data, which `go list -export` builds (or
// finds in the build cache).
const mode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesInfo |
	packages.NeedSyntax | packages.NeedModule

func main() {
	tests := flag.Bool("tests", false, "load test packages too")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: loadfloor [-tests] [packages]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Tests: *tests}, patterns...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "loadfloor: %v\n", err)
		os.Exit(2)
	}
	var files, nodes, errs int
	for _, p := range pkgs {
		errs += len(p.Errors)
		for _, f := range p.Syntax {
			files++
			ast.Inspect(f, func(n ast.Node) bool {
				if n != nil {
					nodes++
				}
				return true
			})
		}
	}
	fmt.Printf("loadfloor: %d packages, %d files, %d nodes, %d errors\n", len(pkgs), files, nodes, errs)
	if errs > 0 {
		packages.PrintErrors(pkgs)
		os.Exit(1)
	}
}
