//go:build ignore

// Migration recipes for the demo: each pair rewrites a call of the JWT
// library outside the auth module into a call of the auth module's API.
// jwtssot -fix applies them (see docs/migration.md); //go:build ignore keeps
// the file out of the build.
package recipes

import (
	"example.com/demo/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

// A token parsed with the library and a keyfunc of its own is parsed by
// the auth module, with the auth module's key and algorithms.
func beforeParse(raw string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(raw, kf) }
func afterParse(raw string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.ParseToken(raw) }

// A token's subject is read through the auth module.
func beforeSubject(c jwt.Claims) (string, error) { return c.GetSubject() }
func afterSubject(c jwt.Claims) (string, error)  { return auth.Subject(c) }

// A token is signed with the auth module's key, not one of the caller's.
func beforeSign(t *jwt.Token, key any) (string, error) { return t.SignedString(key) }
func afterSign(t *jwt.Token, key any) (string, error)  { return auth.SignToken(t) }
