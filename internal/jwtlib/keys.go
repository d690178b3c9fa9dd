package jwtlib

import (
	"encoding/json"
	"encoding/pem"
	"go/types"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/secretname"
)

// A KeyUse says what a parameter or struct field of a JWT library takes.
type KeyUse int

// The uses a parameter or field can have.
const (
	NotKey    KeyUse = iota // anything that does not take a key
	SecretKey               // key material that must stay secret: an HMAC secret or a private key
	PublicKey               // a public key or certificate: not a secret
	Keyfunc                 // a function returning the key (jwt.Keyfunc)
	KeyMap                  // a map of keys, by key id
)

func (u KeyUse) String() string {
	switch u {
	case SecretKey:
		return "secret key"
	case PublicKey:
		return "public key"
	case Keyfunc:
		return "keyfunc"
	case KeyMap:
		return "key map"
	}
	return "not a key"
}

// keyTable says, for the library functions whose parameter names do not
// say what they take, what their key parameter is. It is keyed by the
// function's path and name, without a major-version suffix of the path
// (".../jwt/v5" and ".../jwt" alike), and gives the use of each parameter
// by index. Every entry is pinned by a test (TestKeyTable).
var keyTable = map[string][]KeyUse{
	// golang-jwt: the PEM parsers take a private or a public key.
	"github.com/golang-jwt/jwt.ParseRSAPrivateKeyFromPEM":             {SecretKey},
	"github.com/golang-jwt/jwt.ParseRSAPrivateKeyFromPEMWithPassword": {SecretKey, SecretKey},
	"github.com/golang-jwt/jwt.ParseECPrivateKeyFromPEM":              {SecretKey},
	"github.com/golang-jwt/jwt.ParseEdPrivateKeyFromPEM":              {SecretKey},
	"github.com/golang-jwt/jwt.ParseRSAPublicKeyFromPEM":              {PublicKey},
	"github.com/golang-jwt/jwt.ParseECPublicKeyFromPEM":               {PublicKey},
	"github.com/golang-jwt/jwt.ParseEdPublicKeyFromPEM":               {PublicKey},
	"github.com/dgrijalva/jwt-go.ParseRSAPrivateKeyFromPEM":           {SecretKey},
	"github.com/dgrijalva/jwt-go.ParseECPrivateKeyFromPEM":            {SecretKey},
	"github.com/dgrijalva/jwt-go.ParseRSAPublicKeyFromPEM":            {PublicKey},
	"github.com/dgrijalva/jwt-go.ParseECPublicKeyFromPEM":             {PublicKey},
	// jwx: jwk.Import (v3), FromRaw (v2) and ParseKey take raw key
	// material, secret or public: the value decides (IsPublicKeyText).
	"github.com/lestrrat-go/jwx/jwk.Import":   {SecretKey},
	"github.com/lestrrat-go/jwx/jwk.FromRaw":  {SecretKey},
	"github.com/lestrrat-go/jwx/jwk.ParseKey": {SecretKey},
	"github.com/lestrrat-go/jwx/jwk.New":      {SecretKey},
	// kataras/jwt's PEM helpers.
	"github.com/kataras/jwt.ParsePrivateKeyRSA":   {SecretKey},
	"github.com/kataras/jwt.ParsePrivateKeyECDSA": {SecretKey},
	"github.com/kataras/jwt.ParsePrivateKeyEdDSA": {SecretKey},
	"github.com/kataras/jwt.ParsePublicKeyRSA":    {PublicKey},
	"github.com/kataras/jwt.ParsePublicKeyECDSA":  {PublicKey},
	"github.com/kataras/jwt.ParsePublicKeyEdDSA":  {PublicKey},
}

// eitherKey are the functions of the key table that take secret and public
// key material alike (jwx's jwk constructors): what a value given to them
// is, its text (IsPublicKeyText) or its name, decides.
var eitherKey = map[string]bool{
	"github.com/lestrrat-go/jwx/jwk.Import":   true,
	"github.com/lestrrat-go/jwx/jwk.FromRaw":  true,
	"github.com/lestrrat-go/jwx/jwk.ParseKey": true,
	"github.com/lestrrat-go/jwx/jwk.New":      true,
}

