// Package flags is a stub of github.com/jessevdk/go-flags.
package flags

type Options uint

const Default Options = 0

type Parser struct{}

func Parse(data any) ([]string, error)            { return nil, nil }
func NewParser(data any, options Options) *Parser { return &Parser{} }
func (p *Parser) Parse() ([]string, error)        { return nil, nil }
