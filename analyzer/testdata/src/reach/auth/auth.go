// Package auth is the auth module of the reach cases: its constructors and
// helpers take the key, so what reaches them from outside is a JWT secret.
package auth

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// Issuer signs with the key it is given.
type Issuer struct{ key []byte }

func New(key string) *Issuer { return &Issuer{key: []byte(key)} } // want New:`key\(0 value \(\*jwt.Token\).SignedString\)`

func (i *Issuer) Sign(c jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(i.key)
}

// Options configures a verifier: SharedSecret is its key, Issuer is not.
type Options struct {
	SharedSecret string // want SharedSecret:`key\(jwt.Parse\)`
	Issuer       string
}

type Verifier struct{ opts Options }

func NewVerifier(o Options) *Verifier { return &Verifier{opts: o} }

func (v *Verifier) Verify(raw string) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return []byte(v.opts.SharedSecret), nil })
	return err
}

// SignNamed signs with the setting its parameter names: the caller picks
// the secret.
func SignNamed(name string, c jwt.Claims) (string, error) { // want SignNamed:`reads\(0\) keyread\(0 \(\*jwt.Token\).SignedString\)`
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(os.Getenv(name)))
}

// FromEnv reads its own key: a read in the auth module is allowed.
func FromEnv() *Issuer { return New(os.Getenv("TOKEN_KEY")) }
