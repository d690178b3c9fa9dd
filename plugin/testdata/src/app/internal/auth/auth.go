// Package auth is the test application's auth module: with the settings
// auth: [app/internal/auth/...] it may use the JWT library and read the
// secret.
package auth

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// Token is an alias other packages use without importing the library.
type Token = jwt.Token

func key() []byte { return []byte(os.Getenv("JWT_SECRET")) }

func ValidateToken(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return key(), nil })
}
