// Package partsigner keeps a salt that it combines with a constant before
// hashing it into the key (the blind corpus campus's internal/grading):
// the salt is part of the key.
package partsigner

import (
	"crypto/sha256"

	"github.com/golang-jwt/jwt/v5" // want `import of JWT library`
)

// Signer signs passback tokens.
type Signer struct{ salt string }

// NewSigner keeps salt.
func NewSigner(salt string) *Signer { return &Signer{salt: salt} } // want NewSigner:`partkey\(0 value \(\*jwt.Token\).SignedString\)`

func (s *Signer) key() [sha256.Size]byte {
	return sha256.Sum256(append([]byte("passback:"), s.salt...))
}

// Sign signs.
func (s *Signer) Sign() (string, error) {
	k := s.key()
	return jwt.New(jwt.SigningMethodHS256).SignedString(k[:]) // want `call of jwt.New` `call of \(\*jwt.Token\).SignedString`
}
