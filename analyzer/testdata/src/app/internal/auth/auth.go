// Package auth is the test application's single source of truth for JWTs:
// the import, call and secret-access rules are silent here.
package auth

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// Claims embeds the library's registered claims: its promoted methods are
// library methods wherever they are called.
type Claims struct {
	jwt.RegisteredClaims
	Role string
}

// Token is an alias other packages use without importing the library.
type Token = jwt.Token

func Key() []byte { return []byte(os.Getenv("JWT_SECRET")) } // want Key:`returns\[value\]\(read\(JWT_SECRET\)\)`

func Issue(sub string) *jwt.Token {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, &Claims{RegisteredClaims: jwt.RegisteredClaims{Subject: sub}})
}

func Method() jwt.SigningMethod { return jwt.SigningMethodHS256 }

func ValidateToken(raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) { return Key(), nil })
	return c, err
}

func Sign(t *jwt.Token) (string, error) { return t.SignedString(Key()) }

// The auth module may read its own secret.
var secretFromEnv = os.Getenv("JWT_SECRET")

func Secret() string { return secretFromEnv } // want Secret:`returns\[value\]\(read\(JWT_SECRET\)\)`
