// Package jose is a stub of gopkg.in/square/go-jose.v2.
package jose

type SignatureAlgorithm string

const HS256 = SignatureAlgorithm("HS256")

type SigningKey struct {
	Algorithm SignatureAlgorithm
	Key       interface{}
}

type Signer interface{}

func NewSigner(sig SigningKey, opts *SignerOptions) (Signer, error) { return nil, nil }

type SignerOptions struct{}
