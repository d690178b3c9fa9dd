// Package flagdefaults defines flags whose names say nothing and whose
// values become keys: their defaults are hardcoded keys.
package flagdefaults

import (
	"crypto/sha256"

	"github.com/spf13/pflag"
	"github.com/urfave/cli/v2"

	"reach/auth"
)

// LoadTest signs with a key derived from the -seed flag.
func LoadTest(fs *pflag.FlagSet) *auth.Issuer {
	var seed string
	fs.StringVar(&seed, "seed", "loadtest-seed-0001", "seed of the key") // want `JWT secret seed read with \(\*pflag.FlagSet\).StringVar outside` `hardcoded JWT secret "lo"… \(18 characters\) as the default of flag -seed`
	sum := sha256.Sum256([]byte(seed))
	return auth.New(string(sum[:]))
}

// Flags are the worker's flags.
var Flags = []cli.Flag{
	&cli.StringFlag{Name: "app-key", Value: "worker-dev-app-key-0001"},      // want `hardcoded JWT secret "wo"… \(23 characters\) as the default of app-key`
	&cli.StringFlag{Name: "database-url", Value: "postgres://localhost/db"}, // TRAP: its value reaches no key
}

// Run signs with the -app-key flag.
func Run(c *cli.Context) *auth.Issuer {
	_ = c.String("database-url")
	return auth.New(c.String("app-key")) // want `JWT secret app-key read with \(\*cli.Context\).String outside`
}
