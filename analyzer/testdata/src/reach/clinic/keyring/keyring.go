// Package keyring keeps room keys by key id, refreshed from Vault through
// a channel of maps (the blind corpus campus's internal/classroom): the
// elements of a map read from a secret's data, sent on a channel and
// ranged over, are still the read.
package keyring

import (
	"github.com/hashicorp/vault/api"

	"reach/auth"
)

// Keyring holds the keys.
type Keyring struct {
	keys    map[string][]byte
	updates chan map[string][]byte
	vault   *api.Client
	path    string
}

// Refresh reads the keys and queues them.
func (r *Keyring) Refresh() {
	sec, err := r.vault.Logical().Read(r.path) // want `JWT secret read from a secret store by \(\*api.Logical\).Read outside`
	if err != nil || sec == nil {
		return
	}
	data, _ := sec.Data["data"].(map[string]any)
	fresh := map[string][]byte{}
	for kid, v := range data {
		if s, ok := v.(string); ok {
			fresh[kid] = []byte(s)
		}
	}
	r.updates <- fresh
}

// Apply installs a queued refresh.
func (r *Keyring) Apply() {
	for kid, key := range <-r.updates {
		r.keys[kid] = key
	}
}

// Sign signs with a key.
func (r *Keyring) Sign(kid string) *auth.Issuer { return auth.New(string(r.keys[kid])) }
