// Package handlers works around the auth module.
package handlers

import (
	"os"

	"app/internal/auth"
	"github.com/golang-jwt/jwt/v5" // want `^import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages \(app/internal/auth/...\); use app/internal/auth instead \(jwtssot/import\)$`
)

func Login(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, nil) // want `^call of jwt.Parse outside the auth packages \(app/internal/auth/...\); use app/internal/auth.ValidateToken instead \(jwtssot/call\)$`
}

func Resign(t *auth.Token) (string, error) {
	return t.SignedString([]byte(os.Getenv("JWT_SECRET"))) // want `call of \(\*jwt.Token\).SignedString outside .*\(jwtssot/call\)$` `JWT secret JWT_SECRET read with os.Getenv outside .*\(jwtssot/secret-access\)$`
}

// hushValue is a secret only by the secret-names setting (^hush).
var hushValue = "hunter2-hunter2" // want `hardcoded JWT secret .* assigned to hushValue; .*\(jwtssot/hardcoded-secret\)$`
