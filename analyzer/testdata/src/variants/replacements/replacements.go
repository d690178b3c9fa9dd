// Package replacements is analyzed with replacements for the whole
// golang-jwt package, for (*jwt.Token).SignedString and for jwx's jwt.Sign.
package replacements

import (
	"github.com/golang-jwt/jwt/v5"           // want `^import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages \(variants/auth\); use variants/auth instead \(jwtssot/import\)$`
	xjwt "github.com/lestrrat-go/jwx/v2/jwt" // want `^import of JWT library github.com/lestrrat-go/jwx/v2/jwt outside .*; use variants/jwx instead \(jwtssot/import\)$`
)

func use(tok *jwt.Token, x xjwt.Token) {
	_, _ = jwt.Parse("raw", nil)   // want `^call of jwt.Parse outside .*; use variants/auth instead \(jwtssot/call\)$`
	_, _ = tok.SignedString(nil)   // want `^call of \(\*jwt.Token\).SignedString outside .*; use variants/auth.Sign instead \(jwtssot/call\)$`
	_, _ = xjwt.Sign(x)            // want `^call of jwt.Sign outside .*; use variants/jwx.Sign instead \(jwtssot/call\)$`
	_, _ = xjwt.Parse([]byte("x")) // want `^call of jwt.Parse outside .*; call the auth module's API instead \(jwtssot/call\)$`
}
