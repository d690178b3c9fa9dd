// Command loadfloor is the floor of jwtssot's performance measurements
// (docs/performance.md; package internal/loadfloor):
//
//	loadfloor [-tests] [packages]   (default ./...)
//
// It loads the packages in the analyzer's mode, walks every syntax tree once
// and prints what it saw:
//
//	loadfloor: 105 packages, 478 files, 1234567 nodes, 0 errors
//
// The exit status is 1 when a package has errors, 2 on a usage or load
// failure.
package main

import (
	"flag"
	"fmt"
	"os"

	"golang.org/x/tools/go/packages"

	"github.com/jwtssot/jwtssot/internal/loadfloor"
)

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
	counts, pkgs, err := loadfloor.Load(&packages.Config{Tests: *tests}, patterns...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "loadfloor: %v\n", err)
		os.Exit(2)
	}
	fmt.Println(counts)
	if counts.Errors > 0 {
		packages.PrintErrors(pkgs)
		os.Exit(1)
	}
}
