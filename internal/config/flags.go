package config

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ConfigFlag is the name of the flag that names a config file.
const ConfigFlag = "config"

// BindFlags declares every setting as a flag of fs that sets it in c, for
// drivers that cannot rely on file discovery (Bazel's nogo, a CI job with
// its config elsewhere). List flags take comma-separated values;
// replacements take symbol=use pairs. A value goes through the same decoder
// as a file's and is checked when the flag is set, so a bad flag is reported
// with the flag's name before anything is analyzed; only the replacements'
// symbols wait for Check, as they depend on -libraries.
func BindFlags(fs *flag.FlagSet, c *Config) {
	fs.Var(&fileFlag{&c.ConfigFile}, ConfigFlag, "config `file` to use instead of discovering .jwtssot.yaml")
	for _, f := range []struct{ key, usage string }{
		{"auth", "comma-separated auth package patterns (./internal/auth/... or import paths)"},
		{"libraries", "comma-separated import-path prefixes of extra JWT libraries"},
		{"disable", "comma-separated rule ids to turn off"},
		{"enable", "comma-separated rule ids to turn on that are off by default (insecure-parse)"},
		{"exclude", "comma-separated file globs not to analyze"},
		{"secret-names", "comma-separated regular expressions for names of JWT secrets"},
	} {
		fs.Var(&settingFlag{key: f.key, c: c}, f.key, f.usage)
	}
	fs.Var(&settingFlag{key: "tests", c: c, isBool: true}, "tests", "analyze _test.go files too")
	fs.Var(&settingFlag{key: "replacements", c: c}, "replacements",
		"comma-separated symbol=use pairs naming the auth API that replaces a library symbol")
}

// settingFlag is one setting given as a flag. Each use of the flag replaces
// the setting (so the last -auth wins, as for any flag).
type settingFlag struct {
	key    string
	c      *Config
	isBool bool
}

func (f *settingFlag) IsBoolFlag() bool { return f.isBool }

func (f *settingFlag) String() string {
	if f == nil || f.c == nil {
		return ""
	}
	c := f.c
	switch f.key {
	case "auth":
		return strings.Join(c.Auth, ",")
	case "libraries":
		return strings.Join(c.Libraries, ",")
	case "disable":
		return strings.Join(c.Disable, ",")
	case "enable":
		return strings.Join(c.Enable, ",")
	case "exclude":
		return strings.Join(c.Exclude, ",")
	case "secret-names":
		return strings.Join(c.SecretNames, ",")
	case "tests":
		return strconv.FormatBool(c.TestsOn())
	case "replacements":
		parts := make([]string, len(c.Replacements))
		for i, r := range c.Replacements {
			parts[i] = r.Symbol + "=" + r.Use
		}
		return strings.Join(parts, ",")
	}
	return ""
}

// Set decodes the flag's value as the one setting of a config document.
func (f *settingFlag) Set(v string) error {
	value, err := f.node(v)
	if err != nil {
		return err
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str(f.key), value}}
	d := &decoder{values: map[string]*yaml.Node{}}
	var one Config
	d.setting(&one, doc.Content[0], doc.Content[1])
	if len(d.errs) > 0 {
		return flagError(d.errs[0])
	}
	if f.key != "replacements" {
		if errs := one.check(); len(errs) > 0 {
			return fmt.Errorf("%s", errs[0].Msg)
		}
	}
	*f.c = f.c.Overlay(one)
	return nil
}

// node turns a flag value into the YAML value the setting takes.
func (f *settingFlag) node(v string) (*yaml.Node, error) {
	if f.isBool {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, fmt.Errorf("want true or false, got %q", v)
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}, nil
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for item := range strings.SplitSeq(v, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if f.key != "replacements" {
			seq.Content = append(seq.Content, str(item))
			continue
		}
		sym, use, ok := strings.Cut(item, "=")
		if !ok {
			return nil, fmt.Errorf("%q: want symbol=use", item)
		}
		seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
			str("symbol"), str(strings.TrimSpace(sym)), str("use"), str(strings.TrimSpace(use)),
		}})
	}
	return seq, nil
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// flagError drops the file, line and key an *Error would print: the flag
// package names the flag.
func flagError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return errors.New(e.Msg)
	}
	return err
}

// fileFlag holds the config file's path as given. It is resolved where it is
// used: the standalone scan resolves it after -C, and go vet, which runs the
// analyzer in each package's directory, refuses it (see VetConfigFlagError).
type fileFlag struct{ p *string }

func (f *fileFlag) String() string {
	if f == nil || f.p == nil {
		return ""
	}
	return *f.p
}

func (f *fileFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("empty file name")
	}
	*f.p = v
	return nil
}
