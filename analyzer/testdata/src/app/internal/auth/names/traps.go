package names

// Names that are not JWT secrets, values that are not literals, and
// literals that are the names of settings.

import (
	"flag"
	"os"
)

const (
	jwtSecretEnv       = "JWT_SECRET"
	JWTSecretKey       = "JWT_SECRET"
	jwtSecretConfigKey = "jwt.secret"
	jwtSecretEmpty     = ""
)

type ctxKey string

const jwtKey ctxKey = "jwt"

func traps() {
	csrfSecret := "csrf-secret-value"
	paginationToken := "page-token-abc"
	oauthState := "random-state-123"
	sessionSecret := "session-secret-value"
	apiKey := "api-key-value-123"
	jwtKeyID := "kid-2024"
	jwtSecretFile := "/run/secrets/jwt"
	jwtPublicKey := "-----BEGIN PUBLIC KEY-----"
	jwtIssuer := "https://auth.example.com"
	msg := "JWT_SECRET must be set"
	_, _, _, _, _, _, _, _, _, _ = csrfSecret, paginationToken, oauthState, sessionSecret, apiKey, jwtKeyID, jwtSecretFile, jwtPublicKey, jwtIssuer, msg

	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	_ = port
	_ = flag.String("csrf-secret", "dev-csrf", "CSRF secret")
	_ = flag.String("jwt-secret", "", "JWT secret")
	_ = flag.String("jwt-issuer", "my-app", "JWT issuer")

	fromEnv := os.Getenv(jwtSecretEnv)
	_ = fromEnv
	jwtSecretBytes, _ := os.ReadFile("/etc/jwt/secret")
	_ = jwtSecretBytes
	_ = jwtKey
}
