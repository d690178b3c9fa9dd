package config

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The settings that other work is about to add, declared as they would be
// in allSettings, to show that the table can express them: sources and
// sinks, lists of objects with string, integer and enumerated fields, each
// validated; and recipes, a list of file paths relative to the config file.
// Only their decoding, validation, flags and schema are exercised here, not
// what they would mean to the analyzer.

type sketchSource struct {
	Symbol  string
	NameArg int
	Result  int
}

type sketchSink struct {
	Symbol string
	Arg    int
	Kind   string
}

// sketchValues hold what the sketched settings decode to. Config has no
// fields for them, so their accessors point here.
type sketchValues struct {
	sources []sketchSource
	sinks   []sketchSink
	recipes []string
}

func sketchSettings(v *sketchValues) []setting {
	symbol := func(example string) objectField[sketchSource] {
		return objectField[sketchSource]{name: "symbol", text: func(s *sketchSource) *string { return &s.Symbol },
			placeholder: "<function>", example: example, required: true, what: "the function"}
	}
	sinkSymbol := symbol("example.com/jwtx.Sign")
	return []setting{
		{
			name: "sources", doc: "Functions that read a setting by name.", typ: "list of `{symbol, name-arg, result}`",
			deflt: "none", usage: "comma-separated symbol=name-arg=result triples",
			value: objectList[sketchSource]{
				field: func(*Config) *[]sketchSource { return &v.sources },
				fields: []objectField[sketchSource]{
					symbol("example.com/cfg.Get"),
					{name: "name-arg", number: func(s *sketchSource) *int { return &s.NameArg }, placeholder: "<argument index>", example: "0"},
					{name: "result", number: func(s *sketchSource) *int { return &s.Result }, placeholder: "<result index>", example: "0"},
				},
			},
		},
		{
			name: "sinks", doc: "Parameters that take key material.", typ: "list of `{symbol, arg, kind}`",
			deflt: "none", usage: "comma-separated symbol=arg=kind triples",
			value: objectList[sketchSink]{
				field: func(*Config) *[]sketchSink { return &v.sinks },
				fields: []objectField[sketchSink]{
					{name: "symbol", text: func(s *sketchSink) *string { return &s.Symbol },
						placeholder: sinkSymbol.placeholder, example: sinkSymbol.example, required: true, what: sinkSymbol.what},
					{name: "arg", number: func(s *sketchSink) *int { return &s.Arg }, placeholder: "<argument index>", example: "1"},
					{name: "kind", text: func(s *sketchSink) *string { return &s.Kind }, placeholder: "<secret or public>",
						example: "secret", required: true, what: "the key's kind", problem: oneOf("kind", "secret", "public")},
				},
			},
		},
		{
			name: "recipes", doc: "Files of more sources and sinks.", typ: "list of file paths",
			deflt: "none", usage: "comma-separated files of sources and sinks, relative to the config file",
			value: stringList{
				field:    func(*Config) *[]string { return &v.recipes },
				examples: []string{"jwtssot/recipes.yaml"},
				problem: func(p string) string {
					if p == "" || filepath.IsAbs(p) || strings.HasPrefix(p, "/") {
						return fmt.Sprintf("%q is not a path relative to the config file", p)
					}
					return ""
				},
			},
		},
	}
}

func oneOf(what string, allowed ...string) func(*validation, string) string {
	return func(_ *validation, s string) string {
		if s == "" || slices.Contains(allowed, s) {
			return ""
		}
		return fmt.Sprintf("unknown %s %q (%ss: %s)", what, s, what, strings.Join(allowed, ", "))
	}
}

func decodeSketch(t *testing.T, src string) (sketchValues, error) {
	t.Helper()
	var v sketchValues
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	_, err := decodeTable(sketchSettings(&v), "c.yaml", doc.Content[0])
	return v, err
}

func TestSketchedSettingsDecode(t *testing.T) {
	got, err := decodeSketch(t, `
sources:
  - {symbol: example.com/cfg.Get, name-arg: 0, result: 0}
  - {symbol: example.com/cfg.Lookup, name-arg: 1, result: 0x1}
sinks:
  - {symbol: example.com/jwtx.Sign, arg: 1, kind: secret}
recipes: [recipes/jwt.yaml]
`)
	if err != nil {
		t.Fatal(err)
	}
	want := sketchValues{
		sources: []sketchSource{{"example.com/cfg.Get", 0, 0}, {"example.com/cfg.Lookup", 1, 1}},
		sinks:   []sketchSink{{"example.com/jwtx.Sign", 1, "secret"}},
		recipes: []string{"recipes/jwt.yaml"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n%+v\nwant\n%+v", got, want)
	}
}

func TestSketchedSettingsErrors(t *testing.T) {
	_, err := decodeSketch(t, `
sources:
  - {symbol: example.com/cfg.Get, name-arg: -1, result: two}
  - {symbol: example.com/cfg.Get, nam-arg: 0}
sinks:
  - {arg: 1, kind: private}
  - example.com/jwtx.Sign
recipes: [/etc/recipes.yaml]
`)
	want := []string{
		`c.yaml:3: sources[0].name-arg: must be a non-negative integer, not the number -1`,
		`c.yaml:3: sources[0].result: must be a non-negative integer, not the string "two"`,
		`c.yaml:4: sources[1].nam-arg: unknown field (fields: symbol, name-arg, result)`,
		`c.yaml:7: sinks[1]: must be an object {symbol: <function>, arg: <argument index>, kind: <secret or public>}, not the string "example.com/jwtx.Sign"`,
		`c.yaml:6: sinks[0].symbol: missing: the function, e.g. example.com/jwtx.Sign`,
		`c.yaml:6: sinks[0].kind: unknown kind "private" (kinds: secret, public)`,
		`c.yaml:8: recipes[0]: "/etc/recipes.yaml" is not a path relative to the config file`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
}

// The sketched settings have flags, schemas and docs rows like the others.
func TestSketchedSettingsFlagsAndSchema(t *testing.T) {
	var v sketchValues
	for _, s := range sketchSettings(&v) {
		var c Config
		f := &settingFlag{s: s, c: &c}
		if err := f.Set(s.value.flagExample()); err != nil {
			t.Errorf("-%s=%s: %v", s.name, s.value.flagExample(), err)
		}
		if got := f.String(); got != s.value.flagExample() {
			t.Errorf("-%s=%s prints as %q", s.name, s.value.flagExample(), got)
		}
		if s.value.schema()["type"] == nil {
			t.Errorf("%s: no schema", s.name)
		}
	}
	if want := []sketchSink{{"example.com/jwtx.Sign", 1, "secret"}}; !reflect.DeepEqual(v.sinks, want) {
		t.Errorf("-sinks: %+v, want %+v", v.sinks, want)
	}
	sinks := sketchSettings(&v)[1]
	for text, want := range map[string]string{
		"example.com/jwtx.Sign=1":          `"example.com/jwtx.Sign=1": want symbol=arg=kind`,
		"example.com/jwtx.Sign=x=secret":   `must be a non-negative integer, not the string "x"`,
		"example.com/jwtx.Sign=1=private":  `unknown kind "private" (kinds: secret, public)`,
		"example.com/jwtx.Sign=-1=private": `must be a non-negative integer, not the number -1`,
	} {
		err := (&settingFlag{s: sinks, c: &Config{}}).Set(text)
		if err == nil || err.Error() != want {
			t.Errorf("-sinks=%s: %v, want %s", text, err, want)
		}
	}
}
