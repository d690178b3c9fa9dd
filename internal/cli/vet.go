package cli

import (
	"io"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/vet"
)

// IsVetInvocation reports whether the go command runs the binary as a vet
// tool (see vet.IsInvocation): then RunVet, not Main, runs it.
func IsVetInvocation(args []string) bool { return vet.IsInvocation(args) }

// RunVet runs the analyzer through go vet's protocol (internal/vet, which
// answers the go command's queries and checks the flags) and returns the
// exit status.
func RunVet(args []string, stdout, stderr io.Writer) int {
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		message(stderr, "%v", err)
		return ExitUsage
	}
	return vet.Main(a, args, stdout, stderr)
}
