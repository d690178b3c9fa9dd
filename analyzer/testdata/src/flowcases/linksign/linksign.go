// Package linksign signs download links with HMAC. It uses no JWT library:
// its HMAC key is not a JWT secret, and reading it is not a JWT secret read.
package linksign

import "os"

var hmacKey = []byte("dev-only-link-key")

func init() {
	if k := os.Getenv("LINK_HMAC_KEY"); k != "" {
		hmacKey = []byte(k)
	}
}

// Key returns the link-signing key.
func Key() []byte { return hmacKey } // want Key:`returns\[value\]\("\\"de\\"… \(17 characters\)" read\(LINK_HMAC_KEY\)\)`
