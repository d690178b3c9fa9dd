// Package hostile holds names and replacements with control characters:
// the messages show them visibly, in every front end.
package hostile

import (
	"os"

	"github.com/golang-jwt/jwt/v5" // want `^import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages \(variants/auth\); use evil\\nFAKE\\x1b\[31m instead`
)

func sign(c jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(os.Getenv("KEY\x1b[2J"))) // want `call of jwt.NewWithClaims` `call of \(\*jwt.Token\).SignedString` `^JWT secret KEY\\x1b\[2J read with os.Getenv`
}
