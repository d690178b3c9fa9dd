// Package kingpin is a stub of github.com/alecthomas/kingpin/v2. As in the
// real package, the value accessors are promoted from an unexported parser
// type that the clauses embed.
package kingpin

type parserMixin struct{}

func (p *parserMixin) String() *string          { return nil }
func (p *parserMixin) StringVar(target *string) {}

type FlagClause struct{ parserMixin }

type Application struct{}

func New(name, help string) *Application                   { return &Application{} }
func (a *Application) Flag(name, help string) *FlagClause  { return &FlagClause{} }
func Flag(name, help string) *FlagClause                   { return &FlagClause{} }
func (f *FlagClause) Envar(name string) *FlagClause        { return f }
func (f *FlagClause) Default(values ...string) *FlagClause { return f }
