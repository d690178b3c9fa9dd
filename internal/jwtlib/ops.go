package jwtlib

import (
	"go/types"
	"slices"
	"strings"
)

// Operations of the JWT libraries' functions, for the inventory.
const (
	OpSign    = "sign"    // signs a token
	OpParse   = "parse"   // parses a token and verifies its signature
	OpVerify  = "verify"  // verifies a signature without parsing claims
	OpDecode  = "decode"  // parses a token without verifying its signature
	OpKeyfunc = "keyfunc" // builds a keyfunc or a key set
)

// opTable says what the libraries' functions and methods do with a token.
// It is keyed like keyTable (path without major versions, then the
// function's name or Type.Method), and pinned by a test (TestOpTable).
var opTable = map[string]string{
	// golang-jwt and its ancestors.
	"github.com/golang-jwt/jwt.Token.SignedString":       OpSign,
	"github.com/golang-jwt/jwt.Parse":                    OpParse,
	"github.com/golang-jwt/jwt.ParseWithClaims":          OpParse,
	"github.com/golang-jwt/jwt.Parser.Parse":             OpParse,
	"github.com/golang-jwt/jwt.Parser.ParseWithClaims":   OpParse,
	"github.com/golang-jwt/jwt.Parser.ParseUnverified":   OpDecode,
	"github.com/golang-jwt/jwt/request.ParseFromRequest": OpParse,
	"github.com/dgrijalva/jwt-go.Token.SignedString":     OpSign,
	"github.com/dgrijalva/jwt-go.Parse":                  OpParse,
	"github.com/dgrijalva/jwt-go.ParseWithClaims":        OpParse,
	"github.com/dgrijalva/jwt-go.Parser.ParseUnverified": OpDecode,
	"github.com/form3tech-oss/jwt-go.Token.SignedString": OpSign,
	"github.com/form3tech-oss/jwt-go.Parse":              OpParse,
	"github.com/form3tech-oss/jwt-go.ParseWithClaims":    OpParse,
	// lestrrat-go/jwx.
	"github.com/lestrrat-go/jwx/jwt.Sign":          OpSign,
	"github.com/lestrrat-go/jwx/jwt.Parse":         OpParse,
	"github.com/lestrrat-go/jwx/jwt.ParseString":   OpParse,
	"github.com/lestrrat-go/jwx/jwt.ParseRequest":  OpParse,
	"github.com/lestrrat-go/jwx/jwt.ParseInsecure": OpDecode,
	"github.com/lestrrat-go/jwx/jws.Sign":          OpSign,
	"github.com/lestrrat-go/jwx/jws.Verify":        OpVerify,
	"github.com/lestrrat-go/jwx/jws.Parse":         OpDecode,
	"github.com/lestrrat-go/jwx/jwk.Fetch":         OpKeyfunc,
	"github.com/lestrrat-go/jwx/jwk.NewCache":      OpKeyfunc,
	// go-jose.
	"github.com/go-jose/go-jose/jwt.Builder.Serialize":                            OpSign,
	"github.com/go-jose/go-jose/jwt.Builder.CompactSerialize":                     OpSign,
	"github.com/go-jose/go-jose/jwt.JSONWebToken.Claims":                          OpParse,
	"github.com/go-jose/go-jose/jwt.JSONWebToken.UnsafeClaimsWithoutVerification": OpDecode,
	"github.com/go-jose/go-jose.JSONWebSignature.Verify":                          OpVerify,
	"gopkg.in/square/go-jose.v2/jwt.JSONWebToken.Claims":                          OpParse,
	"gopkg.in/square/go-jose.v2/jwt.JSONWebToken.UnsafeClaimsWithoutVerification": OpDecode,
	// kataras/jwt, cristalhq/jwt.
	"github.com/kataras/jwt.Sign":            OpSign,
	"github.com/kataras/jwt.Verify":          OpParse,
	"github.com/kataras/jwt.Decode":          OpDecode,
	"github.com/cristalhq/jwt.Builder.Build": OpSign,
	"github.com/cristalhq/jwt.Parse":         OpParse,
	"github.com/cristalhq/jwt.ParseNoVerify": OpDecode,
	// Middleware and verifiers.
	"github.com/go-chi/jwtauth.JWTAuth.Encode":                             OpSign,
	"github.com/go-chi/jwtauth.JWTAuth.Decode":                             OpParse,
	"github.com/go-chi/jwtauth.VerifyToken":                                OpParse,
	"github.com/go-chi/jwtauth.Verifier":                                   OpParse,
	"github.com/labstack/echo-jwt.WithConfig":                              OpParse,
	"github.com/labstack/echo-jwt.JWT":                                     OpParse,
	"github.com/gofiber/contrib/jwt.New":                                   OpParse,
	"github.com/auth0/go-jwt-middleware/validator.Validator.ValidateToken": OpParse,
	"github.com/coreos/go-oidc.IDTokenVerifier.Verify":                     OpParse,
	"github.com/MicahParks/keyfunc.NewDefault":                             OpKeyfunc,
	"github.com/MicahParks/keyfunc.NewDefaultCtx":                          OpKeyfunc,
	"github.com/MicahParks/keyfunc.Get":                                    OpKeyfunc,
}

// Op says what a library function or method does with a token: one of the
// Op constants, or "" for the functions that only help (claims, options,
// key parsing).
func Op(fn *types.Func) string {
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
