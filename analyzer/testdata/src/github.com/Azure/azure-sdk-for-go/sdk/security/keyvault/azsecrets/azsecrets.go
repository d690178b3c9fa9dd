// Package azsecrets is a stub of the Azure Key Vault secrets client.
package azsecrets

import "context"

type Client struct{}

type Secret struct{ Value *string }

type GetSecretResponse struct{ Secret }

type GetSecretOptions struct{}

func (c *Client) GetSecret(ctx context.Context, name, version string, opts *GetSecretOptions) (GetSecretResponse, error) {
	return GetSecretResponse{}, nil
}
