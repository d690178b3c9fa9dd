package analyzer

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ConfigFileNames are the names jwtssot looks for, in this order, in each
// directory from a package's directory up to its module root.
var ConfigFileNames = []string{".jwtssot.yaml", ".jwtssot.yml"}

// A ConfigError is a problem with a configuration value. It names the file
// and line (for a config file) and the key, so the user can go straight to it.
type ConfigError struct {
	File string // the config file; "" for settings given by flags or golangci-lint
	Line int    // 1-based; 0 if unknown
	Key  string // e.g. "auth[1]" or "replacements[0].symbol"; "" for a syntax error
	Msg  string
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	switch {
	case e.File != "" && e.Line > 0:
		fmt.Fprintf(&b, "%s:%d: ", e.File, e.Line)
	case e.File != "":
		fmt.Fprintf(&b, "%s: ", e.File)
	default:
		b.WriteString("jwtssot settings: ")
	}
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// LoadConfigFile reads and validates a config file.
func LoadConfigFile(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return Config{}, &ConfigError{File: path, Msg: "config file not found"}
		}
		return Config{}, &ConfigError{File: path, Msg: err.Error()}
	}
	return ParseConfig(path, data)
}

// ParseConfig decodes and validates the YAML text of a config file. Unknown
// keys, values of the wrong type and invalid values are errors naming the
// file, line and key; all of them are returned at once.
func ParseConfig(filename string, data []byte) (Config, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Config{}, yamlSyntaxError(filename, err)
	}
	var cfg Config
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file: every setting at its default
	}
	root := resolveAlias(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cfg, nil
	}
	if root.Kind != yaml.MappingNode {
		return cfg, &ConfigError{File: filename, Line: root.Line,
			Msg: "the file must be a mapping of settings (" + strings.Join(settingNames, ", ") + ")"}
	}
	d := &decoder{file: filename, values: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(root.Content); i += 2 {
		d.setting(&cfg, root.Content[i], resolveAlias(root.Content[i+1]))
	}
	for _, e := range cfg.check() {
		d.errs = append(d.errs, &ConfigError{File: filename, Line: d.line(e), Key: e.path(), Msg: e.Msg})
	}
	if len(d.errs) > 0 {
		return Config{}, errors.Join(d.errs...)
	}
	return cfg, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlSyntaxError(filename string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &ConfigError{File: filename, Line: line, Msg: "invalid YAML: " + m[2]}
	}
	return &ConfigError{File: filename, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// decoder decodes one config file, collecting errors with their lines.
type decoder struct {
	file   string
	errs   []error
	values map[string]*yaml.Node // setting name -> its value node, for error lines
}

func (d *decoder) fail(n *yaml.Node, key, format string, args ...any) {
	d.errs = append(d.errs, &ConfigError{File: d.file, Line: n.Line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) setting(cfg *Config, k, v *yaml.Node) {
	if k.Kind != yaml.ScalarNode {
		d.fail(k, "", "a setting name must be a plain word (%s)", strings.Join(settingNames, ", "))
		return
	}
	name := k.Value
	if prev, dup := d.values[name]; dup {
		d.fail(k, name, "set twice (first on line %d)", prev.Line)
		return
	}
	d.values[name] = v
	switch name {
	case "auth":
		cfg.Auth = d.stringList(name, v)
	case "libraries":
		cfg.Libraries = d.stringList(name, v)
	case "disable":
		cfg.Disable = d.stringList(name, v)
	case "exclude":
		cfg.Exclude = d.stringList(name, v)
	case "secret-names":
		cfg.SecretNames = d.stringList(name, v)
	case "tests":
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			d.fail(v, name, "must be true or false")
			return
		}
		b := strings.EqualFold(v.Value, "true") || strings.EqualFold(v.Value, "yes") || strings.EqualFold(v.Value, "on")
		cfg.Tests = &b
	case "replacements":
		cfg.Replacements = d.replacements(v)
	default:
		msg := "unknown setting"
		if s := closest(name, settingNames); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += " (settings: " + strings.Join(settingNames, ", ") + ")"
		}
		d.fail(k, name, "%s", msg)
	}
}

// stringList decodes a list of strings. A null value (the key with nothing
// after it) is an empty list that is set, so it overrides other layers.
func (d *decoder) stringList(key string, v *yaml.Node) []string {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return []string{}
	}
	if v.Kind != yaml.SequenceNode {
		d.fail(v, key, "must be a list, e.g. %s: [%s]", key, exampleValue(key))
		return nil
	}
	out := make([]string, 0, len(v.Content))
	for i, e := range v.Content {
		e = resolveAlias(e)
		if e.Kind != yaml.ScalarNode || e.Tag == "!!null" {
			d.fail(e, fmt.Sprintf("%s[%d]", key, i), "must be a string")
			continue
		}
		out = append(out, e.Value)
	}
	return out
}

func exampleValue(key string) string {
	switch key {
	case "auth":
		return "./internal/auth/..."
	case "libraries":
		return "github.com/acme/jwt"
	case "disable":
		return "secret-access"
	case "exclude":
		return "internal/legacy/**"
	case "secret-names":
		return "(?i)^app_token_key$"
	}
	return "..."
}

func (d *decoder) replacements(v *yaml.Node) []Replacement {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return []Replacement{}
	}
	if v.Kind != yaml.SequenceNode {
		d.fail(v, "replacements", "must be a list of {symbol, use} objects")
		return nil
	}
	out := make([]Replacement, 0, len(v.Content))
	for i, e := range v.Content {
		e = resolveAlias(e)
		key := fmt.Sprintf("replacements[%d]", i)
		if e.Kind != yaml.MappingNode {
			d.fail(e, key, "must be an object {symbol: <library symbol>, use: <auth API>}")
			continue
		}
		var r Replacement
		for j := 0; j+1 < len(e.Content); j += 2 {
			fk, fv := e.Content[j], resolveAlias(e.Content[j+1])
			if fv.Kind != yaml.ScalarNode || fv.Tag == "!!null" {
				d.fail(fv, key+"."+fk.Value, "must be a string")
				continue
			}
			switch fk.Value {
			case "symbol":
				r.Symbol = fv.Value
			case "use":
				r.Use = fv.Value
			default:
				d.fail(fk, key+"."+fk.Value, "unknown field (fields: symbol, use)")
			}
		}
		out = append(out, r)
	}
	return out
}

// line finds the line of the value a settingError is about.
func (d *decoder) line(e settingError) int {
	v := d.values[e.Key]
	if v == nil {
		return 0
	}
	if e.Index < 0 || v.Kind != yaml.SequenceNode || e.Index >= len(v.Content) {
		return v.Line
	}
	elem := resolveAlias(v.Content[e.Index])
	if e.Field != "" && elem.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(elem.Content); j += 2 {
			if elem.Content[j].Value == e.Field {
				return elem.Content[j+1].Line
			}
		}
	}
	return elem.Line
}

// closest returns the candidate within edit distance 2 of s, if any.
func closest(s string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
