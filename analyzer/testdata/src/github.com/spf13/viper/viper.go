// Package viper is a stub of github.com/spf13/viper.
package viper

type Viper struct{}

func New() *Viper { return &Viper{} }

func GetString(key string) string                         { return "" }
func Get(key string) interface{}                          { return nil }
func SetDefault(key string, value interface{})            {}
func Set(key string, value interface{})                   {}
func BindEnv(input ...string) error                       { return nil }
func IsSet(key string) bool                               { return false }
func (v *Viper) GetString(key string) string              { return "" }
func (v *Viper) SetDefault(key string, value interface{}) {}

func UnmarshalKey(key string, rawVal any) error { return nil }
