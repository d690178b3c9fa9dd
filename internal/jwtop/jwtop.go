// Package jwtop is the vocabulary of one JWT operation, shared by the
// analyzer, which finds operations and learns what it can of them, and the
// report writers, which show them: what the operation does (Op), how its
// key is given (KeySource), which claims it checks (Claims), and all of it
// together (Facts). It is defined once, here, so that neither side copies
// the other's fields.
package jwtop

// Op is what an operation does with a token.
type Op string

// The operations.
const (
	Sign    Op = "sign"    // a token is signed (SignedString, jwt.Sign, jws.Sign, Encode)
	Parse   Op = "parse"   // a token is parsed and its signature verified
	Verify  Op = "verify"  // a signature or token is verified without being parsed into claims
	Decode  Op = "decode"  // a token is parsed without verifying its signature
	Keyfunc Op = "keyfunc" // a keyfunc or key set is built (keyfunc.NewDefault, jwk.Fetch)
)

// Verifies reports whether an operation checks a signature: a parse or a
// verify.
func (o Op) Verifies() bool { return o == Parse || o == Verify }

// KeySource says where an operation's key comes from.
type KeySource string

// The key sources.
const (
	KeyAuthModule KeySource = "auth module" // a value or function of the auth packages
	KeyEnv        KeySource = "env"         // a setting read; Facts.KeyDetail names it
	KeyLiteral    KeySource = "literal"     // a hardcoded secret
	KeyParameter  KeySource = "parameter"   // the enclosing function's caller gives it
	KeyField      KeySource = "field"       // a struct field; Facts.KeyDetail names it
	KeyKeyfunc    KeySource = "keyfunc"     // a keyfunc the code builds
	KeyNone       KeySource = "none"        // a decode, which verifies nothing
	KeyUnknown    KeySource = "unknown"
)

// Claims records the claim validation of a parse or verify.
type Claims struct {
	ExpirationRequired bool   `json:"expiration_required,omitempty"` // jwt.WithExpirationRequired
	Audience           string `json:"audience,omitempty"`            // jwt.WithAudience
	Issuer             string `json:"issuer,omitempty"`              // jwt.WithIssuer
	Leeway             string `json:"leeway,omitempty"`              // jwt.WithLeeway, as written
	Skipped            bool   `json:"skipped,omitempty"`             // jwt.WithoutClaimsValidation
	Unverified         bool   `json:"unverified,omitempty"`          // ParseUnverified: no signature check
}

// Facts is what can be known statically of one operation, wherever it is.
type Facts struct {
	Op      Op     `json:"op"`
	Library string `json:"library"` // the JWT library's path, e.g. github.com/golang-jwt/jwt
	Symbol  string `json:"symbol"`  // e.g. github.com/golang-jwt/jwt/v5.ParseWithClaims

	// Algorithms are the signing methods used (for sign) or accepted (for
	// parse and verify), as far as the code says: jwt.WithValidMethods,
	// SigningMethodHS256, a keyfunc that checks t.Method, jwa.HS256().
	// Empty when the code does not restrict them.
	Algorithms []string `json:"algorithms"`
	// AlgorithmsRestricted is true when the accepted algorithms are
	// restricted by the code (always true for sign).
	AlgorithmsRestricted bool `json:"algorithms_restricted"`
	// AnyAlgorithm is true when a parse accepts any algorithm its key
	// fits (golang-jwt without WithValidMethods or a check of t.Method):
	// an HS256 token made with an RSA public key as the secret passes.
	// When both are false, the library's default or configuration decides.
	AnyAlgorithm bool `json:"any_algorithm"`

	// Claims says which claims are validated or skipped.
	Claims Claims `json:"claims"`

	KeySource KeySource `json:"key_source"`
	KeyDetail string    `json:"key_detail,omitempty"` // the setting or parameter, when known
}
