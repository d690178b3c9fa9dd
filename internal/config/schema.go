package config

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// SchemaURL is where docs/config.schema.json is published.
const SchemaURL = "https://raw.githubusercontent.com/jwtssot/jwtssot/main/docs/config.schema.json"

// Schema returns the JSON schema of a config file, docs/config.schema.json,
// from the settings table. Editors check .jwtssot.yaml against it as the
// user types. It says what the decoder says about keys, types and lengths,
// and names the rule ids; what it cannot say (a pattern that is not a Go
// regular expression, a replacement symbol outside the JWT libraries) only
// the decoder checks.
func Schema() []byte {
	props := map[string]any{}
	for _, s := range allSettings {
		p := s.value.schema()
		p["description"] = s.doc
		props[s.name] = p
	}
	schema := map[string]any{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"$id":                  SchemaURL,
		"title":                "jwtssot configuration (.jwtssot.yaml)",
		"description":          "Settings of jwtssot, the linter that keeps every JWT operation in one auth module. See https://github.com/jwtssot/jwtssot/blob/main/docs/config.md.",
		"type":                 []string{"object", "null"},
		"properties":           props,
		"additionalProperties": false,
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(schema); err != nil {
		panic(fmt.Sprintf("config: the schema does not encode: %v", err)) // only maps, strings and numbers
	}
	return b.Bytes()
}
