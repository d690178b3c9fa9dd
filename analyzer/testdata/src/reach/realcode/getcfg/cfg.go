// Package getcfg declares a configuration whose getters return its fields
// (the blind corpus campus's internal/config): another package loads it
// and signs with what the getters return.
package getcfg

// Auth holds the keys.
type Auth struct {
	AppKey      string `env:"APP_KEY"`
	PreviousKey string `env:"APP_KEY_PREVIOUS"`
	PreviousKid string `env:"APP_KEY_PREVIOUS_KID"`
}

// Key returns the current key.
func (a Auth) Key() []byte { return []byte(a.AppKey) } // want Key:`returns\[value\]\(field\(AppKey value\)\)`

// SigningKeys returns the keys by key id.
func (a Auth) SigningKeys(kid string) map[string]any { // want SigningKeys:`returns\[elements\]\(field\(PreviousKey value\) field\(AppKey value\)\)`
	keys := map[string]any{kid: []byte(a.AppKey)}
	if a.PreviousKey != "" {
		keys[a.PreviousKid] = []byte(a.PreviousKey)
	}
	return keys
}

// Ring holds the keys a verifier accepts.
type Ring struct {
	Current  string `env:"RING_CURRENT"`
	Previous string `env:"RING_PREVIOUS"`
}

// ByKid returns the keys by key id.
func (r Ring) ByKid() map[string]any { // want ByKid:`returns\[elements\]\(field\(Previous value\) field\(Current value\)\)`
	return map[string]any{"current": []byte(r.Current), "previous": []byte(r.Previous)}
}
