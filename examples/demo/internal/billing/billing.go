// Package billing imports no JWT library, yet it still handles tokens: the
// *jwt.Token comes from the auth module and billing calls its methods.
package billing

import (
	"log"

	"example.com/demo/internal/auth"
)

// LogCaller logs who called, from an unverified token.
func LogCaller(raw string) {
	tok, err := auth.ParseUnverified(raw)
	if err != nil {
		return
	}
	sub, _ := tok.Claims.GetSubject()
	log.Printf("billing call by %s", sub)
}

// Caller is the subject of a verified token: the way every package should do it.
func Caller(raw string) (string, error) {
	return auth.ValidateToken(raw)
}
