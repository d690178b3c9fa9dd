// Package funcvalues calls a library's method through a variable that
// holds its method value: the call's arguments are the method's.
package funcvalues

import (
	"os"

	"github.com/golang-jwt/jwt/v5" // want `import of JWT library`
)

func share(tok *jwt.Token) (string, error) {
	sign := tok.SignedString                    // want `reference to \(\*jwt.Token\).SignedString`
	return sign([]byte(os.Getenv("SHARE_KEY"))) // want `JWT secret SHARE_KEY read with os.Getenv outside .* is used as the key of \(\*jwt.Token\).SignedString`
}

func shareDev(tok *jwt.Token) (string, error) {
	var sign func(any) (string, error)
	sign = tok.SignedString              // want `reference to \(\*jwt.Token\).SignedString`
	return sign([]byte("dev-share-key")) // want `hardcoded JWT secret "de"… \(13 characters\) used as the key of \(\*jwt.Token\).SignedString`
}

// A variable that may hold another function than the library's: its call
// is no call of the library's method.
func either(tok *jwt.Token, other func(any) (string, error)) (string, error) {
	sign := tok.SignedString // want `reference to \(\*jwt.Token\).SignedString`
	if other != nil {
		sign = other
	}
	return sign([]byte(os.Getenv("SHARE_KEY")))
}
