// Package jwt is a stub of github.com/lestrrat-go/jwx/v2/jwt.
package jwt

import "github.com/lestrrat-go/jwx/v2/jwa"

type Token interface {
	Set(string, interface{}) error
	Subject() string
}

type Option interface{ Ident() interface{} }

type SignOption interface{ Option }

type ParseOption interface{ Option }

type SignEncryptParseOption interface {
	SignOption
	ParseOption
}

func New() Token { return nil }

func Sign(t Token, options ...SignOption) ([]byte, error) { return nil, nil }

func Parse(s []byte, options ...ParseOption) (Token, error) { return nil, nil }

func WithKey(alg jwa.KeyAlgorithm, key interface{}, suboptions ...Option) SignEncryptParseOption {
	return nil
}
