// Package jsoniter is a stub of json-iterator: its API interface, whose
// Unmarshal fills the struct it is given.
package jsoniter

type API interface {
	Unmarshal(data []byte, v interface{}) error
	Marshal(v interface{}) ([]byte, error)
}

var ConfigCompatibleWithStandardLibrary API

func Unmarshal(data []byte, v interface{}) error { return nil }
