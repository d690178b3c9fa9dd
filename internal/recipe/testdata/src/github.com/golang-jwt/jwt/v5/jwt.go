// Package jwt is a stub of github.com/golang-jwt/jwt/v5 with the real
// signatures of the declarations the recipe tests use (copied from the
// analyzer's stub), plus one generic function of its own.
package jwt

import (
	"errors"
	"time"
)

type Claims interface {
	GetExpirationTime() (*NumericDate, error)
	GetIssuer() (string, error)
	GetSubject() (string, error)
}

type NumericDate struct{ Unix int64 }

type RegisteredClaims struct {
	Issuer    string
	Subject   string
	ExpiresAt *NumericDate
}

func (c RegisteredClaims) GetExpirationTime() (*NumericDate, error) { return c.ExpiresAt, nil }
func (c RegisteredClaims) GetIssuer() (string, error)               { return c.Issuer, nil }
func (c RegisteredClaims) GetSubject() (string, error)              { return c.Subject, nil }

type MapClaims map[string]interface{}

func (m MapClaims) GetExpirationTime() (*NumericDate, error) { return nil, nil }
func (m MapClaims) GetIssuer() (string, error)               { return "", nil }
func (m MapClaims) GetSubject() (string, error)              { return "", nil }

type SigningMethod interface {
	Verify(signingString string, sig []byte, key interface{}) error
	Sign(signingString string, key interface{}) ([]byte, error)
	Alg() string
}

type SigningMethodHMAC struct{ Name string }

func (m *SigningMethodHMAC) Alg() string { return m.Name }
func (m *SigningMethodHMAC) Verify(signingString string, sig []byte, key interface{}) error {
	return nil
}
func (m *SigningMethodHMAC) Sign(signingString string, key interface{}) ([]byte, error) {
	return nil, nil
}

var SigningMethodHS256 = &SigningMethodHMAC{"HS256"}

type Token struct {
	Raw    string
	Method SigningMethod
	Claims Claims
	Valid  bool
}

type Keyfunc func(*Token) (interface{}, error)

func New(method SigningMethod, opts ...TokenOption) *Token { return &Token{Method: method} }

func NewWithClaims(method SigningMethod, claims Claims, opts ...TokenOption) *Token {
	return &Token{Method: method, Claims: claims}
}

type TokenOption func(*Token)

func (t *Token) SignedString(key interface{}) (string, error) { return "", nil }
func (t *Token) SigningString() (string, error)               { return "", nil }

func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

type Parser struct{}

type ParserOption func(*Parser)

func NewParser(options ...ParserOption) *Parser { return &Parser{} }

func WithValidMethods(methods []string) ParserOption { return nil }

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

var ErrTokenExpired = errors.New("token is expired")

// The PEM parsers: a private key is secret key material, a public key is not.
func ParseRSAPrivateKeyFromPEM(key []byte) (interface{}, error) { return nil, nil }
func ParseRSAPublicKeyFromPEM(key []byte) (interface{}, error)  { return nil, nil }
func ParseECPublicKeyFromPEM(key []byte) (interface{}, error)   { return nil, nil }

// WithAudience and the other options that later tests inspect.
func WithAudience(aud string) ParserOption { return nil }
func WithExpirationRequired() ParserOption { return nil }

func (p *Parser) ParseUnverified(tokenString string, claims Claims) (*Token, []string, error) {
	return nil, nil, nil
}

func WithoutClaimsValidation() ParserOption     { return nil }
func WithIssuer(iss string) ParserOption        { return nil }
func GetSigningMethod(alg string) SigningMethod { return nil }

func WithLeeway(leeway time.Duration) ParserOption { return nil }

// ClaimAs is not in golang-jwt: a generic function, for the tests of
// generic calls.
func ClaimAs[T any](t *Token, name string) (T, error) {
	var zero T
	return zero, nil
}

// ClaimOr is not in golang-jwt either: a generic function whose type
// argument a call can infer.
func ClaimOr[T any](t *Token, name string, def T) (T, error) { return def, nil }

// ValidateAs is not in golang-jwt: a generic function whose type argument
// appears in no parameter or result.
func ValidateAs[C Claims](t *Token) error { return nil }
