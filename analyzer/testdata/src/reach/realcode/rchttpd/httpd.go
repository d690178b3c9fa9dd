// Package rchttpd signs with a passphrase read from a file through
// another package's helper: the read is reported where it comes in.
package rchttpd

import (
	"reach/auth"
	"reach/realcode/rcutil"
)

// Conf configures the server.
type Conf struct {
	Passphrase     string // want Passphrase:`holds\(read\(\)\) key\(\(\*jwt.Token\).SignedString\)`
	PassphraseFile string
}

// Initialize reads the passphrase file and signs with it.
func (c *Conf) Initialize() *auth.Issuer {
	if c.PassphraseFile != "" {
		p, err := rcutil.ReadConfigFromFile(c.PassphraseFile) // want `JWT secret read from a file by os.ReadFile at reach/realcode/rcutil/util.go:11 \(returned by rcutil.ReadConfigFromFile\) outside`
		if err == nil {
			c.Passphrase = p
		}
	}
	return auth.New(c.Passphrase)
}
