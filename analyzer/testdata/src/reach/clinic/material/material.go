// Package material loads a signing key from wherever a deployment keeps
// it, behind an interface (the blind corpus campus's internal/certs):
// Vault's data through a comma-ok type assertion, koanf's value decoded.
package material

import (
	"context"
	"encoding/base64"

	"github.com/hashicorp/vault/api"
	"github.com/knadh/koanf/v2"

	"reach/auth"
)

// Material yields the key.
type Material interface {
	Load(ctx context.Context) ([]byte, error)
}

type vaultMaterial struct {
	kv   *api.KVv2
	path string
}

func (m vaultMaterial) Load(ctx context.Context) ([]byte, error) { // want Load:`returns\[value\]\(read\(\) field\(Data elements\)\)`
	sec, err := m.kv.Get(ctx, m.path) // want `JWT secret read from a secret store by \(\*api.KVv2\).Get outside`
	if err != nil {
		return nil, err
	}
	pemText, _ := sec.Data["private_key"].(string)
	return []byte(pemText), nil
}

type envMaterial struct{ k *koanf.Koanf }

func (m envMaterial) Load(context.Context) ([]byte, error) { // want Load:`returns\[value\]\(read\(cert.material\)\)`
	return base64.StdEncoding.DecodeString(m.k.String("cert.material")) // want `JWT secret cert.material read with \(\*koanf.Koanf\).String outside`
}

// Sign signs with the material.
func Sign(ctx context.Context, src Material) *auth.Issuer {
	b, err := src.Load(ctx)
	if err != nil {
		return nil
	}
	return auth.New(string(b))
}
