// Package handlers is outside the auth packages and uses a JWT library.
// Every example of issue 10 is here, with its verdict.
package handlers

import (
	"context"
	"os"

	"github.com/caarlos0/env/v11"
	"github.com/golang-jwt/jwt/v5" // want `import of JWT library`
	"github.com/kelseyhightower/envconfig"
	envcfg "github.com/sethvargo/go-envconfig"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"flowcases/auth"
	"flowcases/devcfg"
	"flowcases/keeper"
	"flowcases/settings"
)

// Constants and variables of another package, used as keys: reported here,
// with where they are declared.
func foreignValues(t *jwt.Token) {
	_, _ = t.SignedString([]byte(devcfg.DevKey))    // want `call of \(\*jwt.Token\).SignedString` `hardcoded JWT secret "de"… \(19 characters\) from devcfg.DevKey \(flowcases/devcfg/devcfg.go:8\) used as the key of \(\*jwt.Token\).SignedString`
	_, _ = t.SignedString(devcfg.Material)          // want `call of \(\*jwt.Token\).SignedString` `hardcoded JWT secret "ma"… \(17 characters\) from devcfg.Material \(flowcases/devcfg/devcfg.go:11\) used as the key`
	_, _ = t.SignedString([]byte(devcfg.JWTSecret)) // want `call of \(\*jwt.Token\).SignedString`
	_, _ = t.SignedString([]byte(devcfg.Port))      // want `call of \(\*jwt.Token\).SignedString` `from devcfg.Port`
}

// The auth module's helpers forward keys and keyfuncs to the library.
func throughAuth(c jwt.Claims, raw string) {
	_, _ = auth.SignWith(c, []byte("forwarded-key-0001")) // want `hardcoded JWT secret "fo"… \(18 characters\) used as the key of \(\*jwt.Token\).SignedString through auth.SignWith`
	_, _ = auth.ParseWith(raw, func(*jwt.Token) (interface{}, error) {
		return []byte("keyfunc-literal-01"), nil // want `returned as the key by the keyfunc of jwt.Parse through auth.ParseWith`
	})
	_, _ = auth.VerifyWith(raw, func(kid string) ([]byte, error) {
		return []byte("lookup-literal-001"), nil // want `through auth.VerifyWith`
	})
	_, _ = auth.SignWith(c, auth.Secret()) // the auth module's own secret: nothing here
}

// A helper of another package that reads a setting by its parameter.
func readsThroughHelpers() {
	_ = settings.Setting("PARTNER_JWT_SECRET")                                    // want `JWT secret PARTNER_JWT_SECRET read with settings.Setting outside the auth packages`
	_ = settings.Setting("PORT")                                                  // not a secret
	_ = settings.Required("JWT_SECRET", "HS256 signing secret for access tokens") // want `JWT secret JWT_SECRET read with settings.Required`
	_ = settings.Or("APP_JWT_SECRET", "or-default-secret")                        // want `JWT secret APP_JWT_SECRET read with settings.Or` `hardcoded JWT secret "or"… \(17 characters\) as the fallback for APP_JWT_SECRET`
}

// keysByID's values are the keys a keyfunc looks up.
var keysByID = map[string][]byte{
	"k1": []byte("map-value-key-0001"), // want `returned as the key by the keyfunc of jwt.Parse`
	"k2": []byte("map-value-key-0002"), // want `returned as the key by the keyfunc of jwt.Parse`
}

func mapKeyfunc(raw string) {
	_, _ = jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { // want `call of jwt.Parse`
		kid, _ := t.Claims.GetIssuer() // want `call of \(jwt.Claims\).GetIssuer`
		if k, ok := keysByID[kid]; ok {
			return k, nil
		}
		return nil, nil
	})
}

// A range over literal secrets registers keys.
func register(sign func([]byte)) {
	for _, k := range [][]byte{[]byte("ranged-key-000001"), []byte("ranged-key-000002")} { // want `hardcoded JWT secret "ra"… \(17 characters\) used as the key` `hardcoded JWT secret "ra"… \(17 characters\) used as the key`
		var t jwt.Token
		_, _ = t.SignedString(k) // want `call of \(\*jwt.Token\).SignedString`
	}
	named := map[string]string{"a": "range-map-value-01"} // want `hardcoded JWT secret "ra"… \(18 characters\) used as the key`
	for _, v := range named {
		var t jwt.Token
		_, _ = t.SignedString([]byte(v)) // want `call of \(\*jwt.Token\).SignedString`
	}
}

// Public keys are not secrets.
const pubPEM = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n"

const jwks = `{"keys":[{"kty":"RSA","kid":"k1","n":"0vx7agoebGcQSuu","e":"AQAB"}]}`

