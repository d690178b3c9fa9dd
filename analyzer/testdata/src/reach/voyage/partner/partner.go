// Package partner signs its calls to an airline with a secret its
// settings hold, in a struct nested in another: the secret's field is a
// key here, and a loader of another package that fills it reads a key.
package partner

import jose "github.com/go-jose/go-jose/v4" // want `import of JWT library`

// Settings configure the partners.
type Settings struct {
	Airline AirlineSettings `mapstructure:"airline"`
}

// AirlineSettings configure the airline connection.
type AirlineSettings struct {
	BaseURL      string `mapstructure:"base_url"`
	SharedSecret string `mapstructure:"shared_secret"` // want SharedSecret:`holds\(\) key\(jose.SigningKey.Key\)`
}

// NewAirlineClient signs with the shared secret.
func NewAirlineClient(s AirlineSettings) (jose.Signer, error) {
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte(s.SharedSecret)}, nil) // want `call of jose.NewSigner`
}
