package tests

import (
	"os"
	"testing"

	"github.com/golang-jwt/jwt/v5" // want `import of JWT library github.com/golang-jwt/jwt/v5`
)

func TestSign(t *testing.T) {
	tok := jwt.New(jwt.SigningMethodHS256)                   // want `call of jwt.New`
	_, _ = tok.SignedString([]byte("test-file-signing-key")) // want `call of \(\*jwt.Token\).SignedString` `hardcoded JWT secret "te"… \(21 characters\) used as the key`
	_ = os.Getenv("JWT_SECRET")                              // want `JWT secret JWT_SECRET read with os.Getenv`
}
