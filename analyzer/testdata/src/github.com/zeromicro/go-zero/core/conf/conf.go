// Package conf is a stub of go-zero's configuration loader.
package conf

type Option func()

func MustLoad(path string, v any, opts ...Option) {}

func Load(file string, v any, opts ...Option) error { return nil }
