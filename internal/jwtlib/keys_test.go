package jwtlib

import (
	"go/token"
	"go/types"
	"strings"
	"testing"
)

func fn(path, name string, params ...*types.Var) *types.Func {
	pkg := types.NewPackage(path, path[strings.LastIndex(path, "/")+1:])
	sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), nil, false)
	return types.NewFunc(token.NoPos, pkg, name, sig)
}

func param(name string, t types.Type) *types.Var { return types.NewParam(token.NoPos, nil, name, t) }

var bytesType = types.NewSlice(types.Typ[types.Byte])

// TestKeyTable pins every entry of the key table: the function, in each
// major version of its module, takes what the table says.
func TestKeyTable(t *testing.T) {
	for key, uses := range keyTable {
		path, name := key[:strings.LastIndex(key, ".")], key[strings.LastIndex(key, ".")+1:]
		versioned := path
		if i := strings.Index(path[len("github.com/"):], "/"); i >= 0 {
			// insert a major version after the module's second element
			parts := strings.SplitN(path, "/", 4)
			versioned = strings.Join(append(parts[:3:3], append([]string{"v5"}, parts[3:]...)...), "/")
		}
		for _, p := range []string{path, versioned} {
			f := fn(p, name, param("key", bytesType), param("password", bytesType))
			for i, want := range uses {
				if got := ParamUse(f, i, f.Signature().Params().At(i)); got != want {
					t.Errorf("%s param %d: %v, want %v", p+"."+name, i, got, want)
				}
			}
		}
	}
	// Outside the table, the declaration decides.
	sign := fn("github.com/golang-jwt/jwt/v5", "SignedString", param("key", types.NewInterfaceType(nil, nil)))
	if got := ParamUse(sign, 0, sign.Signature().Params().At(0)); got != SecretKey {
		t.Errorf("SignedString(key any): %v", got)
	}
	verify := fn("example.com/jwt", "VerifyWithPublicKey", param("key", bytesType))
	if got := ParamUse(verify, 0, verify.Signature().Params().At(0)); got != PublicKey {
		t.Errorf("VerifyWithPublicKey(key []byte): %v, want a public key", got)
	}
	pubParam := fn("example.com/jwt", "Verify", param("publicKey", bytesType))
	if got := ParamUse(pubParam, 0, pubParam.Signature().Params().At(0)); got != PublicKey {
		t.Errorf("Verify(publicKey []byte): %v, want a public key", got)
	}
	claim := fn("example.com/jwt", "Set", param("key", types.Typ[types.String]))
	if got := ParamUse(claim, 0, claim.Signature().Params().At(0)); got != NotKey {
		t.Errorf("Set(key string): %v, want not a key (a claim name)", got)
	}
}

func TestClassifyKey(t *testing.T) {
	kf := types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(param("", types.NewInterfaceType(nil, nil))), false)
	for _, tc := range []struct {
		name string
		t    types.Type
		want KeyUse
	}{
		{"key", bytesType, SecretKey},
		{"signingKey", types.NewInterfaceType(nil, nil), SecretKey},
		{"secret", types.Typ[types.String], SecretKey},
		{"key", types.Typ[types.String], NotKey},
		{"keyFunc", kf, Keyfunc},
		{"keys", types.NewMap(types.Typ[types.String], bytesType), KeyMap},
		{"keyID", bytesType, NotKey},
		{"claims", bytesType, NotKey},
	} {
		if got := ClassifyKey(tc.name, tc.t); got != tc.want {
			t.Errorf("ClassifyKey(%s %s) = %v, want %v", tc.name, tc.t, got, tc.want)
		}
	}
}

func TestIsPublicKeyText(t *testing.T) {
	for s, want := range map[string]bool{
		"-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n":               true,
		"-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA\n-----END RSA PUBLIC KEY-----":                                 true,
		"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----":                                               true,
		"-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAMmc\n-----END RSA PRIVATE KEY-----":                           false,
		"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----":                                     false,
		`{"keys":[{"kty":"RSA","kid":"a","n":"0vx7","e":"AQAB"}]}`:                                                   true,
		`{"keys":[{"kty":"RSA","n":"0vx7","e":"AQAB","d":"X4cT"}]}`:                                                  false,
		`{"kty":"EC","crv":"P-256","x":"f83O","y":"x_FE"}`:                                                           true,
		`{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}`: false,
		"super-secret-key": false,
		`{"user":"x"}`:     false,
	} {
		if got := IsPublicKeyText(s); got != want {
			t.Errorf("IsPublicKeyText(%.30q) = %v, want %v", s, got, want)
		}
	}
}

// TestFrameworkSinks pins every built-in sink of a framework: the
// catalogue finds it for its function, and not for a function of the same
// name elsewhere.
func TestFrameworkSinks(t *testing.T) {
	c := BuiltinCatalog()
	for _, s := range FrameworkSinks() {
		path, name := s.Symbol[:strings.LastIndex(s.Symbol, ".")], s.Symbol[strings.LastIndex(s.Symbol, ".")+1:]
		found := false
		for _, got := range c.Sinks(newMethod(path, "", name)) {
			found = found || got == s
		}
		if !found {
			t.Errorf("%s argument %d: not a sink of the catalogue", s.Symbol, s.Arg)
		}
		if got := c.Sinks(newMethod("example.com/other", "", name)); len(got) > 0 {
			t.Errorf("example.com/other.%s is a sink: %v", name, got)
		}
	}
}

// TestTakesEither pins the key table's functions that take public keys as
// well as secrets, in every major version, and no other.
func TestTakesEither(t *testing.T) {
	for sym, want := range map[string]bool{
		"github.com/lestrrat-go/jwx/v2/jwk.FromRaw":              true,
		"github.com/lestrrat-go/jwx/v3/jwk.Import":               true,
		"github.com/lestrrat-go/jwx/jwk.ParseKey":                true,
		"github.com/lestrrat-go/jwx/v2/jwk.New":                  true,
		"github.com/golang-jwt/jwt/v5.ParseRSAPrivateKeyFromPEM": false,
		"(*github.com/golang-jwt/jwt/v5.Token).SignedString":     false,
	} {
		if got := TakesEither(sym); got != want {
			t.Errorf("TakesEither(%s) = %v, want %v", sym, got, want)
		}
	}
}
