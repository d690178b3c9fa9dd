package plugin_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/settings-errors.golden")

// TestSettingsErrorsGolden: what the plugin says of bad settings, each
// error as golangci-lint prints it after its own words, is the golden file
// testdata/settings-errors.golden — which the docs' quotes of those
// messages are checked against (cmd/jwtssot's TestDocsErrorQuotes). Run
// with -update to rewrite it, then review the diff.
func TestSettingsErrorsGolden(t *testing.T) {
	var got strings.Builder
	for _, settings := range []map[string]any{
		{"autth": []any{"./internal/auth/..."}},
		{"replacements": []any{map[string]any{"symbol": 3, "use": "x.Y"}}},
		{"disable": []any{"imports"}},
		{"auth": "./internal/auth/..."},
	} {
		_, err := newPlugin(settings)
		if err == nil {
			t.Fatalf("settings %v: no error", settings)
		}
		got.WriteString(err.Error() + "\n")
	}
	golden := filepath.Join("testdata", "settings-errors.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("the plugin's errors differ from %s (run with -update and review the diff):\n%s", golden, got.String())
	}
}
