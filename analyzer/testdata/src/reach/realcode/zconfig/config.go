// Package zconfig declares a go-zero service's configuration; it neither
// reads it nor signs with it (Mikaelemmmm/go-zero-looklook's
// internal/config).
package zconfig

// Config is the service's configuration.
type Config struct {
	JwtAuth struct {
		AccessSecret string
		AccessExpire int64
	}
	DataSource string
}
