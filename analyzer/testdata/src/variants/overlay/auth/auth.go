// Package auth is an auth package by the file's auth setting, which the
// code's settings leave alone.
package auth

import "github.com/golang-jwt/jwt/v5"

func Parse(raw string) (*jwt.Token, error) { return jwt.Parse(raw, nil) }
