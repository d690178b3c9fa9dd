package keys

import (
	jose "github.com/go-jose/go-jose/v4"
	"github.com/golang-jwt/jwt/v5"
)

// A parameter that the body falls back on when empty holds the fallback too.
func newSigner(key []byte) (jose.Signer, error) {
	if len(key) == 0 {
		key = []byte("param-fallback-key") // want `hardcoded JWT secret "pa"… \(18 characters\) used as the key of jose.SigningKey.Key`
	}
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: key}, nil)
}

// A byte-slice literal of characters, through a parameter and a field.
type refresher struct{ key []byte }

func newRefresher(key []byte) *refresher {
	if len(key) == 0 {
		key = []byte{'r', 'e', 'f', 'r', 'e', 's', 'h', '-', 'k', 'e', 'y'} // want `hardcoded JWT secret "re"… \(11 characters\) used as the key of \(\*jwt.Token\).SignedString`
	}
	return &refresher{key: key}
}

func (r *refresher) sign(claims jwt.Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(r.key)
}

// Traps: a parameter reassigned from something that is not a literal, and
// an empty fallback.
func fromCaller(key []byte, load func() []byte) (jose.Signer, error) {
	if len(key) == 0 {
		key = load()
	}
	if key == nil {
		key = []byte("")
	}
	return jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: key}, nil)
}

var _ = newSigner
var _ = newRefresher
var _ = fromCaller
