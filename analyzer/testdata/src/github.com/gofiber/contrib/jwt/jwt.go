// Package jwtware is a stub of github.com/gofiber/contrib/jwt.
package jwtware

import "github.com/golang-jwt/jwt/v5"

type Handler func() error

type SigningKey struct {
	JWTAlg string
	Key    interface{}
}

type Config struct {
	SigningKey  SigningKey
	SigningKeys map[string]SigningKey
	ContextKey  string
	KeyFunc     jwt.Keyfunc
}

func New(config ...Config) Handler { return nil }
