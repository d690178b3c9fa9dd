package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jwtssot/jwtssot/internal/inputfile"
)

// An Error is a problem with a configuration value. It names the file and
// line (for a config file) and the key, so the user can go straight to it.
type Error struct {
	File string // the config file; "" for settings given by flags or golangci-lint
	Line int    // 1-based; 0 if unknown
	Key  string // e.g. "auth[1]" or "replacements[0].symbol"; "" for the file as a whole
	Msg  string
}

func (e *Error) Error() string {
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

// ReadFile reads and validates a config file. The file must be a regular
// file (a symlink to one is followed) of at most MaxFileSize bytes: a
// directory, a dangling or looping symlink, a FIFO or a device is an error
// naming the file and what is wrong with it, never a hang and never
// "no config".
func ReadFile(path string) (Config, error) {
	data, err := readRegular(path)
	if err != nil {
		return Config{}, err
	}
	return Parse(path, data)
}

// readRegular reads a config file through jwtssot's one opener of input
// files, which checks what it is first.
func readRegular(path string) ([]byte, error) {
	data, err := configFile.Read(path)
	var ie *inputfile.Error
	if errors.As(err, &ie) {
		return nil, &Error{File: ie.File, Msg: ie.Msg}
	}
	return data, err
}

// configFile is the kind of input file a config file is, for the opener.
var configFile = inputfile.Kind{Noun: "config file", Is: "a YAML file", MaxSize: MaxFileSize, MaxText: "1 MiB"}

const tooBig = "the config file is larger than 1 MiB, the most a config file may hold; is it the right file?"

// errText is an error's text without the operation and path that *PathError
// adds: the Error already names the file.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse decodes and validates the YAML text of a config file. Unknown keys,
// values of the wrong type, a second YAML document and invalid values are
// errors naming the file, line and key; all of them are returned at once.
func Parse(filename string, data []byte) (Config, error) {
	if len(data) > MaxFileSize {
		return Config{}, &Error{File: filename, Msg: tooBig}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return Config{}, yamlSyntaxError(filename, err)
	}
	var second yaml.Node
	if err := dec.Decode(&second); !errors.Is(err, io.EOF) {
		line := 0
		if err == nil {
			line = second.Line
		}
		return Config{}, &Error{File: filename, Line: line,
			Msg: "the file holds more than one YAML document (a second --- ); put every setting in one mapping"}
	}
	if len(doc.Content) == 0 {
		return Config{}, nil // an empty file: every setting at its default
	}
	return decodeNode(filename, doc.Content[0])
}

// FromSettings decodes golangci-lint's settings for the plugin
// (linters.settings.custom.jwtssot.settings): nil, or the maps, lists and
// scalars its loader produces. They go through the same decoder as a file,
// so they are checked the same way; errors name the key, not a file.
func FromSettings(settings any) (Config, error) {
	if settings == nil {
		return Config{}, nil
	}
	var n yaml.Node
	if err := n.Encode(settings); err != nil {
		return Config{}, &Error{Msg: fmt.Sprintf("settings cannot be read: %v", err)}
	}
	return decodeNode("", &n)
}

// decodeNode decodes a document's root node.
func decodeNode(filename string, root *yaml.Node) (Config, error) {
	return decodeTable(allSettings, filename, root)
}

// decodeTable decodes a document's root node holding the settings of table.
func decodeTable(table []setting, filename string, root *yaml.Node) (Config, error) {
	root = resolveAlias(root)
	var cfg Config
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cfg, nil
	}
	if root.Kind != yaml.MappingNode {
		return cfg, &Error{File: filename, Line: root.Line,
			Msg: "the settings must be a mapping (" + strings.Join(names(table), ", ") + "), not " + describeNode(root)}
	}
	d := &decoder{file: filename, table: table, values: map[string]*yaml.Node{}, failed: map[string]bool{}}
	for i := 0; i+1 < len(root.Content); i += 2 {
		d.setting(&cfg, root.Content[i], resolveAlias(root.Content[i+1]))
	}
	for _, e := range checkAll(table, &cfg) {
		if d.failed[e.path()] {
			continue // already reported: a value of the wrong type reads as missing
		}
		d.errs = append(d.errs, &Error{File: filename, Line: d.line(e), Key: e.path(), Msg: e.Msg})
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
		return &Error{File: filename, Line: line, Msg: "invalid YAML: " + m[2]}
	}
	return &Error{File: filename, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < maxAliasDepth; i++ {
		n = n.Alias
	}
	return n
}

// describeNode names a YAML value's kind for an error message.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!str":
			return fmt.Sprintf("the string %q", truncate(n.Value))
		case "!!null":
			return "null"
		case "!!bool":
			return n.Value
		case "!!int", "!!float":
			return "the number " + n.Value
		}
		return fmt.Sprintf("%s %q", strings.TrimPrefix(n.Tag, "!!"), truncate(n.Value))
	case yaml.AliasNode:
		return "an alias"
	}
	return "a value"
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// decoder decodes one config document, collecting errors with their lines.
type decoder struct {
	file   string
	table  []setting // the settings the document may hold
	errs   []error
	values map[string]*yaml.Node // setting name -> its value node, for error lines
	failed map[string]bool       // keys already reported
}

