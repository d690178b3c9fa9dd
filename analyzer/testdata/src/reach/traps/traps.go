// Package traps holds settings and literals that are not JWT secrets:
// none reaches a secret key, and none is named like one.
package traps

import (
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"os"

	"github.com/golang-jwt/jwt/v5" // want `import of JWT library`
)

func publicKey() {
	_, _ = jwt.ParseRSAPublicKeyFromPEM([]byte(os.Getenv("TOKEN_VERIFY_PEM"))) // want `call of jwt.ParseRSAPublicKeyFromPEM`
}

func database() {
	_, _ = sql.Open("postgres", os.Getenv("DATABASE_URL"))
}

func webhook(body []byte) []byte {
	m := hmac.New(sha256.New, []byte(os.Getenv("WEBHOOK_SECRET")))
	m.Write(body)
	return m.Sum(nil)
}

func issuer() *jwt.Parser {
	return jwt.NewParser(jwt.WithIssuer(os.Getenv("TOKEN_ISSUER"))) // want `call of jwt.NewParser` `call of jwt.WithIssuer`
}
