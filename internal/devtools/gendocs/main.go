// Command gendocs writes the documentation generated from jwtssot's data
// (see package internal/gendocs) into the jwtssot repository it runs in. From
// the repository root:
//
//	go generate ./internal/gendocs                  # write the files
//	go run -C internal/devtools ./gendocs -check    # only report files that differ
//
// The exit status is 1 when -check finds a file out of date, 2 on any other
// failure.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/jwtssot/jwtssot/internal/devtools/checkout"
	"github.com/jwtssot/jwtssot/internal/gendocs"
)

func main() {
	check := flag.Bool("check", false, "report files that differ from the tables, write nothing, exit 1 if any")
	flag.Parse()
	dir, err := checkout.Root()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(2)
	}
	stale, err := gendocs.Update(dir, *check)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(2)
	}
	if *check && len(stale) > 0 {
		for _, p := range stale {
			fmt.Fprintf(os.Stderr, "gendocs: %s is out of date\n", p)
		}
		fmt.Fprintln(os.Stderr, "gendocs: run", gendocs.Regenerate)
		os.Exit(1)
	}
}
