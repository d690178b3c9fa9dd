package config

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A stringList is a setting holding a list of strings: in YAML a sequence of
// strings, as a flag comma-separated items.
type stringList struct {
	field func(*Config) *[]string
	// examples are items for messages ("must be a list, e.g. auth:
	// [./internal/auth/...]" quotes the first), the schema and the flag's
	// example in docs/config.md.
	examples []string
	// problem says what is wrong with an item, "" if nothing.
	problem func(item string) string
	// enum lists the only items allowed, if the list is of names from a
	// closed set (rule ids), for the schema.
	enum func() []string
}

func (l stringList) decode(d *decoder, c *Config, key string, n *yaml.Node) {
	*l.field(c) = d.stringList(key, n, l.examples[0])
}

func (l stringList) overlay(dst, src *Config) {
	if s := *l.field(src); s != nil {
		*l.field(dst) = s
	}
}

func (l stringList) check(v *validation, key string) {
	for i, item := range *l.field(v.c) {
		if p := l.problem(item); p != "" {
			v.add(key, i, "", p)
		}
	}
}

// flagNode splits the flag's text at commas, dropping spaces around the
// items and empty items; an empty text is an empty list.
func (l stringList) flagNode(text string) (*yaml.Node, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, item := range splitFlag(text) {
		seq.Content = append(seq.Content, str(item))
	}
	return seq, nil
}

func (l stringList) flagText(c *Config) string { return strings.Join(*l.field(c), ",") }

func (l stringList) flagExample() string { return strings.Join(l.examples, ",") }

func (l stringList) schema() map[string]any {
	item := map[string]any{"type": "string", "maxLength": MaxItemLen}
	if l.problem("") != "" {
		item["minLength"] = 1
	}
	if l.enum != nil {
		item["enum"] = l.enum()
	}
	return map[string]any{
		"type":     []string{"array", "null"},
		"items":    item,
		"maxItems": MaxListLen,
		"examples": []any{l.examples},
	}
}

// splitFlag splits a list flag's text into its items.
func splitFlag(text string) []string {
	var items []string
	for item := range strings.SplitSeq(text, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}

// problemOf adapts a validator returning an error to stringList's problem.
func problemOf(valid func(string) error) func(string) string {
	return func(item string) string {
		if err := valid(item); err != nil {
			return err.Error()
		}
		return ""
	}
}

// A boolean is a setting that is true or false, or unset (nil).
type boolean struct {
	field func(*Config) **bool
}

func (b boolean) decode(d *decoder, c *Config, key string, n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // unset
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.fail(n, key, "must be true or false, not %s", describeNode(n))
		return
	}
	v := strings.EqualFold(n.Value, "true")
	*b.field(c) = &v
}

func (b boolean) overlay(dst, src *Config) {
	if v := *b.field(src); v != nil {
		*b.field(dst) = v
	}
}

func (boolean) check(*validation, string) {}

// flagNode takes what Go's boolean flags take: true, false, 1, t, F, ...
func (boolean) flagNode(text string) (*yaml.Node, error) {
	v, err := strconv.ParseBool(text)
	if err != nil {
		return nil, fmt.Errorf("want true or false, got %q", text)
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}, nil
}

func (b boolean) flagText(c *Config) string {
	v := *b.field(c)
	return strconv.FormatBool(v != nil && *v)
}

func (boolean) flagExample() string { return "" }

func (boolean) schema() map[string]any {
	return map[string]any{"type": []string{"boolean", "null"}, "default": false}
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
