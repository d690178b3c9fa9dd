package viper

import "github.com/spf13/pflag"

func BindPFlag(key string, flag *pflag.Flag) error            { return nil }
func Unmarshal(rawVal interface{}) error                      { return nil }
func (v *Viper) Unmarshal(rawVal interface{}) error           { return nil }
func (v *Viper) BindPFlag(key string, flag *pflag.Flag) error { return nil }
