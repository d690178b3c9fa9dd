// Package auth is the auth module the recipes of the tests rewrite to.
package auth

import jwt "github.com/golang-jwt/jwt/v5"

// ParseToken validates a token with the module's keys.
func ParseToken(s string) (*jwt.Token, error) { return nil, nil }

// ParseTokenWith validates a token with options.
func ParseTokenWith(s string, opts ...jwt.ParserOption) (*jwt.Token, error) { return nil, nil }

// Sign signs a token with the module's key.
func Sign(t *jwt.Token) (string, error) { return "", nil }

// Subject returns the subject of the claims.
func Subject(c jwt.Claims) (string, error) { return "", nil }

// Claim reads a claim.
func Claim[T any](t *jwt.Token, name string) (T, error) {
	var zero T
	return zero, nil
}

// Check is a function without results.
func Check(t *jwt.Token) {}

// Key is the module's verification key function.
var Key jwt.Keyfunc

// Validate validates a token's claims.
func Validate(t *jwt.Token) error { return nil }

// ParseWithKey validates a token with a key function of the caller's.
func ParseWithKey(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return nil, nil }

// NewToken makes a token of the claims, with the module's method.
func NewToken(c jwt.Claims) *jwt.Token { return nil }

// Alg names the module's signing algorithm.
func Alg() string { return "" }
