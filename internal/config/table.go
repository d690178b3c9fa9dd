package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// allSettings is every setting, in the order docs/config.md gives them.
// Adding a setting is one entry here, a field of Config tagged with its
// name, and its section in docs/config.md; TestSettingsTable checks that
// the flags, the schema, golangci-lint's keys and the docs agree with it.
var allSettings = []setting{
	{
		name:  "auth",
		doc:   "The auth packages: the single source of truth, allowed to use JWT libraries and JWT secrets.",
		typ:   "list of package patterns",
		deflt: "none: every JWT use is a violation",
		usage: "comma-separated auth package patterns (./internal/auth/... or import paths)",
		value: stringList{
			field:    func(c *Config) *[]string { return &c.Auth },
			examples: []string{"./internal/auth/...", "example.com/shared/auth"},
			problem:  problemOf(validatePattern),
		},
	},
	{
		name:  "libraries",
		doc:   "Import-path prefixes of JWT libraries, on top of the built-in ones.",
		typ:   "list of import-path prefixes",
		deflt: "none beyond the [built-in libraries](libraries.md)",
		usage: "comma-separated import-path prefixes of extra JWT libraries",
		value: stringList{
			field:    func(c *Config) *[]string { return &c.Libraries },
			examples: []string{"github.com/acme/jwt"},
			problem:  libraryProblem,
		},
	},
	{
		name:  "tests",
		doc:   "Whether `_test.go` files are analyzed.",
		typ:   "boolean",
		deflt: "`false`",
		usage: "analyze _test.go files too",
		value: boolean{field: func(c *Config) **bool { return &c.Tests }},
	},
	{
		name:  "disable",
		doc:   "Rule ids to turn off.",
		typ:   "list of rule ids",
		deflt: "none",
		usage: "comma-separated rule ids to turn off",
		value: ruleList(func(c *Config) *[]string { return &c.Disable }, "secret-access", "directive"),
	},
	{
		name:  "enable",
		doc:   "Rule ids to turn on that are off by default (insecure-parse); disable wins.",
		typ:   "list of rule ids",
		deflt: "none: the rules off by default stay off",
		usage: "comma-separated rule ids to turn on that are off by default (insecure-parse)",
		value: ruleList(func(c *Config) *[]string { return &c.Enable }, "insecure-parse"),
	},
	{
		name:  "exclude",
		doc:   "Globs of files not to analyze, relative to the config file's directory.",
		typ:   "list of file globs",
		deflt: "none",
		usage: "comma-separated file globs not to analyze",
		value: stringList{
			field:    func(c *Config) *[]string { return &c.Exclude },
			examples: []string{"internal/legacy/**", "**/*_mock.go"},
			problem:  globProblem,
		},
	},
	{
		name:  "replacements",
		doc:   "The auth module's API that messages name instead of a library symbol.",
		typ:   "list of `{symbol, use}`",
		deflt: "none",
		usage: "comma-separated symbol=use pairs naming the auth API that replaces a library symbol",
		value: replacementList,
		late:  true,
	},
	{
		name:  "recipes",
		doc:   "Go files of migration recipes whose rewrites become fixes, relative to the config file's directory.",
		typ:   "list of file paths",
		deflt: "none: only replacements whose `use` fits the call give fixes",
		usage: "comma-separated recipe files (Go before/after pairs) whose rewrites become fixes",
		value: stringList{
			field:    func(c *Config) *[]string { return &c.Recipes },
			examples: []string{"tools/jwtssot/recipes.go"},
			problem:  recipePathProblem,
		},
		vetRefused: "name the files in `.jwtssot.yaml`, whose recipes are part of go vet's cache key",
	},
	{
		name:  "sources",
		doc:   "Functions and methods that read a setting, on top of the built-in sources.",
		typ:   "list of `{symbol, name, result, fills}`",
		deflt: "none beyond the [built-in sources](libraries.md#sources)",
		usage: "comma-separated symbol=name=result=fills rows of functions that read a setting (positions from 1, 0 for none)",
		value: sourceList,
	},
	{
		name:  "sinks",
		doc:   "Arguments of functions and methods that take a key, on top of the libraries' own.",
		typ:   "list of `{symbol, arg, kind}`",
		deflt: "none beyond the [libraries' key parameters](libraries.md#sinks)",
		usage: "comma-separated symbol=arg=kind rows of arguments that take a key (kind: secret, public or keyfunc)",
		value: sinkList,
	},
	{
		name:  "secret-names",
		doc:   "Regular expressions for more names of JWT secrets.",
		typ:   "list of regular expressions",
		deflt: "none beyond the built-in heuristic",
		usage: "comma-separated regular expressions for names of JWT secrets",
		value: stringList{
			field:    func(c *Config) *[]string { return &c.SecretNames },
			examples: []string{"(?i)^app_token_key$"},
			problem:  regexpProblem,
		},
	},
}

