// Package config reads and holds settings for the rest of the module,
// outside the auth module.
package config

import "os"

// Secret returns the signing material, read under a neutral name.
func Secret() string { return os.Getenv("SECRET") } // want Secret:`returns\[value\]\(read\(SECRET\)\)`

// Get reads any setting.
func Get(key string) string { return os.Getenv(key) } // want Get:`reads\(0\) returns\[value\]\(readparam\(0\)\)`

// Config holds settings: Key becomes a JWT key in another package.
type Config struct {
	Key  string // want Key:`holds\("tr"… \(20 characters\)\)`
	Port string // want Port:`holds\(of 4 characters\)`
}

// Default is set here and used as a key elsewhere.
var Default = Config{Key: "travelling-field-key", Port: "8080"}

// Token is a package variable used as a key elsewhere.
var Token = "travelling-var-key" // want Token:`holds\("tr"… \(18 characters\)\)`

// Env holds what is read from the environment.
type Env struct {
	Key string // want Key:`holds\(read\(SIGNING_MATERIAL\)\)`
}

// Loaded is filled from the environment here and used elsewhere.
var Loaded = Env{Key: os.Getenv("SIGNING_MATERIAL")}
