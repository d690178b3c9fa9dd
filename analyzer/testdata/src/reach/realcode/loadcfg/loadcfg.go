// Package loadcfg exports a loader wrapper: its callers' structs are
// filled.
package loadcfg

import "github.com/spf13/viper"

// Into decodes the configuration into out.
func Into(out any) error { return viper.Unmarshal(out) } // want Into:`fills\(0 viper.Unmarshal\)`
