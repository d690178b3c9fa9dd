// Package jwt is a stub of github.com/cristalhq/jwt/v4.
package jwt

type Algorithm string

const HS256 Algorithm = "HS256"

type Signer interface{ Algorithm() Algorithm }

type Verifier interface{ Algorithm() Algorithm }

func NewSignerHS(alg Algorithm, key []byte) (Signer, error) { return nil, nil }

func NewVerifierHS(alg Algorithm, key []byte) (Verifier, error) { return nil, nil }

type Builder struct{}

type BuilderOption func(*Builder)

func NewBuilder(signer Signer, opts ...BuilderOption) *Builder { return &Builder{} }

type Token struct{}

func (b *Builder) Build(claims interface{}) (*Token, error) { return nil, nil }

func (t *Token) String() string { return "" }
