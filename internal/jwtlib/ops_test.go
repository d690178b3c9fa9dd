package jwtlib

import (
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// method makes Type.name in package path, with a pointer receiver.
func method(path, typeName, name string) *types.Func {
	pkg := types.NewPackage(path, path[strings.LastIndex(path, "/")+1:])
	named := types.NewNamed(types.NewTypeName(token.NoPos, pkg, typeName, nil), types.NewStruct(nil, nil), nil)
	recv := types.NewParam(token.NoPos, pkg, "r", types.NewPointer(named))
	sig := types.NewSignatureType(recv, nil, nil, nil, nil, false)
	return types.NewFunc(token.NoPos, pkg, name, sig)
}

// TestOpTable pins every entry of the operation table: the function or
// method, in its module's major versions too, has the table's operation,
// and its package is one of the built-in libraries.
func TestOpTable(t *testing.T) {
	libs := NewMatcher(nil)
	for _, key := range OpTable() {
		want := opTable[key]
		path, rest := splitFuncKey(key)
		if libs.Match(path) == "" {
			t.Errorf("%s: %s is not a built-in library", key, path)
		}
		for _, p := range []string{path, withMajor(path)} {
			var f *types.Func
			if typ, name, ok := strings.Cut(rest, "."); ok {
				f = method(p, typ, name)
			} else {
				f = fn(p, rest)
			}
			if got := Op(f); got != want {
				t.Errorf("Op(%s.%s) = %q, want %q", p, rest, got, want)
			}
		}
	}
	// A method of the same name on another type, and a helper, have none.
	if got := Op(method("github.com/golang-jwt/jwt/v5", "Other", "SignedString")); got != "" {
		t.Errorf("Other.SignedString: %q, want none", got)
	}
	if got := Op(fn("github.com/golang-jwt/jwt/v5", "NewWithClaims")); got != "" {
		t.Errorf("NewWithClaims: %q, want none (it only builds a token)", got)
	}
}

// splitFuncKey splits "path.Func" or "path.Type.Method" after the path,
// whose last element may itself hold dots (gopkg.in/square/go-jose.v2/jwt).
func splitFuncKey(key string) (path, rest string) {
	slash := strings.LastIndex(key, "/")
	dot := strings.Index(key[slash:], ".")
	return key[:slash+dot], key[slash+dot+1:]
}

// withMajor inserts /v5 after the module root of a github.com path.
func withMajor(path string) string {
	parts := strings.SplitN(path, "/", 4)
	if parts[0] != "github.com" || len(parts) < 3 {
		return path
	}
	return strings.Join(append(parts[:3:3], append([]string{"v5"}, parts[3:]...)...), "/")
}
