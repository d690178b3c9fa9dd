// Package api is a stub of github.com/hashicorp/vault/api.
package api

import "context"

type Client struct{}
type Logical struct{}
type KVv2 struct{}

type Secret struct {
	Data map[string]interface{}
}

type KVSecret struct {
	Data map[string]interface{}
}

func (c *Client) Logical() *Logical                                      { return &Logical{} }
func (c *Client) KVv2(mount string) *KVv2                                { return &KVv2{} }
func (l *Logical) Read(path string) (*Secret, error)                     { return nil, nil }
func (kv *KVv2) Get(ctx context.Context, path string) (*KVSecret, error) { return nil, nil }
