// Package jwt is a stub of github.com/dgrijalva/jwt-go.
package jwt

type Token struct{}

type Keyfunc func(*Token) (interface{}, error)

func Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }
