// Package api signs with the neutrally named field of a config whose
// loader call was reported, in its package, for another field.
package api

import (
	"reach/auth"
	"reach/clinic/settings"
)

// Start signs with the loaded material.
func Start() *auth.Issuer {
	cfg, err := settings.Load()
	if err != nil {
		return nil
	}
	_ = auth.New(cfg.JWTSecret)   // TRAP: reported where it is read, by its name
	return auth.New(cfg.Material) // want `JWT secret MATERIAL read into field Material by env.Parse at reach/clinic/settings/settings.go:33 \(held by settings.Config.Material\) outside`
}
