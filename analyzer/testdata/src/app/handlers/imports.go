package handlers

import (
	"fmt"

	jwtlib "github.com/golang-jwt/jwt/v5"    // want `^import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages \(\./internal/auth/\.\.\.\); use app/internal/auth instead \(jwtssot/import\)$`
	_ "github.com/golang-jwt/jwt/v5/request" // want `import of JWT library github.com/golang-jwt/jwt/v5/request .*; use the auth module's API instead \(jwtssot/import\)$`

	"app/internal/auth"
	"app/pkg/jwt"
)

// parse calls the library directly.
func parse(raw string) (*jwtlib.Token, error) {
	return jwtlib.Parse(raw, keyFunc) // want `^call of jwt.Parse outside the auth packages \(\./internal/auth/\.\.\.\); use app/internal/auth.ValidateToken instead \(jwtssot/call\)$`
}

func keyFunc(t *jwtlib.Token) (interface{}, error) { return auth.Key(), nil }

// Function values, method values and method expressions are references.
var (
	parseFn  = jwtlib.Parse                 // want `^reference to jwt.Parse outside`
	signExpr = (*jwtlib.Token).SignedString // want `^reference to \(\*jwt.Token\).SignedString outside .*; use app/internal/auth.Sign instead`
)

// ParseAs is a generic wrapper around the library.
func ParseAs[T jwtlib.Claims](raw string, claims T) (*jwtlib.Token, error) {
	return jwtlib.ParseWithClaims(raw, claims, keyFunc) // want `call of jwt.ParseWithClaims`
}

// verify is a closure wrapper.
var verify = func(raw string) error {
	_, err := jwtlib.NewParser(jwtlib.WithValidMethods([]string{"HS256"})).Parse(raw, keyFunc) // want `call of jwt.NewParser` `call of jwt.WithValidMethods` `call of \(\*jwt.Parser\).Parse`
	return err
}

// Traps: library types, variables, conversions, the user's own jwt package,
// a local variable named jwt, comments and strings are not calls.
func traps(m map[string]interface{}) {
	var _ *jwtlib.Token
	_ = jwtlib.SigningMethodHS256
	_ = jwtlib.ErrTokenExpired
	_ = jwtlib.MapClaims(m)
	_ = jwtlib.RegisteredClaims{Issuer: "svc"}
	_ = jwt.Parse("not a library")       // app/pkg/jwt
	_ = (&jwt.Token{}).SignedString(nil) // app/pkg/jwt
	{
		jwt := struct{ Parse func(string) error }{Parse: func(string) error { return nil }}
		_ = jwt.Parse("x")
	}
	// jwt.Parse(raw, keyFunc) in a comment is not a call.
	fmt.Println("jwtlib.Parse(raw)")
}
