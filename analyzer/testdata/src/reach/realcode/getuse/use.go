// Package getuse loads another package's configuration and signs with
// what its getters return: the loader's call reads the keys.
package getuse

import (
	"github.com/caarlos0/env/v11"
	echojwt "github.com/labstack/echo-jwt/v4" // want `import of JWT library`

	"reach/auth"
	"reach/realcode/getcfg"
)

// Start loads and signs.
func Start() (*auth.Issuer, echojwt.Config) {
	var a getcfg.Auth
	_ = env.Parse(&a) // want `JWT secret APP_KEY read into field AppKey by env.Parse outside`
	return auth.New(string(a.Key())), echojwt.Config{SigningKeys: a.SigningKeys("2025")}
}

// Keys loads and verifies with the keys by key id.
func Keys() echojwt.Config {
	var r getcfg.Ring
	_ = env.Parse(&r) // want `JWT secret RING_PREVIOUS read into field Previous by env.Parse outside .* is used as a key of echojwt.Config.SigningKeys`
	return echojwt.Config{SigningKeys: r.ByKid()}
}
