// Package flags reads the key from command-line flags.
package flags

import (
	"flag"

	"github.com/alecthomas/kingpin/v2"
	"github.com/urfave/cli/v2"

	"reach/auth"
)

func stdlib() {
	material := flag.String("material", "", "signing material") // want `JWT secret material read with flag.String outside`
	flag.Parse()
	_ = auth.New(*material)
}

func urfave(c *cli.Context) {
	_ = auth.New(c.String("material")) // want `JWT secret material read with \(\*cli.Context\).String outside`
}

func destination() {
	var material string
	_ = &cli.StringFlag{Name: "material", Destination: &material} // want `JWT secret material read with cli.StringFlag outside`
	_ = auth.New(material)
}

func kingpinFlag() {
	app := kingpin.New("signer", "")
	key := app.Flag("key", "signing key").Envar("SIGNER_KEY").String() // want `JWT secret key read with \(\*kingpin.parserMixin\).String outside`
	_ = auth.New(*key)
	material := kingpin.Flag("material", "signing material").String() // want `JWT secret material read with \(\*kingpin.parserMixin\).String outside`
	_ = auth.New(*material)
}
