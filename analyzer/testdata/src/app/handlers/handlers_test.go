package handlers

// Test files are skipped unless tests is set: nothing here is reported.

import (
	"os"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

func TestSign(t *testing.T) {
	tok := jwt.New(jwt.SigningMethodHS256)
	_, _ = tok.SignedString([]byte("test-secret-key"))
	_ = os.Getenv("JWT_SECRET")
}
