// Package secretmanagerpb is a stub of cloud.google.com/go/secretmanager/apiv1/secretmanagerpb.
package secretmanagerpb

type AccessSecretVersionRequest struct{ Name string }

type SecretPayload struct{ Data []byte }

func (p *SecretPayload) GetData() []byte { return p.Data }

type AccessSecretVersionResponse struct{ Payload *SecretPayload }

func (r *AccessSecretVersionResponse) GetPayload() *SecretPayload { return r.Payload }
