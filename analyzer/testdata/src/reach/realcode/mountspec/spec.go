// Package mountspec declares a struct another package defines a type over.
package mountspec

// Mount is where a volume goes.
type Mount struct {
	Target string `json:"target"`
	Source string `json:"source"`
}
