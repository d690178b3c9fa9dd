package signer

import "github.com/golang-jwt/jwt/v5"

func Sign(t *jwt.Token, key []byte) (string, error) { return t.SignedString(key) } // want Sign:`key\(1 value \(\*jwt.Token\).SignedString\)`
