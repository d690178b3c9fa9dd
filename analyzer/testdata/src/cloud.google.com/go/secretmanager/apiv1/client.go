// Package secretmanager is a stub of cloud.google.com/go/secretmanager/apiv1.
package secretmanager

import (
	"context"

	"cloud.google.com/go/secretmanager/apiv1/secretmanagerpb"
)

type Client struct{}

func (c *Client) AccessSecretVersion(ctx context.Context, req *secretmanagerpb.AccessSecretVersionRequest, opts ...any) (*secretmanagerpb.AccessSecretVersionResponse, error) {
	return nil, nil
}
