// Package envcfg loads its settings into a variable of an unexported
// struct type (getfider/fider's app/pkg/env): other packages read its
// exported fields through the variable.
package envcfg

import "github.com/caarlos0/env/v11"

type settings struct {
	Material string `env:"MATERIAL"` // want Material:`holds\(read\(MATERIAL\)\)`
	Port     string `env:"PORT"`     // want Port:`holds\(read\(PORT\)\)`
}

// Current is the loaded configuration.
var Current settings

// Load reads the environment.
func Load() { _ = env.Parse(&Current) }
