// Package legacy is excluded by the config's exclude glob legacy/**.
package legacy

import "github.com/golang-jwt/jwt/v5"

var jwtSecret = "legacy-secret"

func Parse(raw string) (*jwt.Token, error) { return jwt.Parse(raw, nil) }
