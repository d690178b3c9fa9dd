// Package util signs with the secret the setting package loads.
package util

import (
	"github.com/golang-jwt/jwt/v5" // want `import of JWT library github.com/golang-jwt/jwt/v5`

	"reach/realcode/setting"
	"reach/realcode/tokencfg"
)

var jwtSecret = []byte(setting.AppSetting.JwtSecret)

// Sign signs a token.
func Sign() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString(jwtSecret) // want `call of jwt.New` `call of \(\*jwt.Token\).SignedString`
}

// SignWithTokens signs with the [tokens] section's material.
func SignWithTokens() (string, error) {
	return jwt.New(jwt.SigningMethodHS256).SignedString([]byte(tokencfg.Current.Material)) // want `call of jwt.New` `call of \(\*jwt.Token\).SignedString` `JWT secret Material read into field Material by \(\*ini.Section\).MapTo at reach/realcode/tokencfg/tokencfg.go:22 \(held by tokencfg.Tokens.Material\) outside`
}
