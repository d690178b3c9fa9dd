// Package server loads its settings through another package's loader
// wrapper and signs with one of them.
package server

import (
	"reach/auth"
	"reach/realcode/loadcfg"
)

type settings struct {
	Listen  string `mapstructure:"listen"`
	Signing string `mapstructure:"signing"`
}

// Start loads and signs.
func Start() {
	var s settings
	_ = loadcfg.Into(&s) // want `JWT secret signing read into field Signing by viper.Unmarshal outside`
	_ = auth.New(s.Signing)
}
