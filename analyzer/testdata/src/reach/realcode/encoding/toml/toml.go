// Package toml re-exports BurntSushi/toml's Unmarshal.
package toml

import "github.com/BurntSushi/toml"

var Unmarshal = toml.Unmarshal // want Unmarshal:`source\(github.com/BurntSushi/toml.Unmarshal\)`