// TakesEither reports whether the library function a symbol names (its
// full name, in any major version) takes a public key as well as a secret.
func TakesEither(symbol string) bool { return eitherKey[stripMajor(symbol)] }

// A KeyTableEntry is one function of the key table, for docs.
type KeyTableEntry struct {
	Func string // path (without major versions) and name
	Uses string // what each parameter takes, in order
}

// KeyTable returns the key table, sorted by function.
func KeyTable() []KeyTableEntry {
	out := make([]KeyTableEntry, 0, len(keyTable))
	for f, uses := range keyTable {
		parts := make([]string, len(uses))
		for i, u := range uses {
			parts[i] = u.String()
		}
		out = append(out, KeyTableEntry{Func: f, Uses: strings.Join(parts, ", ")})
	}
	slices.SortFunc(out, func(a, b KeyTableEntry) int { return strings.Compare(a.Func, b.Func) })
	return out
}

// tableKey is the key of fn in keyTable: its package path without major
// version elements ("/v5", "/v2/jwk" -> "/jwk"), and its name.
func tableKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	elems := strings.Split(fn.Pkg().Path(), "/")
	kept := elems[:1]
	for _, e := range elems[1:] {
		if len(e) < 2 || e[0] != 'v' || !isDigits(e[1:]) {
			kept = append(kept, e)
		}
	}
	return strings.Join(kept, "/") + "." + fn.Name()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// ParamUse says what parameter i of a library function takes: from the
// table when the function is in it, else from the parameter's declaration
// (ClassifyKey), with a function or parameter named for a public key
// taking one.
func ParamUse(fn *types.Func, i int, p *types.Var) KeyUse {
	if uses, ok := keyTable[tableKey(fn)]; ok {
		if i < len(uses) {
			return uses[i]
		}
		return NotKey
	}
	use := ClassifyKey(p.Name(), p.Type())
	if use == SecretKey && (saysPublic(fn.Name()) || saysPublic(p.Name())) {
		return PublicKey
	}
	return use
}

// FieldUse says what a field of a library struct takes.
func FieldUse(field *types.Var) KeyUse {
	use := ClassifyKey(field.Name(), field.Type())
	if use == SecretKey && saysPublic(field.Name()) {
		return PublicKey
	}
	return use
}

func saysPublic(name string) bool { return secretname.SaysPublic(name) }

// ClassifyKey classifies a parameter or struct field of a JWT library by
// its declaration (names and types survive in export data), which covers
// golang-jwt's SignedString(key), cristalhq's NewSignerHS(alg, key []byte),
// jwx's WithKey(alg, key), go-jose's SigningKey{Key: ...}, echo-jwt's
// Config{SigningKey: ...}, jwtauth.New(alg, signKey, verifyKey) and
// Parse(token, keyFunc) alike, without a table per library: a name with
// key or secret in it, and a type that holds key material ([]byte, a byte
// array, an empty interface, a string for a secret), a function returning
// one (a keyfunc) or a map of them. String-typed "key" parameters are claim
// or header names (Set(key string, v any)) and do not count.
func ClassifyKey(name string, t types.Type) KeyUse {
	var key, secret bool
	for _, w := range secretname.Words(name) {
		if secretname.IsMetadataWord(w) && w != "public" && w != "pub" {
			return NotKey
		}
		key = key || w == "key" || w == "keys" || strings.HasSuffix(w, "key")
		secret = secret || w == "secret" || strings.HasSuffix(w, "secret")
	}
	if !key && !secret {
		return NotKey
	}
	switch u := t.Underlying().(type) {
	case *types.Signature:
		if u.Results().Len() > 0 && IsKeyType(u.Results().At(0).Type()) {
			return Keyfunc
		}
	case *types.Map:
		if IsKeyType(u.Elem()) {
			return KeyMap
		}
	case *types.Basic:
		if secret && u.Info()&types.IsString != 0 {
			return SecretKey // robbert229/jwt's HmacSha256(secret string)
		}
	default:
		if IsKeyType(t) {
			return SecretKey
		}
	}
	return NotKey
}