func publicKeys() {
	_, _ = jwt.ParseECPublicKeyFromPEM([]byte(pubPEM))          // want `call of jwt.ParseECPublicKeyFromPEM`
	_, _ = jwt.ParseRSAPublicKeyFromPEM([]byte("public-bytes")) // want `call of jwt.ParseRSAPublicKeyFromPEM`
	var t jwt.Token
	_, _ = t.SignedString([]byte(jwks))                                  // want `call of \(\*jwt.Token\).SignedString`
	_, _ = jwt.ParseRSAPrivateKeyFromPEM([]byte("private-key-bytes-01")) // want `call of jwt.ParseRSAPrivateKeyFromPEM` `hardcoded JWT secret "pr"… \(20 characters\) used as the key of jwt.ParseRSAPrivateKeyFromPEM`
}

// A setting's name is not its value, in any case style.
const jwtSecretKey = "jwt_secret"

func settingNames(flags *pflag.FlagSet) {
	_ = viper.GetString(jwtSecretKey)                             // want `JWT secret jwt_secret read with viper.GetString`
	_ = viper.BindPFlag("jwt.secret", flags.Lookup("jwt-secret")) // a flag's definition is looked up, nothing is read
	_, _ = flags.GetString("jwt-secret")                          // want `JWT secret jwt-secret read with \(\*pflag.FlagSet\).GetString`
}

// A value that spells its constant's name, or its name minus the last
// word, is what the constant is the key of (navidrome: the id of the row
// that holds the secret), not key material: it is a secret only if it
// reaches a key.
const (
	JWTSecretKey    = "JWTSecret"
	JWTSecret       = "JWTSecret"
	JWT_SIGNING_KEY = "jwt_signing_key"
)

// Placeholders written over a secret to hide it are not secrets.
type exported struct {
	AccessSecret string
	SigningKey   string
	Password     string
}

const ObfuscationString = "REDACTED"

func mask(key exported, configWarnings map[string]string) exported {
	key.AccessSecret = "***"
	key.Password = "***"
	key.SigningKey = ObfuscationString
	configWarnings["console.signing_key"] = "Insecure default parameter value, change this for production!"
	return key
}

// Struct-tag loaders read the secrets their fields name.
type Config struct {
	JWTSecret string `env:"JWT_SECRET"` // want JWTSecret:`holds\(read\(JWT_SECRET\), read\(JWT_SECRET\)\)`
	Port      string `env:"PORT"`       // want Port:`holds\(read\(PORT\), read\(PORT\)\)`
}

type EnvconfigSpec struct {
	JWTSigningKey string `envconfig:"JWT_SIGNING_KEY"` // want JWTSigningKey:`holds\(read\(JWT_SIGNING_KEY\)\)`
}

type Plain struct {
	Port string `env:"PORT"` // want Port:`holds\(read\(PORT\)\)`
}

func loaders() {
	var cfg Config
	_ = env.Parse(&cfg) // want `JWT secret JWT_SECRET read into field JWTSecret by env.Parse outside the auth packages`
	var spec EnvconfigSpec
	_ = envconfig.Process("app", &spec)            // want `JWT secret JWT_SIGNING_KEY read into field JWTSigningKey by envconfig.Process`
	_ = envcfg.Process(context.Background(), &cfg) // want `JWT secret JWT_SECRET read into field JWTSecret by envconfig.Process`
	var plain Plain
	_ = env.Parse(&plain)       // no secret field
	_ = os.Getenv("JWT_SECRET") // want `JWT secret JWT_SECRET read with os.Getenv`
}

// A generic type's field holds what its constructor stores, whatever the
// instance: the key stored by newGenericSigner is the one Sign uses.
type genericSigner[C jwt.Claims] struct{ key []byte }

func newGenericSigner[C jwt.Claims]() *genericSigner[C] {
	return &genericSigner[C]{key: []byte("generic-field-key-01")} // want `hardcoded JWT secret "ge"… \(20 characters\) used as the key of \(\*jwt.Token\).SignedString`
}

func (g *genericSigner[C]) Sign(c C) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(g.key) // want `call of jwt.NewWithClaims` `call of \(\*jwt.Token\).SignedString`
}

// A mask written over a key in a copy shown to users is no secret, though
// the field's values all reach the key; a real literal in the field is.
type keyConfig struct{ Key string }

func maskedForDisplay(c keyConfig) keyConfig {
	c.Key = "********"
	return c
}

func redactedForLog(c keyConfig) keyConfig {
	c.Key = "[REDACTED]"
	return c
}

var devKeyConfig = keyConfig{Key: "dev-field-key-0001"} // want `hardcoded JWT secret "de"… \(18 characters\) used as the key of \(\*jwt.Token\).SignedString`

func signWithConfig(t *jwt.Token, c keyConfig) (string, error) {
	return t.SignedString([]byte(c.Key)) // want `call of \(\*jwt.Token\).SignedString`
}

// A key given to another package's constructor, which keeps it in a field
// that a method signs with.
func keptKey() *keeper.Service {
	return keeper.New("kept-by-keeper-0001") // want `hardcoded JWT secret "ke"… \(19 characters\) used as the key`
}
