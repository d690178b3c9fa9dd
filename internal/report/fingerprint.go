package report

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Fingerprint gives each violation an identity that survives edits which
// only move it: it hashes the rule, file (by module and path in the module,
// see Violation.Home), enclosing function, symbol and the violation's source
// line with its whitespace normalized, never its line number nor the
// directory the scan ran in. Identical violations in one function are told apart by an
// occurrence index, in source order. vs must be sorted (see Sort).
func Fingerprint(vs []Violation) {
	seen := map[string]int{}
	for i := range vs {
		v := &vs[i]
		file := v.Home
		if file == "" {
			file = v.File
		}
		key := strings.Join([]string{v.Rule, file, v.Function, v.Symbol, normalizeLine(v.SourceLine)}, "\x00")
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		v.Fingerprint = hex.EncodeToString(sum[:16])
	}
}

// normalizeLine collapses runs of whitespace, so re-indenting or gofmt's
// alignment changes do not change a fingerprint.
func normalizeLine(s string) string { return strings.Join(strings.Fields(s), " ") }
