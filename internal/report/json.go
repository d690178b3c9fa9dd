package report

import (
	"encoding/json"
	"io"
)

// writeJSON writes the report as one indented JSON document; the schema is
// documented in docs/cli.md.
func writeJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
