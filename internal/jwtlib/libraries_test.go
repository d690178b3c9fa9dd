package jwtlib

import (
	"testing"
)

func TestLibraryMatcher(t *testing.T) {
	m := NewMatcher([]string{"example.com/acmejwt/...", "example.com/tokens/"})
	for path, want := range map[string]string{
		"github.com/golang-jwt/jwt":                            "github.com/golang-jwt/jwt",
		"github.com/golang-jwt/jwt/v5":                         "github.com/golang-jwt/jwt",
		"github.com/golang-jwt/jwt/v5/request":                 "github.com/golang-jwt/jwt",
		"example.com/app/vendor/github.com/golang-jwt/jwt/v5":  "github.com/golang-jwt/jwt",
		"vendor/github.com/golang-jwt/jwt/v5":                  "github.com/golang-jwt/jwt",
		"gopkg.in/square/go-jose.v2/jwt":                       "gopkg.in/square/go-jose.v2",
		"example.com/acmejwt":                                  "example.com/acmejwt",
		"example.com/acmejwt/hs":                               "example.com/acmejwt",
		"example.com/tokens":                                   "example.com/tokens",
		"github.com/golang-jwt/jwtx":                           "",
		"example.com/acmejwtx":                                 "",
		"example.com/app/pkg/jwt":                              "",
		"github.com/go-jose/go-jose/v4/jwt":                    "github.com/go-jose/go-jose",
		"github.com/kataras/iris/v12/middleware/jwt":           "github.com/kataras/iris/v12/middleware/jwt",
		"github.com/kataras/iris/v12/middleware/accesslog":     "",
		"github.com/gofiber/contrib/v3/jwt":                    "github.com/gofiber/contrib/v3/jwt",
		"github.com/gofiber/contrib/v3/websocket":              "",
		"golang.org/x/oauth2/jwt":                              "golang.org/x/oauth2/jwt",
		"golang.org/x/oauth2/google":                           "",
		"github.com/lestrrat-go/jwx/v2/jwk":                    "github.com/lestrrat-go/jwx",
		"github.com/lestrrat-go/jwx-extras":                    "",
		"github.com/dgrijalva/jwt-go/v4":                       "github.com/dgrijalva/jwt-go",
		"github.com/auth0/go-jwt-middleware/v2/validator":      "github.com/auth0/go-jwt-middleware",
		"github.com/MicahParks/keyfunc/v3":                     "github.com/MicahParks/keyfunc",
		"github.com/coreos/go-oidc/v3/oidc":                    "github.com/coreos/go-oidc",
		"example.com/app/vendor/example.com/acmejwt/internal/": "example.com/acmejwt",
	} {
		if got := m.Match(path); got != want {
			t.Errorf("match(%q) = %q, want %q", path, got, want)
		}
	}
}
