// Package pflag is a stub of github.com/spf13/pflag.
package pflag

type FlagSet struct{}

func String(name string, value string, usage string) *string                    { return nil }
func StringP(name, shorthand string, value string, usage string) *string        { return nil }
func StringVarP(p *string, name, shorthand string, value string, usage string)  {}
func (f *FlagSet) StringVar(p *string, name string, value string, usage string) {}
