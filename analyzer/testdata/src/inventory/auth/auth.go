// Package auth is the inventory cases' auth module.
package auth

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Sign signs with the secret from the environment.
func Sign(c jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(os.Getenv("APP_JWT_SECRET")))
}

// Verify accepts HS256 only and requires the expiration and audience.
func Verify(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (interface{}, error) {
		return []byte(os.Getenv("APP_JWT_SECRET")), nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired(), jwt.WithAudience("api"))
}

var parser = jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithLeeway(30*time.Second))

// VerifyRSA uses a parser made with its options.
func VerifyRSA(raw string, key interface{}) (*jwt.Token, error) { // want VerifyRSA:`key\(1 value`
	return parser.ParseWithClaims(raw, &jwt.RegisteredClaims{}, func(*jwt.Token) (interface{}, error) { return key, nil })
}

// Key gives the secret to other packages' keyfuncs.
func Key() []byte { return []byte(os.Getenv("APP_JWT_SECRET")) } // want Key:`read\(APP_JWT_SECRET\)`
