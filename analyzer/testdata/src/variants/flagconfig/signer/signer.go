package signer

import "github.com/golang-jwt/jwt/v5"

func Sign(t *jwt.Token, key []byte) (string, error) { return t.SignedString(key) }
