// Package hashutil derives values from strings (statping-ng's utils): the
// argument is part of the result.
package hashutil

import (
	"crypto/sha256"
	"fmt"
)

// Sha256Hash returns the hex SHA-256 of s.
func Sha256Hash(s string) string { // want Sha256Hash:`returns\[value\]\(part\(0 value\)\)`
	return fmt.Sprintf("%x", sha256.Sum256([]byte(s)))
}
