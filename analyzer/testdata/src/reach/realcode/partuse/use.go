// Package partuse gives another package's signer a salt read from the
// environment, and one written in the code.
package partuse

import (
	"os"

	"reach/realcode/partsigner"
)

// Signers returns the signers.
func Signers() []*partsigner.Signer {
	return []*partsigner.Signer{
		partsigner.NewSigner(os.Getenv("TOKEN_SALT")), // want `JWT secret TOKEN_SALT read with os.Getenv outside the auth packages \(reach/auth\) is combined into the key of \(\*jwt.Token\).SignedString through partsigner.NewSigner`
		partsigner.NewSigner("devseed-salt-0001"),     // TRAP: a literal combined with another is a key only where the combination is written
	}
}
