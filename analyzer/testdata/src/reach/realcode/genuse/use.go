// Package genuse signs with the first non-empty of several reads, through
// another package's generic variadic helper.
package genuse

import (
	"os"

	"reach/auth"
	"reach/realcode/gensettings"
)

// Sign signs.
func Sign() *auth.Issuer {
	key := gensettings.FirstNonEmpty(os.Getenv("PRIMARY"), os.Getenv("FALLBACK")) // want `JWT secret PRIMARY read with os.Getenv outside` `JWT secret FALLBACK read with os.Getenv outside`
	return auth.New(key)
}
