// Package rcconfig keeps a redacted copy of the server's configuration
// for logs: the passphrase's read was reported where it came in, and is
// not reported again here.
package rcconfig

import "reach/realcode/rchttpd"

var current rchttpd.Conf

func redacted(value string) string {
	if value == "" {
		return value
	}
	return "[redacted]"
}

// Redacted returns the configuration as logs may show it.
func Redacted() rchttpd.Conf {
	conf := current
	conf.Passphrase = redacted(conf.Passphrase) // TRAP: the read it may hold was reported in rchttpd
	return conf
}
