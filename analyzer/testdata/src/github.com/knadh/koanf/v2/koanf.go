// Package koanf is a stub of github.com/knadh/koanf/v2.
package koanf

type Koanf struct{}

func (ko *Koanf) String(path string) string { return "" }
func (ko *Koanf) Bytes(path string) []byte  { return nil }
