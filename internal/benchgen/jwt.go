package main

// tokens writes tokens.go, the direct form: the package imports the JWT
// library and calls it. planted() counts its findings: the import, and calls
// of ParseWithClaims, NewNumericDate, NewWithClaims, SignedString, Parse and
// (jwt.Claims).GetSubject.
func (p *pkg) tokens() string {
	return p.r(`package XPKGX

// Token handling written before the auth module existed.

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"XMODX/internal/auth"
)

type legacyClaims struct {
	jwt.RegisteredClaims
	Scope  string ` + "`json:\"scope\"`" + `
	Tenant int64  ` + "`json:\"tenant\"`" + `
}

func bearer(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Bearer ") {
		return "", errors.New("XPKGX: no bearer token")
	}
	return strings.TrimPrefix(h, "Bearer "), nil
}

func parseLegacy(r *http.Request, key []byte) (*legacyClaims, error) {
	raw, err := bearer(r)
	if err != nil {
		return nil, err
	}
	claims := &legacyClaims{}
	tok, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (interface{}, error) {
		return key, nil
	})
	if err != nil {
		return nil, fmt.Errorf("XPKGX: parse token: %w", err)
	}
	if !tok.Valid {
		return nil, errors.New("XPKGX: invalid token")
	}
	if claims.Scope != "XDOMX" {
		return nil, fmt.Errorf("XPKGX: token scope %q", claims.Scope)
	}
	return claims, nil
}

func issueLegacy(sub string, tenant int64, key []byte, ttl time.Duration) (string, error) {
	claims := legacyClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   sub,
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl)),
		},
		Scope:  "XDOMX",
		Tenant: tenant,
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

func peekSubject(raw string, key []byte) (string, error) {
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return key, nil })
	if err != nil {
		return "", err
	}
	return tok.Claims.GetSubject()
}

// LegacyTenant reads the tenant of a request signed the old way.
func LegacyTenant(r *http.Request) (int64, error) {
	c, err := parseLegacy(r, auth.Key())
	if err != nil {
		return 0, err
	}
	return c.Tenant, nil
}

// LegacyToken issues a token the old clients still expect.
func LegacyToken(sub string, tenant int64) (string, error) {
	return issueLegacy(sub, tenant, auth.Key(), 15*time.Minute)
}

// LegacySubject returns the subject of a raw token.
func LegacySubject(raw string) (string, error) {
	return peekSubject(raw, auth.Key())
}
`)
}

// session writes session.go with the package's other JWT forms, in a file
// that imports no JWT library.
func (p *pkg) session() string {
	var s src
	s.l(p.r(`package XPKGX

// Sessions of the XLOWX API.

import (
	"context"
	"errors"
	"net/http"`))
	if p.jwt&formEnv != 0 {
		s.l("\t\"os\"")
	}
	s.l(p.r(`	"strings"
	"time"

	"XMODX/internal/auth"
)

var errSessionFresh = errors.New("XPKGX: session still fresh")

// Protect lets only authenticated requests reach h: the auth module's
// API, which the rules allow everywhere.
func Protect(h http.Handler) http.Handler { return auth.Middleware(h) }

// Subject returns the caller of a request, validated by the auth module.
func Subject(r *http.Request) (string, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	c, err := auth.ValidateToken(raw)
	if err != nil {
		return "", err
	}
	return c.Subject, nil
}

// StartSession issues a session token through the auth module.
func StartSession(ctx context.Context, user string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return auth.IssueToken(user, "XLOWX-user")
}`))
	if p.jwt&formForeign != 0 {
		// (jwt.RegisteredClaims).GetExpirationTime, (*jwt.Token).SignedString,
		// (jwt.SigningMethod).Alg: library methods on values of the auth
		// package.
		s.l(p.r(`
// Refresh re-signs a session that is about to expire.
func Refresh(ctx context.Context, c *auth.Claims) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	exp, err := c.GetExpirationTime()
	if err != nil {
		return "", err
	}
	if exp != nil && time.Until(exp.Time) > 10*time.Minute {
		return "", errSessionFresh
	}
	tok := auth.Issue(c.Subject, c.Role)
	return tok.SignedString(auth.Key())
}

// Algorithm names the signing algorithm of sessions, for the API's
// discovery document.
func Algorithm() string { return auth.Method().Alg() }`))
	} else {
		s.l(p.r(`
// Refresh issues a new session for c.
func Refresh(ctx context.Context, c *auth.Claims) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if c.ExpiresAt != nil && time.Until(c.ExpiresAt.Time) > 10*time.Minute {
		return "", errSessionFresh
	}
	return auth.IssueToken(c.Subject, c.Role)
}`))
	}
	if p.jwt&formHardcoded != 0 {
		// jwtSecret = "..." and (*jwt.Token).SignedString.
		s.l(p.r(`
// jwtSecret signs tokens of the local development setup.
const jwtSecret = "XPKGX-dev-secret-change-me"

// DevToken issues a token for local runs.
func DevToken(user string) (string, error) {
	return auth.Issue(user, "dev").SignedString([]byte(jwtSecret))
}`))
	}
	if p.jwt&formEnv != 0 {
		// os.Getenv("JWT_SECRET").
		s.l(p.r(`
// signingSecret is read here for the token checks of the batch jobs.
var signingSecret = os.Getenv("JWT_SECRET")

// HasSecret reports whether the batch jobs can check tokens.
func HasSecret() bool { return signingSecret != "" }`))
	}
	return s.String()
}
