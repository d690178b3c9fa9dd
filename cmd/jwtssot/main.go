// Command jwtssot reports JWT code outside a code base's auth module. It
// scans packages and writes a report (jwtssot ./...), and it is a go vet
// tool (go vet -vettool=$(which jwtssot) ./...). See docs/cli.md.
package main

import (
	"os"

	"github.com/jwtssot/jwtssot/internal/cli"
)

func main() {
	if cli.IsVetInvocation(os.Args[1:]) {
		os.Exit(cli.RunVet(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
