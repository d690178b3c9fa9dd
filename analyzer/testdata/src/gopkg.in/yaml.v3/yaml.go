// Package yaml is a stub of gopkg.in/yaml.v3.
package yaml

func Unmarshal(in []byte, out any) error { return nil }
