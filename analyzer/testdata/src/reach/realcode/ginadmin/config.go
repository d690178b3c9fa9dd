// Package ginadmin parses its configuration with the application's
// re-exported decoders, and signs with a key whose name says nothing.
package ginadmin

import (
	"reach/auth"
	"reach/realcode/encoding/json"
	"reach/realcode/encoding/toml"
)

type Config struct {
	Middleware struct {
		Auth struct {
			SigningKey string `json:"signing_key" toml:"signing_key"` // want SigningKey:`holds\(read\(signing_key\), read\(signing_key\), read\(signing_key\)\) key\(\(\*jwt.Token\).SignedString\)`
		}
	}
	Name string // want Name:`holds\(read\(Name\), read\(Name\), read\(Name\)\)`
}

func parse(data []byte, isTOML bool) (*Config, error) {
	c := new(Config)
	if isTOML {
		return c, toml.Unmarshal(data, c) // want `JWT secret signing_key read into field Middleware.Auth.SigningKey by toml.Unmarshal outside`
	}
	return c, json.Unmarshal(data, c) // want `JWT secret signing_key read into field Middleware.Auth.SigningKey by json.Unmarshal outside`
}

// Start signs with the parsed key.
func Start(data []byte) {
	c, _ := parse(data, false)
	_ = auth.New(c.Middleware.Auth.SigningKey)
	_ = decode(data, c) // want `JWT secret signing_key read into field Middleware.Auth.SigningKey by ginadmin.decode outside`
}

// decode is declared after its use: the walk meets the call first.
var decode = toml.Unmarshal
