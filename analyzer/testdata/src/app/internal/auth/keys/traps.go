package keys

// None of these is a hardcoded secret.

import (
	"os"

	"github.com/go-chi/jwtauth/v5"
	jose "github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	"github.com/golang-jwt/jwt/v5"
	xjwt "github.com/lestrrat-go/jwx/v2/jwt"
)

func keyFromFile() []byte {
	b, _ := os.ReadFile("keys/jwt-signing.key")
	return b
}

func fromFile(tok *jwt.Token) { _, _ = tok.SignedString(keyFromFile()) }

func fromEnv(tok *jwt.Token) {
	_, _ = tok.SignedString([]byte(os.Getenv("JWT_SECRET")))
	_ = jwtauth.New("HS256", []byte(os.Getenv("JWT_SECRET")), nil)
}

func empty(tok *jwt.Token) { _, _ = tok.SignedString([]byte("")) }

func claims(tok xjwt.Token) {
	_ = tok.Set("sub", "user-123")
	_ = jwt.RegisteredClaims{Issuer: "my-service", Subject: "user"}
	_, _ = josejwt.ParseSigned("raw", []jose.SignatureAlgorithm{jose.HS256})
}

func param(tok *jwt.Token, key []byte) { _, _ = tok.SignedString(key) } // no caller passes a literal

func callers(tok *jwt.Token) { param(tok, keyFromFile()) }
