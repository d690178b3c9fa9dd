// Package signer signs with a field of another package's unexported
// struct type.
package signer

import (
	"reach/auth"
	"reach/realcode/envcfg"
)

// New signs with the loaded material.
func New() *auth.Issuer {
	return auth.New(envcfg.Current.Material) // want `JWT secret MATERIAL read into field Material by env.Parse at reach/realcode/envcfg/envcfg.go:17 \(held by envcfg.settings.Material\) outside`
}
