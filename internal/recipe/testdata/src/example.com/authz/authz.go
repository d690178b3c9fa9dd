// Package authn is imported as example.com/authz: its name differs from its
// path's last element.
package authn

// Verify validates a token.
func Verify(s string) error { return nil }
