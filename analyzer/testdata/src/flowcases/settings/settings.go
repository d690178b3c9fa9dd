// Package settings reads settings by name. It uses no JWT library: its
// helpers read whatever their parameter names, and the callers' constants
// decide whether that is a JWT secret.
package settings

import (
	"os"
	"strings"
)

// Setting reads any setting by its name.
func Setting(k string) string { // want Setting:`reads\(0\) returns\[value\]\(readparam\(0\)\)`
	v, _ := os.LookupEnv(k)
	return v
}

// Required reads a setting that must be set; desc says what it is for.
func Required(name, desc string) string { // want Required:`reads\(0\) returns\[value\]\(readparam\(0\)\)`
	v := os.Getenv(name)
	if v == "" {
		panic(name + " is required: " + desc)
	}
	return v
}

// Or reads a setting with a default.
func Or(name, def string) string { // want Or:`reads\(0\) returns\[value\]\(param\(1 value\) readparam\(0\)\)`
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// resolve expands ${NAME} and file: references, recursively: it must not
// make the analysis run forever (issue 10).
func resolve(v string, depth int) string {
	if depth > 5 {
		return v
	}
	if strings.HasPrefix(v, "${") {
		return resolve(os.Getenv(strings.Trim(v, "${}")), depth+1)
	}
	if strings.HasPrefix(v, "file:") {
		b, _ := os.ReadFile(v[5:])
		return resolve(string(b), depth+1)
	}
	return v
}

// jwtSecret is resolved from a reference, not a secret itself.
var jwtSecret = resolve("${APP_JWT}", 0)

var _ = jwtSecret
