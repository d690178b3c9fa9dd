package main

// The files every generated module has, whatever its size.

const goMod = `module example.com/mono

go 1.22

require github.com/golang-jwt/jwt/v5 v5.2.2

// A local stub with the library's real signatures: the module builds offline.
replace github.com/golang-jwt/jwt/v5 => ./third_party/jwt
`

const jwtssotYAML = `# All JWT code belongs in the auth module.
auth:
  - ./internal/auth/...
`

// golangciYAML enables only the jwtssot module plugin, which finds its
// settings in .jwtssot.yaml; it needs a golangci-lint built with the plugin
// (scripts/custom-gcl.sh). Every finding is kept, so that golangci-lint
// reports as many as jwtssot.
const golangciYAML = `version: "2"
linters:
  default: none
  enable: [jwtssot]
  settings:
    custom:
      jwtssot:
        type: module
        description: keeps every JWT operation in the auth module
        original-url: https://github.com/jwtssot/jwtssot
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`

const stubGoMod = `module github.com/golang-jwt/jwt/v5

go 1.22
`

// stubJWT is a stub of github.com/golang-jwt/jwt/v5 (after the analyzer's
// testdata stub) with the real signatures of what the generated code uses.
// It does no cryptography.
const stubJWT = `// Package jwt is a stub of github.com/golang-jwt/jwt/v5 for jwtssot's
// benchmarks: the real signatures, no cryptography.
package jwt

import (
	"errors"
	"time"
)

var (
	ErrTokenMalformed        = errors.New("token is malformed")
	ErrTokenExpired          = errors.New("token is expired")
	ErrTokenSignatureInvalid = errors.New("token signature is invalid")
)

type Claims interface {
	GetExpirationTime() (*NumericDate, error)
	GetIssuedAt() (*NumericDate, error)
	GetNotBefore() (*NumericDate, error)
	GetIssuer() (string, error)
	GetSubject() (string, error)
	GetAudience() (ClaimStrings, error)
}

type ClaimStrings []string

type NumericDate struct{ time.Time }

func NewNumericDate(t time.Time) *NumericDate { return &NumericDate{t.Truncate(time.Second)} }

type RegisteredClaims struct {
	Issuer    string       ` + "`json:\"iss,omitempty\"`" + `
	Subject   string       ` + "`json:\"sub,omitempty\"`" + `
	Audience  ClaimStrings ` + "`json:\"aud,omitempty\"`" + `
	ExpiresAt *NumericDate ` + "`json:\"exp,omitempty\"`" + `
	NotBefore *NumericDate ` + "`json:\"nbf,omitempty\"`" + `
	IssuedAt  *NumericDate ` + "`json:\"iat,omitempty\"`" + `
	ID        string       ` + "`json:\"jti,omitempty\"`" + `
}

func (c RegisteredClaims) GetExpirationTime() (*NumericDate, error) { return c.ExpiresAt, nil }
func (c RegisteredClaims) GetIssuedAt() (*NumericDate, error)       { return c.IssuedAt, nil }
func (c RegisteredClaims) GetNotBefore() (*NumericDate, error)      { return c.NotBefore, nil }
func (c RegisteredClaims) GetIssuer() (string, error)               { return c.Issuer, nil }
func (c RegisteredClaims) GetSubject() (string, error)              { return c.Subject, nil }
func (c RegisteredClaims) GetAudience() (ClaimStrings, error)       { return c.Audience, nil }

type MapClaims map[string]interface{}

func (m MapClaims) GetExpirationTime() (*NumericDate, error) { return nil, nil }
func (m MapClaims) GetIssuedAt() (*NumericDate, error)       { return nil, nil }
func (m MapClaims) GetNotBefore() (*NumericDate, error)      { return nil, nil }
func (m MapClaims) GetIssuer() (string, error)               { s, _ := m["iss"].(string); return s, nil }
func (m MapClaims) GetSubject() (string, error)              { s, _ := m["sub"].(string); return s, nil }
func (m MapClaims) GetAudience() (ClaimStrings, error)       { return nil, nil }

type SigningMethod interface {
	Verify(signingString string, sig []byte, key interface{}) error
	Sign(signingString string, key interface{}) ([]byte, error)
	Alg() string
}

type SigningMethodHMAC struct{ Name string }

func (m *SigningMethodHMAC) Alg() string { return m.Name }
func (m *SigningMethodHMAC) Verify(signingString string, sig []byte, key interface{}) error {
	return nil
}
func (m *SigningMethodHMAC) Sign(signingString string, key interface{}) ([]byte, error) {
	return []byte(signingString), nil
}

var (
	SigningMethodHS256 = &SigningMethodHMAC{"HS256"}
	SigningMethodHS384 = &SigningMethodHMAC{"HS384"}
	SigningMethodHS512 = &SigningMethodHMAC{"HS512"}
)

type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]interface{}
	Claims    Claims
	Signature []byte
	Valid     bool
}

type Keyfunc func(*Token) (interface{}, error)

type TokenOption func(*Token)

func New(method SigningMethod, opts ...TokenOption) *Token {
	return NewWithClaims(method, MapClaims{}, opts...)
}

func NewWithClaims(method SigningMethod, claims Claims, opts ...TokenOption) *Token {
	t := &Token{Method: method, Claims: claims, Header: map[string]interface{}{"typ": "JWT", "alg": method.Alg()}}
	for _, o := range opts {
		o(t)
	}
	return t
}

func (t *Token) SignedString(key interface{}) (string, error) {
	s, err := t.SigningString()
	if err != nil {
		return "", err
	}
	sig, err := t.Method.Sign(s, key)
	if err != nil {
		return "", err
	}
	return s + "." + string(sig), nil
}

func (t *Token) SigningString() (string, error) { return t.Method.Alg(), nil }

type Parser struct {
	validMethods []string
}

type ParserOption func(*Parser)

func NewParser(options ...ParserOption) *Parser {
	p := &Parser{}
	for _, o := range options {
		o(p)
	}
	return p
}

func WithValidMethods(methods []string) ParserOption {
	return func(p *Parser) { p.validMethods = methods }
}

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) {
	return p.ParseWithClaims(tokenString, MapClaims{}, keyFunc)
}

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	if tokenString == "" {
		return nil, ErrTokenMalformed
	}
	t := &Token{Raw: tokenString, Method: SigningMethodHS256, Claims: claims}
	if _, err := keyFunc(t); err != nil {
		return t, err
	}
	t.Valid = true
	return t, nil
}

func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).Parse(tokenString, keyFunc)
}

func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).ParseWithClaims(tokenString, claims, keyFunc)
}
`

