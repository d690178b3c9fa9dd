// Package stores reads the key from secret stores.
package stores

import (
	"context"

	secretmanager "cloud.google.com/go/secretmanager/apiv1"
	"cloud.google.com/go/secretmanager/apiv1/secretmanagerpb"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	vault "github.com/hashicorp/vault/api"
	corev1 "k8s.io/client-go/kubernetes/typed/core/v1"

	"reach/auth"
)

func fromAWS(ctx context.Context, sm *secretsmanager.Client) {
	out, _ := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/tokens")}) // want `JWT secret prod/tokens read from a secret store by \(\*secretsmanager.Client\).GetSecretValue outside`
	_ = auth.New(aws.ToString(out.SecretString))
}

func fromVault(c *vault.Client) {
	s, _ := c.Logical().Read("secret/data/tokens") // want `JWT secret secret/data/tokens read from a secret store by \(\*api.Logical\).Read outside`
	_ = auth.New(s.Data["key"].(string))
	kv, _ := c.KVv2("secret").Get(context.Background(), "signing") // want `JWT secret signing read from a secret store by \(\*api.KVv2\).Get outside`
	_ = auth.New(kv.Data["key"].(string))
}

func fromGCP(ctx context.Context, c *secretmanager.Client) {
	resp, _ := c.AccessSecretVersion(ctx, &secretmanagerpb.AccessSecretVersionRequest{Name: "projects/p/secrets/signing/versions/latest"}) // want `read from a secret store by \(\*secretmanager.Client\).AccessSecretVersion outside`
	_ = auth.New(string(resp.GetPayload().GetData()))
}

func fromAzure(ctx context.Context, c *azsecrets.Client) {
	resp, _ := c.GetSecret(ctx, "signing", "", nil) // want `JWT secret signing read from a secret store by \(\*azsecrets.Client\).GetSecret outside`
	_ = auth.New(*resp.Value)
}

func fromKubernetes(ctx context.Context, secrets corev1.SecretInterface) {
	s, _ := secrets.Get(ctx, "tokens", corev1.GetOptions{}) // want `JWT secret tokens read from a secret store by \(v1.SecretInterface\).Get outside`
	_ = auth.New(string(s.Data["key"]))
}
