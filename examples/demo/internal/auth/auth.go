// Package auth is the demo's JWT single source of truth: the only package
// allowed to use the JWT library and to read the signing secret.
package auth

import (
	"errors"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// secret is read once from the environment, here and nowhere else.
var secret = []byte(os.Getenv("JWT_SECRET"))

// IssueToken signs a token for a user.
func IssueToken(userID string, ttl time.Duration) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   userID,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

// ValidateToken checks a token and returns its subject.
func ValidateToken(raw string) (string, error) {
	tok, err := jwt.ParseWithClaims(raw, &jwt.RegisteredClaims{}, func(*jwt.Token) (any, error) {
		return secret, nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		return "", err
	}
	claims, ok := tok.Claims.(*jwt.RegisteredClaims)
	if !ok {
		return "", errors.New("unexpected claims")
	}
	return claims.Subject, nil
}

// ParseUnverified decodes a token without checking it, for logging.
func ParseUnverified(raw string) (*jwt.Token, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, &jwt.RegisteredClaims{})
	return tok, err
}

// ParseToken checks a token as ValidateToken does and returns it, for
// code that reads more of it than its subject.
func ParseToken(raw string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(raw, &jwt.RegisteredClaims{}, func(*jwt.Token) (any, error) {
		return secret, nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}

// Subject returns the subject of a token's claims.
func Subject(c jwt.Claims) (string, error) {
	return c.GetSubject()
}

// SignToken signs a token's claims with the auth module's key and
// algorithm, whatever method the token was made with.
func SignToken(t *jwt.Token) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, t.Claims).SignedString(secret)
}
