// Package envconfig is a stub of github.com/sethvargo/go-envconfig.
package envconfig

import "context"

func Process(ctx context.Context, i any) error { return nil }
