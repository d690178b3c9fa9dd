// Package pflag is a stub of github.com/spf13/pflag.
package pflag

type FlagSet struct{}

func String(name string, value string, usage string) *string                    { return nil }
func StringP(name, shorthand string, value string, usage string) *string        { return nil }
func StringVarP(p *string, name, shorthand string, value string, usage string)  {}
func (f *FlagSet) StringVar(p *string, name string, value string, usage string) {}

// Flag is a flag's definition.
type Flag struct {
	Name     string
	DefValue string
}

func (f *FlagSet) Lookup(name string) *Flag              { return nil }
func (f *FlagSet) GetString(name string) (string, error) { return "", nil }
func CommandLine() *FlagSet                              { return nil }
