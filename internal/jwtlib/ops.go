package jwtlib

import (
	"go/types"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/jwtop"
)

// opTable says what the libraries' functions and methods do with a token.
// It is keyed like keyTable (path without major versions, then the
// function's name or Type.Method), and pinned by a test (TestOpTable).
var opTable = map[string]jwtop.Op{
	// golang-jwt and its ancestors.
	"github.com/golang-jwt/jwt.Token.SignedString":       jwtop.Sign,
	"github.com/golang-jwt/jwt.Parse":                    jwtop.Parse,
	"github.com/golang-jwt/jwt.ParseWithClaims":          jwtop.Parse,
	"github.com/golang-jwt/jwt.Parser.Parse":             jwtop.Parse,
	"github.com/golang-jwt/jwt.Parser.ParseWithClaims":   jwtop.Parse,
	"github.com/golang-jwt/jwt.Parser.ParseUnverified":   jwtop.Decode,
	"github.com/golang-jwt/jwt/request.ParseFromRequest": jwtop.Parse,
	"github.com/dgrijalva/jwt-go.Token.SignedString":     jwtop.Sign,
	"github.com/dgrijalva/jwt-go.Parse":                  jwtop.Parse,
	"github.com/dgrijalva/jwt-go.ParseWithClaims":        jwtop.Parse,
	"github.com/dgrijalva/jwt-go.Parser.ParseUnverified": jwtop.Decode,
	"github.com/form3tech-oss/jwt-go.Token.SignedString": jwtop.Sign,
	"github.com/form3tech-oss/jwt-go.Parse":              jwtop.Parse,
	"github.com/form3tech-oss/jwt-go.ParseWithClaims":    jwtop.Parse,
	// lestrrat-go/jwx.
	"github.com/lestrrat-go/jwx/jwt.Sign":          jwtop.Sign,
	"github.com/lestrrat-go/jwx/jwt.Parse":         jwtop.Parse,
	"github.com/lestrrat-go/jwx/jwt.ParseString":   jwtop.Parse,
	"github.com/lestrrat-go/jwx/jwt.ParseRequest":  jwtop.Parse,
	"github.com/lestrrat-go/jwx/jwt.ParseInsecure": jwtop.Decode,
	"github.com/lestrrat-go/jwx/jws.Sign":          jwtop.Sign,
	"github.com/lestrrat-go/jwx/jws.Verify":        jwtop.Verify,
	"github.com/lestrrat-go/jwx/jws.Parse":         jwtop.Decode,
	"github.com/lestrrat-go/jwx/jwk.Fetch":         jwtop.Keyfunc,
	"github.com/lestrrat-go/jwx/jwk.NewCache":      jwtop.Keyfunc,
	// go-jose.
	"github.com/go-jose/go-jose/jwt.Builder.Serialize":                            jwtop.Sign,
	"github.com/go-jose/go-jose/jwt.Builder.CompactSerialize":                     jwtop.Sign,
	"github.com/go-jose/go-jose/jwt.JSONWebToken.Claims":                          jwtop.Parse,
	"github.com/go-jose/go-jose/jwt.JSONWebToken.UnsafeClaimsWithoutVerification": jwtop.Decode,
	"github.com/go-jose/go-jose.JSONWebSignature.Verify":                          jwtop.Verify,
	"gopkg.in/square/go-jose.v2/jwt.JSONWebToken.Claims":                          jwtop.Parse,
	"gopkg.in/square/go-jose.v2/jwt.JSONWebToken.UnsafeClaimsWithoutVerification": jwtop.Decode,
	// kataras/jwt, cristalhq/jwt.
	"github.com/kataras/jwt.Sign":            jwtop.Sign,
	"github.com/kataras/jwt.Verify":          jwtop.Parse,
	"github.com/kataras/jwt.Decode":          jwtop.Decode,
	"github.com/cristalhq/jwt.Builder.Build": jwtop.Sign,
	"github.com/cristalhq/jwt.Parse":         jwtop.Parse,
	"github.com/cristalhq/jwt.ParseNoVerify": jwtop.Decode,
	// Middleware and verifiers.
	"github.com/go-chi/jwtauth.JWTAuth.Encode":                             jwtop.Sign,
	"github.com/go-chi/jwtauth.JWTAuth.Decode":                             jwtop.Parse,
	"github.com/go-chi/jwtauth.VerifyToken":                                jwtop.Parse,
	"github.com/go-chi/jwtauth.Verifier":                                   jwtop.Parse,
	"github.com/labstack/echo-jwt.WithConfig":                              jwtop.Parse,
	"github.com/labstack/echo-jwt.JWT":                                     jwtop.Parse,
	"github.com/gofiber/contrib/jwt.New":                                   jwtop.Parse,
	"github.com/auth0/go-jwt-middleware/validator.Validator.ValidateToken": jwtop.Parse,
	"github.com/coreos/go-oidc.IDTokenVerifier.Verify":                     jwtop.Parse,
	"github.com/MicahParks/keyfunc.NewDefault":                             jwtop.Keyfunc,
	"github.com/MicahParks/keyfunc.NewDefaultCtx":                          jwtop.Keyfunc,
	"github.com/MicahParks/keyfunc.Get":                                    jwtop.Keyfunc,
}

// Op says what a library function or method does with a token: one of
// jwtop's operations, or "" for the functions that only help (claims, options,
// key parsing).
func Op(fn *types.Func) jwtop.Op {
	return opTable[funcKey(fn)]
}

// funcKey is tableKey with a method's receiver type: "path.Type.Method".
func funcKey(fn *types.Func) string {
	key := tableKey(fn)
	recv := fn.Signature().Recv()
	if recv == nil {
		return key
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return key
	}
	i := strings.LastIndex(key, ".")
	return key[:i] + "." + n.Obj().Name() + key[i:]
}

// OpTable returns the operation table's keys, sorted, for tests and docs.
func OpTable() []string {
	keys := make([]string, 0, len(opTable))
	for k := range opTable {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
