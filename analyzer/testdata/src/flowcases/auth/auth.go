// Package auth is the auth module of the flow cases: its helpers pass keys
// and keyfuncs on to the library, so what callers give them is a key.
package auth

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// SignWith signs with the caller's key.
func SignWith(claims jwt.Claims, key []byte) (string, error) { // want SignWith:`key\(1 value \(\*jwt.Token\).SignedString\)`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// ParseWith verifies raw with the caller's keyfunc.
func ParseWith(raw string, kf jwt.Keyfunc) (*jwt.Token, error) { // want ParseWith:`key\(1 keyfunc jwt.Parse\)`
	return jwt.Parse(raw, kf)
}

// VerifyWith verifies raw with the key the caller's lookup gives for a key id.
func VerifyWith(raw string, keyFor func(kid string) ([]byte, error)) (*jwt.Token, error) { // want VerifyWith:`key\(1 keyfunc jwt.Parse\)`
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		key, err := keyFor("kid")
		return key, err
	})
}

// Secret reads the secret; only the auth module may.
func Secret() []byte { return []byte(os.Getenv("APP_JWT_SECRET")) } // want Secret:`returns\[value\]\(read\(APP_JWT_SECRET\)\)`
