// Package tests is analyzed with tests: true, so its _test.go files are
// reported like any other file.
package tests

import "github.com/golang-jwt/jwt/v5" // want `^import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages \(variants/auth\)`

var _ = jwt.SigningMethodHS256
