package config

import (
	"fmt"
	"strings"
)

// settingsTable renders docs/config.md's table of the settings.
func settingsTable() string {
	var b strings.Builder
	b.WriteString("| Setting | What it sets | Type | Default | Flag |\n|---|---|---|---|---|\n")
	for _, s := range allSettings {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | `-%s` |\n", s.name, s.name, s.doc, s.typ, s.deflt, s.name)
	}
	fmt.Fprintf(&b, "| | The config file to read instead of discovering one. | file name | discovered | `-%s` |\n", ConfigFlag)
	return b.String()
}

// flagsTable renders docs/config.md's table of the flags with examples.
func flagsTable() string {
	var b strings.Builder
	b.WriteString("| Setting | Analyzer flag | Under `go vet` |\n|---|---|---|\n")
	for _, s := range allSettings {
		if _, ok := s.value.(boolean); ok {
			fmt.Fprintf(&b, "| `%s` | `-%s` or `-%s=false` | `-jwtssot.%s` |\n", s.name, s.name, s.name, s.name)
			continue
		}
		if s.vetRefused != "" {
			fmt.Fprintf(&b, "| `%s` | `-%s=%s` | refused: %s |\n", s.name, s.name, s.value.flagExample(), s.vetRefused)
			continue
		}
		fmt.Fprintf(&b, "| `%s` | `-%s=%s` | `-jwtssot.%s=...` |\n", s.name, s.name, s.value.flagExample(), s.name)
	}
	fmt.Fprintf(&b, "| (the file) | `-%s=ci/jwtssot.yaml` | `%s=$PWD/ci/jwtssot.yaml` (the flag is refused) |\n", ConfigFlag, EnvConfig)
	return b.String()
}

// generatedParts are the parts of docs/config.md rendered from the settings
// table, each with the name in its markers.
var generatedParts = []struct {
	name   string
	render func() string
}{
	{"settings table", settingsTable},
	{"flags table", flagsTable},
}

// RewriteDocs returns page, the text of docs/config.md, with the parts
// generated from the settings table rendered afresh. Each part sits between
//
//	<!-- begin NAME: generated from internal/config/table.go by go test ./internal/config -update -->
//	<!-- end NAME -->
//
// lines; a missing marker is an error.
func RewriteDocs(page []byte) ([]byte, error) {
	out := string(page)
	for _, part := range generatedParts {
		begin := "<!-- begin " + part.name + ": generated from internal/config/table.go by go test ./internal/config -update -->\n"
		end := "<!-- end " + part.name + " -->\n"
		i := strings.Index(out, begin)
		j := strings.Index(out, end)
		if i < 0 || j < i {
			return nil, fmt.Errorf("docs/config.md: no %q line followed by %q", strings.TrimSpace(begin), strings.TrimSpace(end))
		}
		out = out[:i+len(begin)] + part.render() + out[j:]
	}
	return []byte(out), nil
}
