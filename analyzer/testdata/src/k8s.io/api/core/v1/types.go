// Package v1 is a stub of k8s.io/api/core/v1.
package v1

type Secret struct {
	Data       map[string][]byte
	StringData map[string]string
}

type SecretList struct {
	Items []Secret
}