func (d *decoder) fail(n *yaml.Node, key, format string, args ...any) {
	if d.failed != nil {
		d.failed[key] = true
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: n.Line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// setting decodes one key and its value.
func (d *decoder) setting(cfg *Config, k, v *yaml.Node) {
	if k.Kind != yaml.ScalarNode {
		d.fail(k, "", "a setting name must be a plain word (%s)", strings.Join(names(d.table), ", "))
		return
	}
	name := k.Value
	if prev, dup := d.values[name]; dup {
		d.fail(k, name, "set twice (first on line %d)", prev.Line)
		return
	}
	d.values[name] = v
	s, ok := lookupSetting(d.table, name)
	if !ok {
		known := names(d.table)
		msg := "unknown setting"
		if c := closest(name, known); c != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", c)
		} else {
			msg += " (settings: " + strings.Join(known, ", ") + ")"
		}
		d.fail(k, truncate(name), "%s", msg)
		return
	}
	s.value.decode(d, cfg, name, v)
}

// isList reports whether a list setting's value is a list: a sequence, or
// null (the key with nothing after it), which is an empty list that is set,
// so it overrides other layers.
func isList(v *yaml.Node) bool {
	return v.Kind == yaml.SequenceNode || v.Kind == yaml.ScalarNode && v.Tag == "!!null"
}

// items returns the items of a list setting's value, which isList. A list
// longer than MaxListLen is reported.
func (d *decoder) items(key string, v *yaml.Node) ([]*yaml.Node, bool) {
	if len(v.Content) > MaxListLen {
		d.fail(v, key, "has %d items; a list may hold at most %d", len(v.Content), MaxListLen)
		return nil, false
	}
	return v.Content, true
}

// stringList decodes a list of strings; example is an item for the message
// when the value is not a list.
func (d *decoder) stringList(key string, v *yaml.Node, example string) []string {
	if !isList(v) {
		d.fail(v, key, "must be a list, e.g. %s: [%s], not %s", key, example, describeNode(v))
		return nil
	}
	items, ok := d.items(key, v)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(items))
	for i, e := range items {
		e = resolveAlias(e)
		item := fmt.Sprintf("%s[%d]", key, i)
		switch {
		case e.Kind != yaml.ScalarNode || e.Tag != "!!str":
			d.fail(e, item, "must be a string, not %s", describeNode(e))
		case len(e.Value) > MaxItemLen:
			d.fail(e, item, "is %d bytes long; an item may hold at most %d", len(e.Value), MaxItemLen)
		default:
			out = append(out, e.Value)
		}
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
	if len(s) > 64 {
		return "" // no setting name is that long; and the distance is quadratic
	}
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
