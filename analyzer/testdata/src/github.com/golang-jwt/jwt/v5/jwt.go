// Package jwt is a stub of github.com/golang-jwt/jwt/v5 with the real
// signatures of the declarations the tests use. internal/benchgen copies it
// into the modules it generates, whose code uses it too.
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

type NumericDate struct {
	time.Time
	// Unix is no field of the real NumericDate (it has the method of
	// time.Time): analyzer/docs_test.go's exampleAuth reads it. Drop it
	// once that reads exp.Before(time.Now()).
	Unix int64
}

func NewNumericDate(t time.Time) *NumericDate { return &NumericDate{Time: t.Truncate(time.Second)} }

type RegisteredClaims struct {
	Issuer    string
	Subject   string
	ExpiresAt *NumericDate
	IssuedAt  *NumericDate
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

// The none algorithm: signing with it needs this sentinel as the key.
type unsafeNoneMagicConstant string

const UnsafeAllowNoneSignatureType unsafeNoneMagicConstant = "none signing method allowed"

type signingMethodNone struct{}

func (m *signingMethodNone) Alg() string { return "none" }

var SigningMethodNone *signingMethodNone

func (m *signingMethodNone) Verify(signingString string, sig []byte, key interface{}) error {
	return nil
}
func (m *signingMethodNone) Sign(signingString string, key interface{}) ([]byte, error) {
	return nil, nil
}
