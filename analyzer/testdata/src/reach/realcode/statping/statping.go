// Package statping signs with a hash of a setting whose name says nothing,
// through a helper of its own and one of another package.
package statping

import (
	"fmt"
	"os"

	"reach/auth"
	"reach/realcode/hashutil"
)

func hexOf(v string) string { return fmt.Sprintf("%x", v) }

// Keys signs with derived keys.
func Keys() {
	_ = auth.New(hashutil.Sha256Hash(os.Getenv("API_SECRET"))) // want `JWT secret API_SECRET read with os.Getenv outside`
	_ = auth.New(hexOf(os.Getenv("TOKEN_SEED")))               // want `JWT secret TOKEN_SEED read with os.Getenv outside`
}