// IsKeyType reports whether values of t can hold a literal key: []byte, a
// byte array, or an empty interface (any, jwt's interface{} keys,
// kataras/jwt's PrivateKey).
func IsKeyType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return isByte(u.Elem())
	case *types.Array:
		return isByte(u.Elem())
	case *types.Interface:
		return u.Empty()
	}
	return false
}

func isByte(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && (b.Kind() == types.Byte || b.Kind() == types.Uint8)
}

// IsPublicKeyText reports whether a literal is public key material by what
// it is: a PEM block of a public key or a certificate, or a JWK or JWK Set
// whose keys have no private members. Such a literal is not a secret
// whatever parameter it reaches: verifying with a public key is the point
// of public-key JWTs.
func IsPublicKeyText(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-----BEGIN ") {
		block, _ := pem.Decode([]byte(s))
		if block == nil {
			return strings.Contains(s[:min(len(s), 40)], "PUBLIC KEY") || strings.Contains(s[:min(len(s), 40)], "CERTIFICATE")
		}
		return strings.Contains(block.Type, "PUBLIC KEY") || strings.Contains(block.Type, "CERTIFICATE")
	}
	if strings.HasPrefix(s, "{") {
		var doc struct {
			Keys []map[string]any `json:"keys"`
		}
		var one map[string]any
		if json.Unmarshal([]byte(s), &doc) == nil && len(doc.Keys) > 0 {
			for _, k := range doc.Keys {
				if !publicJWK(k) {
					return false
				}
			}
			return true
		}
		if json.Unmarshal([]byte(s), &one) == nil && one["kty"] != nil {
			return publicJWK(one)
		}
	}
	return false
}

// publicJWK reports whether a JWK has only public members: no "d" (the
// private exponent or key of RSA, EC and OKP keys), no "k" (an oct
// key's secret), no RSA primes.
func publicJWK(k map[string]any) bool {
	if _, ok := k["kty"]; !ok {
		return false
	}
	for _, m := range []string{"d", "k", "p", "q", "dp", "dq", "qi"} {
		if _, ok := k[m]; ok {
			return false
		}
	}
	return true
}

// A Sink is a row of the sinks setting: argument Arg of the function or
// method Symbol ("path.Func", "path.Type.Method") takes a key of the kind
// Use (SecretKey, PublicKey or Keyfunc), whatever its declaration says.
type Sink struct {
	Symbol string
	Arg    int
	Use    KeyUse
}

// frameworkSinks are the key parameters of frameworks that are no JWT
// library (their packages are not reported by the import and call rules)
// but take the JWT secret to sign or verify with. Every row is pinned by a
// test (TestFrameworkSinks).
var frameworkSinks = []Sink{
	// go-zero's REST server verifies its routes' tokens with the secret
	// (and, during a rotation, the previous one) given to these options.
	{Symbol: "github.com/zeromicro/go-zero/rest.WithJwt", Arg: 0, Use: SecretKey},
	{Symbol: "github.com/zeromicro/go-zero/rest.WithJwtTransition", Arg: 0, Use: SecretKey},
	{Symbol: "github.com/zeromicro/go-zero/rest.WithJwtTransition", Arg: 1, Use: SecretKey},
}

// FrameworkSinks returns the built-in sinks of frameworks that are no JWT
// library, for docs.
func FrameworkSinks() []Sink { return slices.Clone(frameworkSinks) }

// SinkSymbol is the symbol a sinks row names fn by: its package path, its
// receiver's type name for a method, and its name.
func SinkSymbol(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return sourceKey(fn.Pkg().Path(), recvName(fn), fn.Name())
}

// Sinks returns the sinks of fn that are not a JWT library's parameters:
// the built-in frameworkSinks and the rows of the sinks setting.
func (c *Catalog) Sinks(fn *types.Func) []Sink {
	return c.sinks[SinkSymbol(fn)]
}
