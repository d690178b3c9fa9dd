// Package app is analyzed with disable: [call] given in code, which
// replaces the file's disable: [secret-access].
package app

import (
	"os"

	"github.com/golang-jwt/jwt/v5" // want `^import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages \(\./auth/\.\.\.\)`
)

func check(raw string) error {
	_, err := jwt.Parse(raw, nil)
	_ = os.Getenv("JWT_SECRET") // want `^JWT secret JWT_SECRET read with os.Getenv outside the auth packages \(\./auth/\.\.\.\)`
	return err
}
