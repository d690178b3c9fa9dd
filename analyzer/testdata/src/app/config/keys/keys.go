// Package keys holds setting names, used from another package.
package keys

const EnvJWTSecret = "JWT_SECRET"