// replacementList is the value of replacements.
var replacementList = objectList[Replacement]{
	field: func(c *Config) *[]Replacement { return &c.Replacements },
	fields: []objectField[Replacement]{
		{
			name:        "symbol",
			text:        func(r *Replacement) *string { return &r.Symbol },
			placeholder: "<library symbol>",
			example:     "github.com/golang-jwt/jwt/v5.Parse",
			required:    true,
			what:        "the library symbol",
			problem:     symbolProblem,
		},
		{
			name:        "use",
			text:        func(r *Replacement) *string { return &r.Use },
			placeholder: "<auth API>",
			example:     "example.com/app/internal/auth.ValidateToken",
			required:    true,
			what:        "the auth module's API to use instead",
		},
	},
}

// sourceList is the value of sources.
var sourceList = objectList[SourceRow]{
	field: func(c *Config) *[]SourceRow { return &c.Sources },
	fields: []objectField[SourceRow]{
		{
			name:        "symbol",
			text:        func(r *SourceRow) *string { return &r.Symbol },
			placeholder: "<function or method>",
			example:     "example.com/platform/settings.Get",
			required:    true,
			what:        "the function or method that reads",
			problem:     functionProblem,
		},
		{name: "name", number: func(r *SourceRow) *int { return &r.Name }, placeholder: "<argument, from 1>", example: "1"},
		{name: "result", number: func(r *SourceRow) *int { return &r.Result }, placeholder: "<result, from 1>", example: "1"},
		{name: "fills", number: func(r *SourceRow) *int { return &r.Fills }, placeholder: "<argument, from 1>", example: "0"},
	},
}

// sinkList is the value of sinks.
var sinkList = objectList[SinkRow]{
	field: func(c *Config) *[]SinkRow { return &c.Sinks },
	fields: []objectField[SinkRow]{
		{
			name:        "symbol",
			text:        func(r *SinkRow) *string { return &r.Symbol },
			placeholder: "<function or method>",
			example:     "example.com/platform/jwtx.Sign",
			required:    true,
			what:        "the function or method that takes the key",
			problem:     functionProblem,
		},
		{name: "arg", number: func(r *SinkRow) *int { return &r.Arg }, placeholder: "<argument, from 1>", example: "2",
			problem: func(_ *validation, v string) string {
				if v == "0" {
					return "must name an argument, counting from 1"
				}
				return ""
			}},
		{name: "kind", text: func(r *SinkRow) *string { return &r.Kind }, placeholder: "<secret, public or keyfunc>",
			example: "secret", problem: oneOf("kind", SinkKinds...)},
	},
}

// SinkKinds are the kinds of key a sinks row names.
var SinkKinds = []string{"secret", "public", "keyfunc"}

// functionProblem says what is wrong with the symbol of a sources or sinks
// row: it must name a function or a method of a package.
func functionProblem(_ *validation, symbol string) string {
	ref := splitSymbol(symbol)
	if ref.member == "" || strings.ContainsAny(symbol, " \t") {
		return fmt.Sprintf("%q is not a function or method (e.g. example.com/pkg.Func or (*example.com/pkg.Type).Method)", symbol)
	}
	return ""
}

// oneOf accepts an empty value or one of allowed.
func oneOf(what string, allowed ...string) func(*validation, string) string {
	return func(_ *validation, s string) string {
		if s == "" || slices.Contains(allowed, s) {
			return ""
		}
		return fmt.Sprintf("unknown %s %q (%ss: %s)", what, s, what, strings.Join(allowed, ", "))
	}
}

// ruleList is a list of rule ids, such as disable.
func ruleList(field func(*Config) *[]string, examples ...string) stringList {
	return stringList{field: field, examples: examples, problem: ruleProblem, enum: rules.IDs}
}

func ruleProblem(id string) string {
	if rules.Known(id) {
		return ""
	}
	return fmt.Sprintf("unknown rule %q (rules: %s)", id, strings.Join(rules.IDs(), ", "))
}

func libraryProblem(l string) string {
	if l == "" || strings.ContainsAny(l, " \t\\") || strings.Contains(l, "://") || strings.HasPrefix(l, "/") {
		return fmt.Sprintf("%q is not an import path prefix (e.g. github.com/acme/jwt)", l)
	}
	return ""
}

func globProblem(g string) string {
	if g == "" || !doublestar.ValidatePattern(g) {
		return fmt.Sprintf("%q is not a valid file glob", g)
	}
	return ""
}

func regexpProblem(p string) string {
	if p == "" {
		return "empty pattern"
	}
	if _, err := regexp.Compile(p); err != nil {
		return fmt.Sprintf("bad regular expression: %v", err)
	}
	return ""
}

// symbolProblem: a replacement's symbol must be in a JWT library, built in
// or listed in libraries next to it.
func symbolProblem(v *validation, symbol string) string {
	if v.libraries().Match(splitSymbol(symbol).pkg) == "" {
		return fmt.Sprintf("%q is not in a JWT library (add its module to libraries)", symbol)
	}
	return ""
}
