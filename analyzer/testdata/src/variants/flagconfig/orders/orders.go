// Package orders is analyzed with -config naming a config file: the one
// that discovery would find is not read.
package orders

import (
	"os"

	"github.com/golang-jwt/jwt/v5" // want `^import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages \(\./(variants/flagconfig/)?signer\)`
)

func check(raw string) error {
	_, err := jwt.Parse(raw, nil) // want `^call of jwt.Parse outside the auth packages \(\./(variants/flagconfig/)?signer\)`
	_ = os.Getenv("JWT_SECRET")   // secret-access is disabled by the file
	return err
}
