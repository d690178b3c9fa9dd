package config

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// recipes, a list of file paths relative to the config file, is about to
// be added by other work; it is declared here as it would be in
// allSettings, to show that the table can express it. Only its decoding,
// validation, flags and schema are exercised, not what it would mean to
// the analyzer.

// sketchValues hold what the sketched settings decode to. Config has no
// fields for them, so their accessors point here.
type sketchValues struct {
	recipes []string
}

func sketchSettings(v *sketchValues) []setting {
	return []setting{
		{
			name: "recipes", doc: "Files of migration recipes.", typ: "list of file paths",
			deflt: "none", usage: "comma-separated files of recipes, relative to the config file",
			value: stringList{
				field:    func(*Config) *[]string { return &v.recipes },
				examples: []string{"tools/jwtssot/recipes.go"},
				problem: func(p string) string {
					if filepath.IsAbs(p) || strings.HasPrefix(filepath.ToSlash(filepath.Clean(p)), "../") {
						return "\"" + p + "\" is not a path relative to the config file"
					}
					return ""
				},
			},
		},
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
	got, err := decodeSketch(t, "recipes: [tools/jwtssot/recipes.go]\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := (sketchValues{recipes: []string{"tools/jwtssot/recipes.go"}}); !reflect.DeepEqual(got, want) {
		t.Errorf("decoded %+v, want %+v", got, want)
	}
	_, err = decodeSketch(t, "recipes: [/etc/recipes.go]\n")
	want := []string{`c.yaml:1: recipes[0]: "/etc/recipes.go" is not a path relative to the config file`}
	if err == nil || !slices.Equal(strings.Split(err.Error(), "\n"), want) {
		t.Errorf("errors: %v, want %q", err, want)
	}
}
