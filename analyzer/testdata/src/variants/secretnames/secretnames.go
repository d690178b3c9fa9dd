// Package secretnames is analyzed with secret-names:
// ["(?i)^app_token_key$", "^appTokenKey$"]. It reaches no JWT library: the
// patterns name secrets wherever they are.
package secretnames

import "os"

const appTokenKey = "custom-named-secret" // want `^hardcoded JWT secret "cu"… \(19 characters\) assigned to appTokenKey`

var fromEnv = os.Getenv("APP_TOKEN_KEY") // want `^JWT secret APP_TOKEN_KEY read with os.Getenv outside the auth packages \(variants/auth\)`

// The patterns are anchored: these names do not match them.
const appTokenKeyName = "APP_TOKEN_KEY"

var other = os.Getenv("APP_TOKEN_KEY_FILE")

func use() string { return appTokenKey + fromEnv + appTokenKeyName + other }
