// Package gensettings has a generic variadic helper of another package
// (the blind corpus campus's platform/settings).
package gensettings

// FirstNonEmpty returns the first of vals that is not empty.
func FirstNonEmpty[T ~string | ~[]byte](vals ...T) T { // want FirstNonEmpty:`returns\[value\]\(param\(0 elements\)\)`
	for _, v := range vals {
		if len(v) > 0 {
			return v
		}
	}
	var zero T
	return zero
}
