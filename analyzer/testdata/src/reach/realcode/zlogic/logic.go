// Package zlogic signs with a field of another package's configuration:
// the field is a key wherever it is written, which a package fact says.
package zlogic

import (
	"reach/auth"
	"reach/realcode/zconfig"
)

// Token signs with the configured secret.
func Token(c zconfig.Config) *auth.Issuer {
	return auth.New(c.JwtAuth.AccessSecret)
}
