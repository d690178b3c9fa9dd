// Package json re-exports json-iterator's functions under the standard
// library's names (LyricTian/gin-admin's pkg/encoding/json): variables
// that hold a source.
package json

import jsoniter "github.com/json-iterator/go"

var json = jsoniter.ConfigCompatibleWithStandardLibrary

var (
	Marshal   = json.Marshal
	Unmarshal = json.Unmarshal // want Unmarshal:`source\(github.com/json-iterator/go.API.Unmarshal\)`
)
