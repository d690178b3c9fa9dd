// Package catalogue uses an in-house settings library and signing wrapper
// that the sources and sinks settings describe.
package catalogue

import (
	"example.com/platform/jwtx"
	"example.com/platform/settings"
)

func sign(claims map[string]any) {
	_, _ = jwtx.Sign(claims, []byte(settings.Get("MATERIAL"))) // want `^JWT secret MATERIAL read with settings.Get outside the auth packages \(variants/auth\) is used as the key of jwtx.Sign;`
	_, _ = jwtx.Sign(claims, []byte("inhouse-literal-key"))    // want `^hardcoded JWT secret "in"… \(19 characters\) used as the key of jwtx.Sign;`
	_ = settings.Get("JWT_SECRET")                             // want `^JWT secret JWT_SECRET read with settings.Get outside`
	_ = jwtx.Verify("", []byte(settings.Get("VERIFY_PEM")))    // a public key: not a secret
	_ = settings.Get("PORT")
}
