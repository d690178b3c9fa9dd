// Package cli is a stub of github.com/urfave/cli/v2.
package cli

type StringFlag struct {
	Name        string
	Usage       string
	Value       string
	EnvVars     []string
	Destination *string
}

type Context struct{}

func (c *Context) String(name string) string { return "" }

type Flag interface{ Names() []string }

func (f *StringFlag) Names() []string { return []string{f.Name} }
