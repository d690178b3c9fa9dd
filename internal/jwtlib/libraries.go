// Package jwtlib is what jwtssot knows about JWT libraries: which import
// paths are JWT libraries, and which of their parameters and fields take key
// material. It is data that the analyzer, the configuration's validation and
// docs/libraries.md share.
package jwtlib

import (
	"slices"
	"strings"
)

// A Library is a module path (or package path) whose packages implement JWT
// operations. Every package at or below Path counts: "github.com/golang-jwt/jwt"
// covers v3 at the root, ".../jwt/v4", ".../jwt/v5" and ".../jwt/v5/request".
type Library struct {
	Path string
	// Note says what the library is, for docs/libraries.md.
	Note string
}

// builtin are the JWT libraries jwtssot knows without configuration. The
// `libraries` setting adds to them. docs/libraries.md is generated from this
// table.
var builtin = []Library{
	// Token libraries.
	{"github.com/golang-jwt/jwt", "golang-jwt: v3 at the root, v4, v5 and their request packages"},
	{"github.com/dgrijalva/jwt-go", "the archived original of golang-jwt (root and v4)"},
	{"github.com/form3tech-oss/jwt-go", "a fork of dgrijalva/jwt-go"},
	{"github.com/lestrrat-go/jwx", "jwx v1 at the root, v2 and v3: jwt, jws, jwk, jwe, jwa"},
	{"github.com/lestrrat/go-jwx", "the pre-2018 import path of jwx"},
	{"gopkg.in/square/go-jose.v2", "go-jose v2 and its jwt package"},
	{"gopkg.in/go-jose/go-jose.v2", "go-jose v2 under its gopkg.in path"},
	{"github.com/square/go-jose", "go-jose before it moved to github.com/go-jose"},
	{"github.com/go-jose/go-jose", "go-jose v3 and v4 and their jwt packages"},
	{"github.com/cristalhq/jwt", "cristalhq/jwt v3, v4, v5"},
	{"github.com/kataras/jwt", "kataras/jwt"},
	{"github.com/gbrlsnchs/jwt", "gbrlsnchs/jwt (root and v3)"},
	{"github.com/pascaldekloe/jwt", "pascaldekloe/jwt"},
	{"golang.org/x/oauth2/jws", "the JWS helpers of x/oauth2"},
	{"golang.org/x/oauth2/jwt", "the JWT bearer-token flow of x/oauth2 (signs JWT assertions)"},
	{"github.com/dvsekhvalnov/jose2go", "jose2go: JWT, JWS, JWE"},
	{"github.com/SermoDigital/jose", "SermoDigital/jose: JWT and JWS"},
	{"github.com/robbert229/jwt", "robbert229/jwt"},
	{"github.com/brianvoe/sjwt", "sjwt: simple JWT"},
	// Middleware and verifiers that parse or sign JWTs for the caller.
	{"github.com/appleboy/gin-jwt", "gin-jwt middleware (root and v2)"},
	{"github.com/hertz-contrib/jwt", "the Hertz port of gin-jwt"},
	{"github.com/gofiber/contrib/jwt", "Fiber v2 JWT middleware"},
	{"github.com/gofiber/contrib/v3/jwt", "Fiber v3 JWT middleware"},
	{"github.com/gofiber/jwt", "the older Fiber JWT middleware (v2, v3)"},
	{"github.com/labstack/echo-jwt", "Echo JWT middleware (v4)"},
	{"github.com/auth0/go-jwt-middleware", "Auth0 JWT middleware (root and v2: validator, jwks)"},
	{"github.com/go-chi/jwtauth", "chi JWT middleware (root and v5)"},
	{"github.com/MicahParks/keyfunc", "JWKS keyfunc for golang-jwt (root, v2, v3)"},
	{"github.com/MicahParks/jwkset", "JWK Set storage and HTTP client, the JWKS half of keyfunc v3"},
	{"github.com/coreos/go-oidc", "OpenID Connect ID-token verification (root and v3)"},
	{"github.com/iris-contrib/middleware/jwt", "Iris JWT middleware (contrib)"},
	{"github.com/kataras/iris/v12/middleware/jwt", "Iris JWT middleware (built in)"},
	{"github.com/go-kit/kit/auth/jwt", "go-kit JWT endpoint middleware"},
}

// Builtin returns the built-in libraries, in docs order. The slice is the
// caller's.
func Builtin() []Library { return slices.Clone(builtin) }

// Matcher matches package paths against JWT library paths.
type Matcher struct {
	paths []string
}

// NewMatcher matches the built-in libraries and the extra import-path
// prefixes of the libraries setting (a trailing "/..." or "/" is dropped).
func NewMatcher(extra []string) *Matcher {
	m := &Matcher{paths: make([]string, 0, len(builtin)+len(extra))}
	for _, lib := range builtin {
		m.paths = append(m.paths, lib.Path)
	}
	for _, p := range extra {
		m.paths = append(m.paths, strings.TrimSuffix(strings.TrimSuffix(p, "/..."), "/"))
	}
	return m
}

// Match reports the library path that pkgPath belongs to, or "".
func (m *Matcher) Match(pkgPath string) string {
	pkgPath = stripVendor(pkgPath)
	for _, lib := range m.paths {
		if pkgPath == lib || strings.HasPrefix(pkgPath, lib) && pkgPath[len(lib)] == '/' {
			return lib
		}
	}
	return ""
}

// stripVendor turns "example.com/app/vendor/github.com/golang-jwt/jwt/v5"
// (GOPATH-style vendoring) into "github.com/golang-jwt/jwt/v5".
func stripVendor(pkgPath string) string {
	if i := strings.LastIndex(pkgPath, "/vendor/"); i >= 0 {
		return pkgPath[i+len("/vendor/"):]
	}
	return strings.TrimPrefix(pkgPath, "vendor/")
}
