// Package formbind fills structs from form values, for other packages:
// a loader wrapper.
package formbind

import "encoding/json"

// Unmarshal fills dst from the JSON values of a form.
func Unmarshal(data map[string][]string, dst any) error { // want Unmarshal:`fills\(1 json.Unmarshal\)`
	for _, p := range data["@json"] {
		if err := json.Unmarshal([]byte(p), dst); err != nil {
			return err
		}
	}
	return nil
}
