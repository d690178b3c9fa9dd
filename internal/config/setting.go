package config

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// A setting is one key of the configuration, declared once in allSettings.
// Everything a front end does with the key comes from its entry: decoding it
// from a .jwtssot.yaml file, from golangci-lint's settings (the same key:
// golangci-lint's loader lower-cases keys and splits them at dots, so a key
// is lower-case without dots) and from the analyzer's flag of the same name;
// validation; Overlay; the flag's usage and String; the JSON schema
// (docs/config.schema.json); and the settings tables of docs/config.md.
//
// The merge rule is the same for every setting: a value that is set (a list,
// even empty, or a boolean) replaces the other layer's, never appends to it.
type setting struct {
	name  string // the key, and the name of its flag
	doc   string // what it sets, one line: the schema's description and docs/config.md's table
	typ   string // its type in docs/config.md, e.g. "list of rule ids"
	deflt string // its default in docs/config.md (Markdown)
	usage string // the flag's usage
	value value  // how the value is held, read, checked, merged and printed
	// late marks a setting that can only be checked against the whole
	// configuration (replacements: a symbol must be in a library of
	// libraries). Its flag checks the value's shape when it is set; Check
	// does the rest once every flag is known.
	late bool
	// vetRefused, if set, says that go vet refuses the setting's flag and
	// what to do instead (docs/config.md's flags table): a flag naming a
	// file whose contents go vet's cache key cannot include.
	vetRefused string
}

// A value is how a setting's value is held in a Config and handled. The
// kinds are stringList, boolean and objectList.
type value interface {
	// decode sets the value in c from its YAML node, reporting what is
	// wrong to d under key.
	decode(d *decoder, c *Config, key string, n *yaml.Node)
	// overlay copies src's value into dst if src sets it.
	overlay(dst, src *Config)
	// check validates c's value, reporting each problem to v.
	check(v *validation, key string)
	// flagNode turns a flag's text into the YAML value decode takes.
	flagNode(text string) (*yaml.Node, error)
	// flagText is the flag's text for c's value, the inverse of flagNode.
	flagText(c *Config) string
	// flagExample is an example of the flag's text, for docs/config.md.
	flagExample() string
	// schema is the value's JSON schema, without its description.
	schema() map[string]any
}

// lookupSetting returns the setting of table named name.
func lookupSetting(table []setting, name string) (setting, bool) {
	for _, s := range table {
		if s.name == name {
			return s, true
		}
	}
	return setting{}, false
}

// names returns the keys of table, in its order.
func names(table []setting) []string {
	out := make([]string, len(table))
	for i, s := range table {
		out[i] = s.name
	}
	return out
}

// A settingError is a problem with one value of one setting. Index is the
// position in a list setting, or -1 for the setting as a whole; Field names
// the key inside a list element ("symbol"), if any.
type settingError struct {
	Key   string
	Index int
	Field string
	Msg   string
}

func (e settingError) path() string {
	s := e.Key
	if e.Index >= 0 {
		s += fmt.Sprintf("[%d]", e.Index)
	}
	if e.Field != "" {
		s += "." + e.Field
	}
	return s
}

// validation collects the problems of one Config, every setting's in turn,
// so a user fixes a config in one round.
type validation struct {
	c    *Config
	errs []settingError
	libs *jwtlib.Matcher // the JWT libraries in effect, built on first use
}

func (v *validation) add(key string, i int, field, msg string) {
	v.errs = append(v.errs, settingError{key, i, field, msg})
}

// libraries matches the JWT libraries of the Config being checked: the
// built-in ones and its libraries setting.
func (v *validation) libraries() *jwtlib.Matcher {
	if v.libs == nil {
		v.libs = jwtlib.NewMatcher(v.c.Libraries)
	}
	return v.libs
}

// checkAll validates every setting of table in c.
func checkAll(table []setting, c *Config) []settingError {
	v := &validation{c: c}
	for _, s := range table {
		s.value.check(v, s.name)
	}
	return v.errs
}
