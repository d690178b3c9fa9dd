// Package authz shares a prefix with internal/auth but is not matched by
// ./internal/auth/...: it is outside the auth packages.
package authz

import "github.com/golang-jwt/jwt/v5" // want `import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages \(\./internal/auth/\.\.\.\)`

func Check(raw string) error {
	_, err := jwt.Parse(raw, nil) // want `call of jwt.Parse outside the auth packages`
	return err
}
