// Package names binds literals to secret-looking names, flags and env
// fallbacks, without passing them to a library: still hardcoded secrets.
package names

import (
	"flag"
	"os"

	"github.com/alecthomas/kingpin/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"github.com/urfave/cli/v2"
)

const jwtSecret = "name-bound-const" // want `^hardcoded JWT secret "na"… \(16 characters\) assigned to jwtSecret; load it`

var JWT_SIGNING_KEY = []byte("name-bound-var") // want `assigned to JWT_SIGNING_KEY` JWT_SIGNING_KEY:`reported`

type Config struct {
	JWTSecret string
	Port      string // want Port:`holds\(of 4 characters\)`
}

func locals(cfg *Config, settings map[string]string) {
	hmacKey := "local-hmac-key" // hmac is a signing word: not a JWT secret in a package that uses no JWT library
	_ = hmacKey
	cfg.JWTSecret = "field-assign-secret"                                // want `assigned to field JWTSecret`
	_ = Config{JWTSecret: "composite-field", Port: "8080"}               // want `assigned to field JWTSecret`
	_ = map[string]string{"jwt_secret": "map-key-value", "port": "8080"} // want `stored under "jwt_secret"`
	settings["jwt_secret"] = "map-index-value"                           // want `stored under "jwt_secret"`
}

func jwtSecretValue() string {
	return "func-returned-secret" // want `returned by jwtSecretValue`
}

func flags() {
	_ = flag.String("jwt-secret", "flag-default-secret", "JWT signing secret") // want `as the default of flag -jwt-secret`
	var s string
	flag.StringVar(&s, "jwt-secret", "flagvar-default", "JWT signing secret")                             // want `as the default of flag -jwt-secret`
	_ = pflag.StringP("jwt-key", "k", "pflag-default", "usage")                                           // want `as the default of flag -jwt-key`
	_ = &cli.StringFlag{Name: "jwt-secret", Value: "cli-default-secret", EnvVars: []string{"JWT_SECRET"}} // want `as the default of jwt-secret`
	_ = kingpin.Flag("jwt-secret", "help").Envar("JWT_SECRET").Default("kingpin-default").String()        // want `as the default of jwt-secret`
}

func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envFallbacks() {
	s := os.Getenv("JWT_SECRET")
	if s == "" {
		s = "env-fallback-secret" // want `as the fallback for JWT_SECRET`
	}
	_ = s
	_ = getenv("JWT_SECRET", "helper-default")      // want `as the fallback for JWT_SECRET`
	viper.SetDefault("jwt.secret", "viper-default") // want `as the value of jwt.secret`
	_ = os.Setenv("JWT_SECRET", "setenv-value")     // want `as the value of JWT_SECRET`
	v, ok := os.LookupEnv("JWT_SIGNING_KEY")
	if !ok {
		v = "lookup-fallback" // want `as the fallback for JWT_SIGNING_KEY`
	}
	_ = v
}

type EnvConfig struct {
	JWTSecret string `env:"JWT_SECRET" envDefault:"tag-default"`          // want `as the struct-tag default of JWTSecret`
	Secret    string `envconfig:"JWT_SECRET" default:"envconfig-default"` // want `as the struct-tag default of Secret`
	Key       string `env:"JWT_SECRET, default=sethvargo-default"`        // want `as the struct-tag default of Key`
	Issuer    string `env:"JWT_ISSUER" envDefault:"my-app"`               // want Issuer:`holds\(of 6 characters\)`
	Port      string `env:"PORT" envDefault:"8080"`                       // want Port:`holds\(of 4 characters\)`
	APIKey    string `env:"API_KEY" envDefault:"not-a-jwt-secret"`        // want APIKey:`holds\("no"… \(16 characters\)\)`
}
