// Package plugin registers jwtssot as a golangci-lint v2 module plugin named
// "jwtssot". Build a golangci-lint binary that imports it (golangci-lint
// custom with the repository's .custom-gcl.yml, or scripts/custom-gcl.sh
// offline) and enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [jwtssot]
//	  settings:
//	    custom:
//	      jwtssot:
//	        type: module
//	        description: keeps every JWT operation in the auth module
//	        settings:
//	          auth: [./internal/auth/...]
//
// The settings are those of .jwtssot.yaml (analyzer.Config), with the same
// kebab-case keys; each one given wins over the discovered file, so a
// configuration without auth still finds it in .jwtssot.yaml. See
// docs/golangci-lint.md.
package plugin

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/config"
)

// Name is the plugin's name, the linter name in .golangci.yml and in
// //nolint:jwtssot. It equals the analyzer's name, so golangci-lint shows
// the messages without an analyzer prefix.
const Name = "jwtssot"

func init() {
	register.Plugin(Name, New)
}

// New is golangci-lint's constructor for the plugin. Its settings
// (linters.settings.custom.jwtssot.settings, as golangci-lint's config loader
// gives them: nil, or maps with lower-cased keys, lists and scalars) go
// through the decoder that reads .jwtssot.yaml, which rejects unknown keys,
// values of the wrong type and invalid values, naming each bad key. New
// never panics on bad settings.
//
// Each call returns an independent linter: two instances with different
// settings share no state.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := config.FromSettings(settings)
	if err != nil {
		return nil, err
	}
	a, err := analyzer.New(cfg)
	if err != nil {
		return nil, err
	}
	return &linter{analyzer: a}, nil
}

// linter is one configured instance of the plugin.
type linter struct {
	analyzer *analysis.Analyzer
}

// BuildAnalyzers returns the jwtssot analyzer built from the settings.
func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{l.analyzer}, nil
}

// GetLoadMode returns register.LoadModeTypesInfo: jwtssot resolves callees,
// constants and imports through type information.
func (l *linter) GetLoadMode() string { return register.LoadModeTypesInfo }