// fixedPackages is the number of packages in fixedFiles.
const fixedPackages = 5

var fixedFiles = []struct{ path, src string }{
	{"internal/auth/auth.go", `// Package auth is the monorepo's single source of truth for JWTs: it
// issues and validates every token, and only it reads the signing secret.
package auth

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Claims are the claims of the monorepo's tokens.
type Claims struct {
	jwt.RegisteredClaims
	Role     string ` + "`json:\"role\"`" + `
	TenantID int64  ` + "`json:\"tid,omitempty\"`" + `
}

// Token is the library's token, for packages that pass tokens around.
type Token = jwt.Token

// ErrUnauthorized is returned for a missing, invalid or expired token.
var ErrUnauthorized = errors.New("auth: unauthorized")

// TTL is the lifetime of an issued token.
const TTL = time.Hour

// Key returns the signing secret.
func Key() []byte { return []byte(os.Getenv("JWT_SECRET")) }

// Method returns the signing method of the monorepo's tokens.
func Method() jwt.SigningMethod { return jwt.SigningMethodHS256 }

// Issue returns an unsigned token for sub with role.
func Issue(sub, role string) *jwt.Token {
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, &Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    "mono",
			Subject:   sub,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(TTL)),
		},
		Role: role,
	})
}

// Sign signs t with the monorepo's secret.
func Sign(t *jwt.Token) (string, error) { return t.SignedString(Key()) }

// IssueToken issues and signs a token for sub with role.
func IssueToken(sub, role string) (string, error) { return Sign(Issue(sub, role)) }

// ValidateToken checks raw and returns its claims.
func ValidateToken(raw string) (*Claims, error) {
	c := &Claims{}
	tok, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) {
		return Key(), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnauthorized, err)
	}
	if !tok.Valid {
		return nil, ErrUnauthorized
	}
	return c, nil
}
`},
	{"internal/auth/middleware.go", `package auth

import (
	"context"
	"net/http"
	"strings"
)

type ctxKey struct{}

// Middleware rejects requests without a valid bearer token and puts the
// token's claims in the request's context.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		c, err := ValidateToken(raw)
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithClaims(r.Context(), c)))
	})
}

// WithClaims returns ctx carrying c.
func WithClaims(ctx context.Context, c *Claims) context.Context {
	return context.WithValue(ctx, ctxKey{}, c)
}

// FromContext returns the claims Middleware stored.
func FromContext(ctx context.Context) (*Claims, bool) {
	c, ok := ctx.Value(ctxKey{}).(*Claims)
	return c, ok
}

// RequireRole lets only callers with role through.
func RequireRole(role string, next http.Handler) http.Handler {
	return Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := FromContext(r.Context())
		if !ok || c.Role != role {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	}))
}
`},
	{"internal/platform/logx/logx.go", `// Package logx configures the structured logger of every service.
package logx

import (
	"log/slog"
	"os"
	"sync"
)

var (
	once sync.Once
	base *slog.Logger
)

// For returns the logger of a component.
func For(component string) *slog.Logger {
	once.Do(func() {
		level := slog.LevelInfo
		if os.Getenv("LOG_LEVEL") == "debug" {
			level = slog.LevelDebug
		}
		base = slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	})
	return base.With("component", component)
}
`},
	{"internal/platform/config/config.go", `// Package config reads settings from the environment.
package config

import (
	"os"
	"strconv"
	"time"
)

// String returns the environment variable key, or def when it is unset.
func String(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

// Int returns the environment variable key as an int, or def.
func Int(key string, def int) int {
	if n, err := strconv.Atoi(String(key, "")); err == nil {
		return n
	}
	return def
}

// Duration returns the environment variable key as a duration, or def.
func Duration(key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(String(key, "")); err == nil {
		return d
	}
	return def
}

// Bool returns the environment variable key as a bool, or def.
func Bool(key string, def bool) bool {
	if b, err := strconv.ParseBool(String(key, "")); err == nil {
		return b
	}
	return def
}
`},
	{"internal/platform/db/db.go", `// Package db holds the SQL helpers the stores share.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"example.com/mono/internal/platform/config"
)

// DSN is the database to connect to.
func DSN() string { return config.String("DATABASE_URL", "postgres://localhost/mono") }

// WithTx runs fn in a transaction, committed if fn returns nil.
func WithTx(ctx context.Context, conn *sql.DB, fn func(*sql.Tx) error) (err error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// In returns "column IN ($start, ..., $start+n-1)".
func In(column string, start, n int) string {
	var b strings.Builder
	b.WriteString(column + " IN (")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", start+i)
	}
	b.WriteString(")")
	return b.String()
}

// Page is a LIMIT and OFFSET.
type Page struct {
	Limit, Offset int
}

// Clause renders p as SQL, or "" for no limit.
func (p Page) Clause() string {
	if p.Limit <= 0 {
		return ""
	}
	if p.Offset <= 0 {
		return fmt.Sprintf(" LIMIT %d", p.Limit)
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", p.Limit, p.Offset)
}
`},
	{"internal/platform/httpx/httpx.go", `// Package httpx holds the HTTP helpers the handlers share.
package httpx

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"example.com/mono/internal/platform/logx"
)

var log = logx.For("httpx")

// JSON writes v with status.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Error("encode response", "err", err)
	}
}

// Error writes a JSON error.
func Error(w http.ResponseWriter, status int, msg string) {
	JSON(w, status, map[string]string{"error": msg})
}

// Decode reads a JSON body of at most limit bytes into v.
func Decode(r *http.Request, v any, limit int64) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, limit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("body: %w", err)
	}
	if dec.More() {
		return errors.New("body: more than one JSON value")
	}
	return nil
}

// IntParam returns the path parameter name as an int64.
func IntParam(r *http.Request, name string) (int64, error) {
	n, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return n, nil
}

// Tenant returns the caller's tenant.
func Tenant(r *http.Request) (int64, error) {
	n, err := strconv.ParseInt(r.Header.Get("X-Tenant-ID"), 10, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("missing or bad X-Tenant-ID")
	}
	return n, nil
}

// Paging returns the limit and offset query parameters.
func Paging(r *http.Request) (limit, offset int) {
	q := r.URL.Query()
	limit, _ = strconv.Atoi(q.Get("limit"))
	offset, _ = strconv.Atoi(q.Get("offset"))
	return max(limit, 0), max(offset, 0)
}
`},
}
