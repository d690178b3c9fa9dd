// Package noauth has no .jwtssot.yaml: with no auth packages configured,
// every JWT use is a violation and messages say how to declare them.
package noauth

import (
	"os"

	"github.com/golang-jwt/jwt/v5" // want `^import of JWT library github.com/golang-jwt/jwt/v5; no auth packages are configured, so every JWT use is a violation: declare the auth module with auth: \[\./internal/auth/\.\.\.\] in \.jwtssot\.yaml \(jwtssot/import\)$`
)

func Parse(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, nil) // want `^call of jwt.Parse; no auth packages are configured`
}

var secret = os.Getenv("JWT_SECRET") // want `^JWT secret JWT_SECRET read with os.Getenv; no auth packages are configured`
