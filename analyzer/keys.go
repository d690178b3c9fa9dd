package analyzer

import (
	"go/types"
	"strings"

	"github.com/jwtssot/jwtssot/internal/secretname"
)

// keyUse classifies a parameter or struct field of a JWT library by what it
// takes: key material, a keyfunc returning key material, or a map of keys.
// The classification reads the library's own declarations (names and types
// survive in export data), so it covers golang-jwt's SignedString(key),
// cristalhq's NewSignerHS(alg, key []byte), jwx's WithKey(alg, key),
// go-jose's SigningKey{Key: ...}, echo-jwt's Config{SigningKey: ...},
// jwtauth.New(alg, signKey, verifyKey) and Parse(token, keyFunc) alike,
// without a table per library. String-typed "key" parameters are claim or
// header names (Set(key string, v any)) and do not count.
type keyUse int

const (
	notKey keyUse = iota
	keyValue
	keyFunc
	keyMap
)

func classifyKey(name string, t types.Type) keyUse {
	words := secretname.Words(name)
	var key, secret bool
	for _, w := range words {
		if secretname.IsMetadataWord(w) {
			return notKey
		}
		key = key || w == "key" || w == "keys" || strings.HasSuffix(w, "key")
		secret = secret || w == "secret" || strings.HasSuffix(w, "secret")
	}
	if !key && !secret {
		return notKey
	}
	switch u := t.Underlying().(type) {
	case *types.Signature:
		if u.Results().Len() > 0 && isKeyType(u.Results().At(0).Type()) {
			return keyFunc
		}
	case *types.Map:
		if isKeyType(u.Elem()) {
			return keyMap
		}
	case *types.Basic:
		if secret && u.Info()&types.IsString != 0 {
			return keyValue // robbert229/jwt's HmacSha256(secret string)
		}
	default:
		if isKeyType(t) {
			return keyValue
		}
	}
	return notKey
}

// isKeyType reports whether values of t can hold a literal key: []byte,
// a byte array, or an empty interface (any, jwt's interface{} keys,
// kataras/jwt's PrivateKey).
func isKeyType(t types.Type) bool {
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

// canHoldSecret reports whether a variable, field or map value of type t
// binds a secret by name: a string, []byte or empty interface. Defined
// string types are excluded: `const jwtKey ctxKey = "jwt"` is a context key.
func canHoldSecret(t types.Type) bool {
	if t == nil {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		_, defined := types.Unalias(t).(*types.Named)
		return !defined
	}
	return isKeyType(t)
}

// paramAt returns parameter i of sig as seen by argument i of a call,
// spreading a variadic parameter over the trailing arguments.
func paramAt(sig *types.Signature, i int) *types.Var {
	params := sig.Params()
	n := params.Len()
	switch {
	case n == 0:
		return nil
	case i < n-1 || (i == n-1 && !sig.Variadic()):
		return params.At(i)
	case sig.Variadic():
		last := params.At(n - 1)
		if s, ok := last.Type().(*types.Slice); ok {
			return types.NewVar(last.Pos(), last.Pkg(), last.Name(), s.Elem())
		}
		return last
	}
	return nil
}

// isLibraryType reports whether t (or *t) is a named type declared in a JWT
// library.
func (c *checker) isLibraryType(t types.Type) bool {
	n := namedOf(t)
	return n != nil && n.Obj().Pkg() != nil && c.s.Libs.Match(n.Obj().Pkg().Path()) != ""
}
