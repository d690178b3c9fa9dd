package report

import "github.com/jwtssot/jwtssot/internal/jwtop"

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

// A Site is one JWT operation: a call of a JWT library function that signs,
// parses, verifies or builds a key source, where it is and what is known of
// it (jwtop.Facts, whose fields the JSON shows inline).
type Site struct {
	File     string `json:"file"` // relative to the scan root, slash-separated
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Package  string `json:"package"`
	Function string `json:"function"` // enclosing function; "" at package level
	InAuth   bool   `json:"in_auth"`  // in one of the auth packages
	jwtop.Facts
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
