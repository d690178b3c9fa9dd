// Package jwt is a stub of github.com/kataras/jwt.
package jwt

type Alg interface{ Name() string }

type (
	PrivateKey = interface{}
	PublicKey  = interface{}
)

var HS256 Alg

type SignOption interface{}

type TokenValidator interface{}

type VerifiedToken struct{ Payload []byte }

func Sign(alg Alg, key PrivateKey, claims interface{}, opts ...SignOption) ([]byte, error) {
	return nil, nil
}

func Verify(alg Alg, key PublicKey, token []byte, validators ...TokenValidator) (*VerifiedToken, error) {
	return nil, nil
}
