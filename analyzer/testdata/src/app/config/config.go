// Package config is outside the auth packages: reading a JWT secret here is
// a secret-access violation.
package config

import (
	"flag"
	"net/http"
	"os"
	"syscall"

	"github.com/gin-gonic/gin"
	"github.com/knadh/koanf/v2"
	"github.com/spf13/viper"

	"app/config/keys"
)

const envJWTSecret = "JWT_SECRET"

// Names of rules and policies about secrets are not secrets.
const (
	RuleSecretAccess   = "secret-access"
	secretAccessPolicy = "deny-all"
)

func getEnv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func load(v *viper.Viper, k *koanf.Koanf) []string {
	a := os.Getenv("JWT_SECRET")              // want `^JWT secret JWT_SECRET read with os.Getenv outside the auth packages \(\./internal/auth/\.\.\.\); only the auth module may read JWT secrets \(jwtssot/secret-access\)$`
	b, _ := os.LookupEnv("JWT_SECRET_KEY")    // want `JWT secret JWT_SECRET_KEY read with os.LookupEnv`
	c, _ := syscall.Getenv("JWT_SIGNING_KEY") // want `JWT secret JWT_SIGNING_KEY read with syscall.Getenv`
	d := viper.GetString("jwt.secret")        // want `JWT secret jwt.secret read with viper.GetString`
	e := v.GetString("auth.jwt_secret")       // want `JWT secret auth.jwt_secret read with \(\*viper.Viper\).GetString`
	f := k.String("jwt.secret")               // want `read with \(\*koanf.Koanf\).String`
	g := getEnv("JWT_SECRET", "")             // want `JWT secret JWT_SECRET read with config.getEnv`
	h := os.Getenv(envJWTSecret)              // want `JWT secret JWT_SECRET read with os.Getenv`
	i := os.Getenv(keys.EnvJWTSecret)         // want `JWT secret JWT_SECRET read with os.Getenv`
	// The JWT secret of another service is still a JWT secret.
	j := viper.GetString("payments.refund_jwt_secret") // want `JWT secret payments.refund_jwt_secret read with viper.GetString`
	l := os.Getenv("WEBHOOK_JWT_SECRET")               // want `JWT secret WEBHOOK_JWT_SECRET read with os.Getenv`
	return []string{a, b, c, d, e, f, g, h, i, j, l}
}

// Keys that are not JWT secrets, setters, and getters of requests.
func traps(r *http.Request, gc *gin.Context, secret string) {
	_ = os.Getenv("JWT_ISSUER")
	_ = os.Getenv("JWT_TTL")
	_ = os.Getenv("CSRF_SECRET")
	_ = os.Getenv("SESSION_SECRET")
	_ = os.Getenv("WEBHOOK_HMAC_SECRET")
	_ = os.Getenv("PAYMENTS_SIGNING_KEY")
	_ = os.Getenv("JWT_PUBLIC_KEY")
	_ = os.Getenv("JWT_SECRET_FILE")
	// Defining a flag is not reading a secret; its default is checked by
	// hardcoded-secret, and an empty default is fine.
	_ = flag.String("jwt-secret", "", "JWT signing secret")
	_ = os.Getenv("PORT")
	_ = os.Setenv("JWT_SECRET", secret)
	_ = viper.BindEnv("jwt.secret", "JWT_SECRET")
	_ = viper.IsSet("jwt.secret")
	_ = gc.GetString("jwt_secret")
	_ = r.Header.Get("X-JWT-Secret")
}
