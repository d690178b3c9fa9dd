// Package jwt is the application's own package named jwt: not a library.
package jwt

func Parse(s string) string { return s } // want Parse:`returns\[value\]\(param\(0 value\)\)`

type Token struct{ Raw string }

func (t *Token) SignedString(key []byte) string { return t.Raw } // want SignedString:`returns\[value\]\(field\(Raw value\)\)`
