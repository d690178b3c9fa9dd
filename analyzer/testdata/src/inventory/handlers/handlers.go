// Package handlers verifies tokens its own way: a second implementation
// that differs from the auth module's.
package handlers

import (
	"github.com/golang-jwt/jwt/v5" // want `import of JWT library`

	"inventory/auth"
)

func verify(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { // want `call of jwt.Parse` `jwt.Parse accepts any signing method`
		return auth.Key(), nil
	})
}

func verifyChecked(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { // want `call of jwt.Parse`
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, jwt.ErrTokenExpired
		}
		return auth.Key(), nil
	})
}

func peek(raw string) string {
	tok, _, _ := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `call of jwt.NewParser` `call of \(\*jwt.Parser\).ParseUnverified` `\(\*jwt.Parser\).ParseUnverified reads the token's claims without verifying its signature`
	iss, _ := tok.Claims.GetIssuer()                                   // want `call of \(jwt.Claims\).GetIssuer`
	return iss
}

func sign(c jwt.Claims, key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key) // want `call of jwt.NewWithClaims` `call of \(\*jwt.Token\).SignedString`
}

// byKid reads the token's header to choose the key, then verifies it: the
// decode is not reported, the verification decides.
func byKid(raw string, keys map[string][]byte) (*jwt.Token, error) {
	unverified, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `call of jwt.NewParser` `call of \(\*jwt.Parser\).ParseUnverified`
	if err != nil {
		return nil, err
	}
	kid, _ := unverified.Claims.GetIssuer()                                                                                         // want `call of \(jwt.Claims\).GetIssuer`
	return jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return keys[kid], nil }, jwt.WithValidMethods([]string{"HS256"})) // want `call of jwt.Parse` `call of jwt.WithValidMethods`
}
