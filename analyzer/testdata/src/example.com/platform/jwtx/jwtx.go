// Package jwtx stands for an in-house signing wrapper outside the scan:
// the sinks setting says which argument takes the key.
package jwtx

func Sign(claims map[string]any, key []byte) (string, error) { return "", nil }

func Verify(token string, publicKey []byte) error { return nil }
