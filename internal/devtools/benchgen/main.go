// Command benchgen writes a synthetic monorepo Go module for jwtssot's
// performance measurements (scripts/bench.sh, docs/performance.md); the
// module is described in package internal/benchgen. From the repository
// root:
//
//	go run -C internal/devtools ./benchgen -out "$PWD/../mono" -packages 1000 -jwt-share 10 -seed 1
//
// The module gets the analyzer tests' stub of the JWT library from the
// jwtssot repository, -root, by default the one around the working
// directory. benchgen prints a one-line summary: packages, files, lines and
// the violations planted, which a jwtssot run over the module should report
// exactly. The exit status is 2 on a usage error, 1 when the module cannot
// be written.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jwtssot/jwtssot/internal/benchgen"
	"github.com/jwtssot/jwtssot/internal/devtools/checkout"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	var o benchgen.Options
	fs := flag.NewFlagSet("benchgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.Out, "out", "", "directory to write the module into (required)")
	fs.IntVar(&o.Packages, "packages", 100, "number of service packages")
	fs.Float64Var(&o.JWTShare, "jwt-share", 10, "percentage of service packages with JWT code outside the auth module")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of the generator: the same seed writes the same module")
	fs.BoolVar(&o.Force, "force", false, "replace the content of a non-empty -out directory")
	fs.StringVar(&o.Root, "root", "", "the jwtssot repository whose stub of the JWT library the module gets (default: the one around the working directory)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: benchgen -out DIR [-packages N] [-jwt-share P] [-seed S] [-force] [-root DIR]\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return 0
	} else if err != nil {
		return 2
	}
	if o.Out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if o.Root == "" {
		root, err := checkout.Root()
		if err != nil {
			fmt.Fprintf(stderr, "benchgen: -root: %v\n", err)
			return 2
		}
		o.Root = root
	}
	sum, err := benchgen.Generate(o)
	if err != nil {
		fmt.Fprintf(stderr, "benchgen: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, sum)
	return 0
}
