// Package acmejwt is an in-house JWT library that jwtssot does not know:
// the libraries setting adds it.
package acmejwt

type Token struct{ Raw string }

func Sign(claims map[string]any, key []byte) (*Token, error) { return &Token{}, nil }

func Verify(raw string, secret string) (map[string]any, error) { return nil, nil }

func (t *Token) String() string { return t.Raw }
