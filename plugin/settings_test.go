package plugin

import (
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/jwtssot/jwtssot/internal/config"
)

// golangciSettings returns linters.settings.custom.jwtssot.settings of a
// .golangci.yml the way golangci-lint's loader hands it to New: viper decodes
// YAML with go.yaml.in/yaml/v3 into map[string]any, []any and scalars, and
// lower-cases map keys (which the test's keys already are).
func golangciSettings(t *testing.T, src string) any {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	v := any(doc)
	for _, k := range []string{"linters", "settings", "custom", "jwtssot", "settings"} {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("no %s in %s", k, src)
		}
		v = m[k]
	}
	return v
}

func TestDecodeSettingsFromGolangciYAML(t *testing.T) {
	settings := golangciSettings(t, `
version: "2"
linters:
  default: none
  enable: [jwtssot]
  settings:
    custom:
      jwtssot:
        type: module
        description: JWT operations only in the auth module
        settings:
          auth: [./internal/auth/...]
          libraries: [example.com/jose]
          tests: true
          disable: [directive]
          exclude: ["legacy/**"]
          replacements:
            - symbol: github.com/golang-jwt/jwt/v5.Parse
              use: example.com/shop/internal/auth.ValidateToken
          secret-names: ["(?i)^hush"]
`)
	got, err := config.FromSettings(settings)
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	want := config.Config{
		Auth:      []string{"./internal/auth/..."},
		Libraries: []string{"example.com/jose"},
		Tests:     &yes,
		Disable:   []string{"directive"},
		Exclude:   []string{"legacy/**"},
		Replacements: []config.Replacement{{
			Symbol: "github.com/golang-jwt/jwt/v5.Parse",
			Use:    "example.com/shop/internal/auth.ValidateToken",
		}},
		SecretNames: []string{"(?i)^hush"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n%+v\nwant\n%+v", got, want)
	}
}

func TestDecodeSettingsUnset(t *testing.T) {
	for name, settings := range map[string]any{
		"no settings key": golangciSettings(t, "linters: {settings: {custom: {jwtssot: {type: module}}}}"),
		"null":            golangciSettings(t, "linters: {settings: {custom: {jwtssot: {settings: null}}}}"),
		"empty mapping":   golangciSettings(t, "linters: {settings: {custom: {jwtssot: {settings: {}}}}}"),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := config.FromSettings(settings)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, config.Config{}) {
				t.Errorf("decoded %+v, want the zero Config (every setting from .jwtssot.yaml)", got)
			}
		})
	}
}

// A key with no value means what it means in .jwtssot.yaml, through the
// same decoder: an empty list that is set (and overrides the file), and an
// unset tests.
func TestDecodeSettingsNullValues(t *testing.T) {
	got, err := config.FromSettings(map[string]any{"auth": nil, "tests": nil})
	if err != nil {
		t.Fatal(err)
	}
	if got.Auth == nil || len(got.Auth) != 0 || got.Tests != nil {
		t.Errorf("decoded %+v, want auth set to an empty list and tests unset", got)
	}
}

// Go callers (tests, other drivers) may pass typed slices and maps.
func TestDecodeSettingsGoValues(t *testing.T) {
	got, err := config.FromSettings(map[string]any{
		"auth":         []string{"example.com/shop/internal/auth"},
		"replacements": []map[string]string{{"symbol": "github.com/golang-jwt/jwt/v5.Parse", "use": "auth.ValidateToken"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Auth) != 1 || len(got.Replacements) != 1 || got.Replacements[0].Use != "auth.ValidateToken" {
		t.Errorf("decoded %+v", got)
	}
}
