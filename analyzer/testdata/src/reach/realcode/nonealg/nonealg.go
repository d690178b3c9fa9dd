// Package nonealg builds an unsigned token for a negative test
// (getfider/fider's app/pkg/jwt tests): golang-jwt's sentinel for the none
// algorithm is the library's own constant, no secret.
package nonealg

import "github.com/golang-jwt/jwt/v5" // want `import of JWT library`

// Unsigned returns a token with alg none.
func Unsigned() (string, error) {
	return jwt.New(jwt.SigningMethodNone).SignedString(jwt.UnsafeAllowNoneSignatureType) // want `call of jwt.New` `call of \(\*jwt.Token\).SignedString`
}
