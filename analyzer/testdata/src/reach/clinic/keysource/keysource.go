// Package keysource picks a key source behind an interface whose method
// returns two values (the blind corpus clinic's internal/worker): the
// first value of a two-value call is followed into the interface's
// implementations and into another package's summary, and a Secret of a
// list is a read even when other reads reach the same key.
package keysource

import (
	"context"
	"errors"
	"os"

	corev1 "k8s.io/api/core/v1"

	"reach/auth"
	"reach/clinic/settings"
)

// Source yields the current key.
type Source interface {
	Material(ctx context.Context) ([]byte, error)
}

type envSource struct{}

func (envSource) Material(context.Context) ([]byte, error) { // want Material:`returns\[value\]\(read\(SIGNING_MATERIAL\)\)`
	v := os.Getenv("SIGNING_MATERIAL") // want `JWT secret SIGNING_MATERIAL read with os.Getenv outside`
	if v == "" {
		return nil, errors.New("unset")
	}
	return []byte(v), nil
}

type listSource struct{ list *corev1.SecretList }

func (s listSource) Material(context.Context) ([]byte, error) { // want Material:`returns\[value\]\(read\(\) field\(Data elements\)\)`
	for _, sec := range s.list.Items {
		return sec.Data["material"], nil // want `JWT secret read from a secret store by Secret.Data outside`
	}
	return nil, errors.New("none")
}

// Sign signs with whichever source is configured.
func Sign(ctx context.Context, src Source) *auth.Issuer {
	material, err := src.Material(ctx)
	if err != nil {
		return nil
	}
	return auth.New(string(material))
}

// SignWithSetting signs with another package's two-value getter.
func SignWithSetting() *auth.Issuer {
	key, err := settings.Key() // want `JWT secret TOKEN_KEY read with os.LookupEnv at reach/clinic/settings/settings.go:15 \(returned by settings.Key\) outside`
	if err != nil {
		return nil
	}
	return auth.New(key)
}
