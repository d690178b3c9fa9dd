package analyzer

import (
	_ "embed"
	"flag"
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/config"
	"github.com/jwtssot/jwtssot/internal/rules"
)

//go:embed doc.go
var docSource string

// Config is jwtssot's configuration: the settings of a .jwtssot.yaml file,
// which New's callers may give in code. See docs/config.md.
type Config = config.Config

// Replacement names the auth API that replaces a JWT library symbol.
type Replacement = config.Replacement

// SourceRow is a row of the sources setting.
type SourceRow = config.SourceRow

// SinkRow is a row of the sinks setting.
type SinkRow = config.SinkRow

// Analyzer is the jwtssot analyzer with the default configuration, refined by
// its flags and by .jwtssot.yaml files. Drivers that need their own settings
// (golangci-lint, tests) call New instead: instances do not share state.
var Analyzer = mustNew(Config{})

func mustNew(cfg Config) *analysis.Analyzer {
	a, err := New(cfg)
	if err != nil {
		panic(err) // unreachable: the zero Config is valid
	}
	return a
}

// New returns a jwtssot analyzer whose settings are cfg overlaid on the
// discovered .jwtssot.yaml (or cfg.ConfigFile, or the file $JWTSSOT_CONFIG
// names): every field cfg sets wins over the file. The analyzer's flags,
// when a driver sets them, win over both. New validates cfg and returns a
// *config.Error naming each bad key.
func New(cfg Config) (*analysis.Analyzer, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	in := &instance{base: cfg, configs: config.NewResolver(), recipes: newRecipeCache()}
	a := &analysis.Analyzer{
		Name:       "jwtssot",
		Doc:        packageDoc(docSource),
		URL:        rules.DocsURL,
		Run:        in.run,
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  factTypes,
		Flags:      *flag.NewFlagSet("jwtssot", flag.ContinueOnError),
	}
	config.BindFlags(&a.Flags, &in.flags)
	return a, nil
}

// instance is the state of one analyzer: its settings and the cache of
// discovered config files. Nothing is package-level, so two instances with
// different settings (two golangci-lint plugin instances, parallel tests)
// never interfere.
type instance struct {
	base    Config // from New
	flags   Config // from the analyzer's flags
	configs *config.Resolver
	recipes *recipeCache // the recipe files, read once (fixes.go)
}

// explicit is the configuration given in code and flags, which overrides the
// discovered file key by key.
func (in *instance) explicit() Config { return in.base.Overlay(in.flags) }

// A Finding is one reported violation with the facts a report needs beyond
// the diagnostic: its rule, the library symbol involved and the function it
// sits in. The analyzer's Result lists the package's findings in the order
// they were reported.
type Finding struct {
	Rule     string
	Pos, End token.Pos
	Message  string // as reported, ending with the rule tag
	Symbol   string // e.g. "github.com/golang-jwt/jwt/v5.Parse"; "" if none applies
	Function string // enclosing function, e.g. "(*Server).login"; "" at package level
	// Fix is the fix a migration recipe gives a call finding, nil if none
	// (fixes.go).
	Fix *analysis.SuggestedFix
	// NoFix says why a call that a recipe's pattern matches has no fix
	// ("recipe beforeParse/afterParse matches, but ..."): the rewrite
	// would change what the code does, or clash with another. "" when the
	// finding has a fix or no recipe matches it.
	NoFix string
}

// Result is the analyzer's result for one package: its findings, and its
// JWT operations for the inventory.
type Result struct {
	Findings []Finding
	Sites    []Site
}
