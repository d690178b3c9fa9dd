// Package jwt is the application's own package named jwt: not a library.
package jwt

func Parse(s string) string { return s }

type Token struct{ Raw string }

func (t *Token) SignedString(key []byte) string { return t.Raw }
