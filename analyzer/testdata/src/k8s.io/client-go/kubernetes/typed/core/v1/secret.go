// Package v1 is a stub of k8s.io/client-go/kubernetes/typed/core/v1.
package v1

import (
	"context"

	corev1 "k8s.io/api/core/v1"
)

type GetOptions struct{}

type SecretInterface interface {
	Get(ctx context.Context, name string, opts GetOptions) (*corev1.Secret, error)
}
