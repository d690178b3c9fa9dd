// Package multiuse signs with a field that two loaders of another package
// fill: the finding names both.
package multiuse

import (
	"reach/auth"
	"reach/realcode/multicfg"
)

// Start signs.
func Start() *auth.Issuer {
	return auth.New(multicfg.Current.Key) // want `JWT secret key read into field Key by toml.Decode at reach/realcode/multicfg/cfg.go:22 \(held by multicfg.Config.Key\) \(also key read into field Key by json.Unmarshal at reach/realcode/multicfg/cfg.go:25\) outside`
}
