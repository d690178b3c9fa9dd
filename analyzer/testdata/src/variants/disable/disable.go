// Package disable is analyzed with disable: [call, secret-access]: only the
// import, hardcoded-secret and directive rules report here.
package disable

import (
	"os"

	"github.com/golang-jwt/jwt/v5" // want `^import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages \(variants/auth\)`
)

const jwtSecret = "disabled-rules-secret" // want `^hardcoded JWT secret "di"… \(21 characters\) used as the key of \(\*jwt.Token\).SignedString`

func sign(tok *jwt.Token) (string, error) {
	return tok.SignedString([]byte(jwtSecret))
}

func read() string {
	_, _ = jwt.Parse("raw", nil) //jwtssot:ignore call names a disabled rule only: not reported as unused
	return os.Getenv("JWT_SECRET")
}

func unused() {
	// want +1 `^jwtssot:ignore secret-access,hardcoded-secret suppresses nothing here; remove it \(jwtssot/directive\)$`
	//jwtssot:ignore secret-access,hardcoded-secret hardcoded-secret is enabled and finds nothing below
	println("nothing")
}
