// Package secretsmanager is a stub of github.com/aws/aws-sdk-go-v2/service/secretsmanager.
package secretsmanager

import "context"

type Client struct{}

type GetSecretValueInput struct {
	SecretId     *string
	VersionStage *string
}

type GetSecretValueOutput struct {
	SecretString *string
	SecretBinary []byte
}

func (c *Client) GetSecretValue(ctx context.Context, in *GetSecretValueInput, opts ...func(any)) (*GetSecretValueOutput, error) {
	return nil, nil
}
