// Package echojwt is a stub of github.com/labstack/echo-jwt/v4.
package echojwt

import "github.com/golang-jwt/jwt/v5"

type MiddlewareFunc func(next func() error) func() error

type Config struct {
	ContextKey    string
	SigningKey    interface{}
	SigningKeys   map[string]interface{}
	SigningMethod string
	KeyFunc       jwt.Keyfunc
	TokenLookup   string
}

func JWT(signingKey interface{}) MiddlewareFunc { return nil }

func WithConfig(config Config) MiddlewareFunc { return nil }
