// Package libraries is analyzed with libraries: [example.com/acmejwt/...].
package libraries

import "example.com/acmejwt" // want `^import of JWT library example.com/acmejwt outside the auth packages \(variants/auth\); use the auth module's API instead \(jwtssot/import\)$`

func sign(sub string) string {
	tok, _ := acmejwt.Sign(map[string]any{"sub": sub}, []byte("acme-literal-key")) // want `^call of acmejwt.Sign outside` `^hardcoded JWT secret "ac"… \(16 characters\) used as the key of acmejwt.Sign`
	return tok.String()                                                            // want `^call of \(\*acmejwt.Token\).String outside`
}

func verify(raw string) {
	_, _ = acmejwt.Verify(raw, "acme-verify-secret") // want `call of acmejwt.Verify` `hardcoded JWT secret "ac"… \(18 characters\) used as the key of acmejwt.Verify`
}
