// Package jose is a stub of github.com/go-jose/go-jose/v4.
package jose

type SignatureAlgorithm string

const HS256 = SignatureAlgorithm("HS256")

type SigningKey struct {
	Algorithm SignatureAlgorithm
	Key       interface{}
}

type SignerOptions struct{}

type Signer interface{ Options() SignerOptions }

func NewSigner(sig SigningKey, opts *SignerOptions) (Signer, error) { return nil, nil }

func (so *SignerOptions) WithType(typ string) *SignerOptions { return so }
