// Package jwk is a stub of github.com/lestrrat-go/jwx/v2/jwk.
package jwk

type Key interface{ KeyID() string }

func FromRaw(key interface{}) (Key, error) { return nil, nil }
