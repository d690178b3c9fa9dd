// Package settings returns a setting with an error, and loads a config
// whose secret-named field is reported here while its neutrally named
// fields are reported where they meet a key.
package settings

import (
	"errors"
	"os"

	"github.com/caarlos0/env/v11"
)

// Key returns the token key, or an error when it is unset.
func Key() (string, error) { // want Key:`returns\[value\]\(read\(TOKEN_KEY\)\)`
	v, ok := os.LookupEnv("TOKEN_KEY")
	if !ok {
		return "", errors.New("TOKEN_KEY unset")
	}
	return v, nil
}

// Config is loaded by Load.
type Config struct {
	JWTSecret string `env:"JWT_SECRET"` // want JWTSecret:`holds\(read\(JWT_SECRET\)\)`
	Material  string `env:"MATERIAL"`   // want Material:`holds\(read\(MATERIAL\)\)`
	Port      string `env:"PORT"`       // want Port:`holds\(read\(PORT\)\)`
}

// Load reads the environment. Its JWT_SECRET field gives the read away
// here; MATERIAL says nothing, and is reported where it becomes a key.
func Load() (*Config, error) {
	var c Config
	if err := env.Parse(&c); err != nil { // want `JWT secret JWT_SECRET read into field JWTSecret by env.Parse outside`
		return nil, err
	}
	return &c, nil
}
