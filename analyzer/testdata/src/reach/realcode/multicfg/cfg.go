// Package multicfg fills its configuration with two loaders, one per file
// format (LyricTian/gin-admin's config.parse): the field holds both reads.
package multicfg

import (
	"encoding/json"

	"github.com/BurntSushi/toml"
)

// Config is the configuration.
type Config struct {
	Key string `json:"key" toml:"key"` // want Key:`holds\(read\(key\), read\(key\)\)`
}

// Current is the loaded configuration.
var Current Config

// Parse loads data in either format.
func Parse(data []byte, isTOML bool) error {
	if isTOML {
		_, err := toml.Decode(string(data), &Current)
		return err
	}
	return json.Unmarshal(data, &Current)
}
