package report

// InventoryVersion is the version of the inventory's JSON shape; it changes
// only when a field changes meaning or disappears.
const InventoryVersion = 1

// An Inventory lists every JWT operation of the scanned code, inside the
// auth packages and outside, with what can be known of it statically, and
// groups the operations by enclosing function into implementations, whose
// differences on security-relevant settings it names.
type Inventory struct {
	Version         int              `json:"version"`
	Sites           []Site           `json:"sites"`
	Implementations []Implementation `json:"implementations"`
	Differences     []Difference     `json:"differences"`
}

// Operations of a Site.
const (
	OpSign    = "sign"    // a token is signed (SignedString, jwt.Sign, jws.Sign, Encode)
	OpParse   = "parse"   // a token is parsed and its signature verified
	OpVerify  = "verify"  // a signature or token is verified without being parsed into claims
	OpDecode  = "decode"  // a token is parsed without verifying its signature
	OpKeyfunc = "keyfunc" // a keyfunc or key set is built (keyfunc.NewDefault, jwk.Fetch)
)

// A Site is one JWT operation: a call of a JWT library function that signs,
// parses, verifies or builds a key source.
type Site struct {
	File     string `json:"file"` // relative to the scan root, slash-separated
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Package  string `json:"package"`
	Function string `json:"function"` // enclosing function; "" at package level
	InAuth   bool   `json:"in_auth"`  // in one of the auth packages

	Op      string `json:"op"`      // one of the Op constants
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
	Claims ClaimChecks `json:"claims"`

	// KeySource says where the key comes from: "auth module" (a value or
	// function of the auth packages), "env" (a setting read, Key names
	// it), "literal" (a hardcoded secret), "parameter" (the enclosing
	// function's caller gives it), "field" (a struct field, Key names it),
	// "keyfunc" (a keyfunc the code builds),
	// "none" (a decode, which verifies nothing), or "unknown".
	KeySource string `json:"key_source"`
	KeyDetail string `json:"key_detail,omitempty"` // the setting or parameter, when known
}

// ClaimChecks records the claim validation of a parse or verify.
type ClaimChecks struct {
	ExpirationRequired bool   `json:"expiration_required,omitempty"` // jwt.WithExpirationRequired
	Audience           string `json:"audience,omitempty"`            // jwt.WithAudience
	Issuer             string `json:"issuer,omitempty"`              // jwt.WithIssuer
	Leeway             string `json:"leeway,omitempty"`              // jwt.WithLeeway, as written
	Skipped            bool   `json:"skipped,omitempty"`             // jwt.WithoutClaimsValidation
	Unverified         bool   `json:"unverified,omitempty"`          // ParseUnverified: no signature check
}

// An Implementation is the JWT operations of one function: the unit a team
// migrates, deletes or keeps.
type Implementation struct {
	Package  string `json:"package"`
	Function string `json:"function"` // "" for package-level code
	InAuth   bool   `json:"in_auth"`
	Sites    []int  `json:"sites"` // indexes into Inventory.Sites
	// Settings is what the implementation's parses and verifies accept,
	// by setting name ("algorithms", "expiration", "audience", "issuer",
	// "leeway", "signature"): the values that Differences compare.
	Settings map[string]string `json:"settings"`
}

// A Difference is a security-relevant setting on which implementations
// disagree: the same token is accepted by one and rejected by another.
type Difference struct {
	Setting string            `json:"setting"`
	Values  []DifferenceValue `json:"values"`
}

// DifferenceValue is one implementation's value of a setting.
type DifferenceValue struct {
	Package  string `json:"package"`
	Function string `json:"function"`
	Value    string `json:"value"`
	File     string `json:"file"` // the implementation's first site
	Line     int    `json:"line"`
}
