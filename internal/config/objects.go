package config

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// An objectList is a setting holding a list of objects of type T, such as
// replacements' {symbol, use}: in YAML a sequence of mappings (never a
// mapping keyed by import paths, which golangci-lint's loader would
// lower-case and split at dots), as a flag comma-separated items whose
// fields are separated by "=" in the order of fields.
type objectList[T any] struct {
	field  func(*Config) *[]T
	fields []objectField[T]
}

// An objectField is one field of the objects of an objectList: a string
// (text) or a non-negative integer (number).
type objectField[T any] struct {
	name        string
	text        func(*T) *string // a string field, or
	number      func(*T) *int    // an integer field
	placeholder string           // in "must be an object {symbol: <library symbol>, ...}"
	example     string
	// required: a string field that is empty or blank is "missing: <what>,
	// e.g. <example>".
	required bool
	what     string
	// problem says what is wrong with the field's value, "" if nothing.
	problem func(v *validation, value string) string
}

// shape describes an object of the list: "{symbol, use}".
func (l objectList[T]) shape() string { return "{" + l.fieldNames(", ") + "}" }

func (l objectList[T]) fieldNames(sep string) string {
	names := make([]string, len(l.fields))
	for i, f := range l.fields {
		names[i] = f.name
	}
	return strings.Join(names, sep)
}

func (l objectList[T]) lookup(name string) *objectField[T] {
	for i := range l.fields {
		if l.fields[i].name == name {
			return &l.fields[i]
		}
	}
	return nil
}

func (l objectList[T]) decode(d *decoder, c *Config, key string, n *yaml.Node) {
	if !isList(n) {
		d.fail(n, key, "must be a list of %s objects, not %s", l.shape(), describeNode(n))
		*l.field(c) = nil
		return
	}
	items, ok := d.items(key, n)
	if !ok {
		*l.field(c) = nil
		return
	}
	out := make([]T, 0, len(items))
	for i, e := range items {
		e = resolveAlias(e)
		ekey := fmt.Sprintf("%s[%d]", key, i)
		if e.Kind != yaml.MappingNode {
			placeholders := make([]string, len(l.fields))
			for j, f := range l.fields {
				placeholders[j] = f.name + ": " + f.placeholder
			}
			d.fail(e, ekey, "must be an object {%s}, not %s", strings.Join(placeholders, ", "), describeNode(e))
			continue
		}
		out = append(out, l.element(d, ekey, e))
	}
	*l.field(c) = out
}

// element decodes the fields of one object.
func (l objectList[T]) element(d *decoder, key string, e *yaml.Node) T {
	var elem T
	for j := 0; j+1 < len(e.Content); j += 2 {
		fk, fv := e.Content[j], resolveAlias(e.Content[j+1])
		f := l.lookup(fk.Value)
		if f == nil {
			d.fail(fk, key+"."+truncate(fk.Value), "unknown field (fields: %s)", l.fieldNames(", "))
			continue
		}
		f.decode(d, &elem, key, fv)
	}
	return elem
}

// decode sets the field of elem, the element named elemKey
// ("replacements[0]"), from n.
func (f *objectField[T]) decode(d *decoder, elem *T, elemKey string, n *yaml.Node) {
	if f.number != nil {
		var i int
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Decode(&i) != nil || i < 0 {
			d.fail(n, elemKey+"."+f.name, "must be a non-negative integer, not %s", describeNode(n))
			return
		}
		*f.number(elem) = i
		return
	}
	switch {
	case n.Kind != yaml.ScalarNode || n.Tag != "!!str":
		d.fail(n, elemKey+"."+f.name, "must be a string, not %s", describeNode(n))
	case len(n.Value) > MaxItemLen:
		d.fail(n, elemKey+"."+f.name, "is %d bytes long; an item may hold at most %d", len(n.Value), MaxItemLen)
	default:
		*f.text(elem) = n.Value
	}
}

// value is the field's value as text, as a flag gives it.
func (f *objectField[T]) value(elem *T) string {
	if f.number != nil {
		return strconv.Itoa(*f.number(elem))
	}
	return *f.text(elem)
}

func (l objectList[T]) overlay(dst, src *Config) {
	if s := *l.field(src); s != nil {
		*l.field(dst) = s
	}
}

func (l objectList[T]) check(v *validation, key string) {
	for i := range *l.field(v.c) {
		elem := &(*l.field(v.c))[i]
		for _, f := range l.fields {
			value := f.value(elem)
			switch {
			case f.required && strings.TrimSpace(value) == "":
				v.add(key, i, f.name, fmt.Sprintf("missing: %s, e.g. %s", f.what, f.example))
			case f.problem != nil:
				if p := f.problem(v, value); p != "" {
					v.add(key, i, f.name, p)
				}
			}
		}
	}
}

// flagNode reads comma-separated objects, each its fields' values in order
// separated by "=" (symbol=use).
func (l objectList[T]) flagNode(text string) (*yaml.Node, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, item := range splitFlag(text) {
		parts := strings.SplitN(item, "=", len(l.fields))
		if len(parts) != len(l.fields) {
			return nil, fmt.Errorf("%q: want %s", item, l.fieldNames("="))
		}
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for i, f := range l.fields {
			part := strings.TrimSpace(parts[i])
			value := str(part)
			if _, err := strconv.Atoi(part); err == nil && f.number != nil {
				value.Tag = "!!int"
			}
			m.Content = append(m.Content, str(f.name), value)
		}
		seq.Content = append(seq.Content, m)
	}
	return seq, nil
}

func (l objectList[T]) flagText(c *Config) string {
	list := *l.field(c)
	items := make([]string, len(list))
	for i := range list {
		values := make([]string, len(l.fields))
		for j := range l.fields {
			values[j] = l.fields[j].value(&list[i])
		}
		items[i] = strings.Join(values, "=")
	}
	return strings.Join(items, ",")
}

func (l objectList[T]) flagExample() string {
	examples := make([]string, len(l.fields))
	for i, f := range l.fields {
		examples[i] = f.example
	}
	return strings.Join(examples, "=")
}

func (l objectList[T]) schema() map[string]any {
	props := map[string]any{}
	example := map[string]any{}
	var required []string
	for _, f := range l.fields {
		p := map[string]any{"type": "string", "maxLength": MaxItemLen}
		example[f.name] = f.example
		if f.number != nil {
			p = map[string]any{"type": "integer", "minimum": 0}
			example[f.name], _ = strconv.Atoi(f.example)
		}
		if f.required && f.text != nil {
			p["minLength"] = 1
			required = append(required, f.name)
		}
		props[f.name] = p
	}
	item := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if required != nil {
		item["required"] = required
	}
	return map[string]any{
		"type":     []string{"array", "null"},
		"items":    item,
		"maxItems": MaxListLen,
		"examples": []any{[]any{example}},
	}
}
