package handlers

// This file imports no JWT library: every JWT value comes from the auth
// module, and the call rule still sees the library's methods.

import (
	"app/internal/auth"
)

func resign(sub string) (string, error) {
	tok := auth.Issue(sub)
	return tok.SignedString(auth.Key()) // want `^call of \(\*jwt.Token\).SignedString outside .*; use app/internal/auth.Sign instead \(jwtssot/call\)$`
}

func expiry(c *auth.Claims) bool {
	exp, _ := c.GetExpirationTime()       // want `call of \(jwt.RegisteredClaims\).GetExpirationTime`
	_, _ = c.RegisteredClaims.GetIssuer() // want `call of \(jwt.RegisteredClaims\).GetIssuer`
	return exp != nil
}

func signRaw(payload string) ([]byte, error) {
	m := auth.Method()
	return m.Sign(payload, auth.Key()) // want `call of \(jwt.SigningMethod\).Sign outside .*; call the auth module's API instead`
}

func chain(sub string) string {
	s, _ := auth.Issue(sub).
		SignedString(auth.Key()) // want `call of \(\*jwt.Token\).SignedString`
	return s
}

func methodValue(t *auth.Token) func(interface{}) (string, error) {
	return t.SignedString // want `^reference to \(\*jwt.Token\).SignedString`
}

// myToken has its own SignedString: not a library method.
type myToken struct{}

func (myToken) SignedString(key interface{}) (string, error) { return "", nil }

func own() { _, _ = myToken{}.SignedString(nil) }
