package config

import (
	"errors"
	"flag"
	"fmt"
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
	fs.Var(&fileFlag{c}, ConfigFlag, "config `file` to use instead of discovering .jwtssot.yaml")
	for _, s := range allSettings {
		fs.Var(&settingFlag{s: s, c: c}, s.name, s.usage)
	}
}

// FromFlags returns the Config that the flags BindFlags declared in fs (or
// their Values, declared again in another FlagSet) have set: a driver reads
// what the command line said through the settings, not by parsing the
// flags' text again. A FlagSet without them gives the zero Config.
func FromFlags(fs *flag.FlagSet) Config {
	var c *Config
	fs.VisitAll(func(f *flag.Flag) {
		switch v := f.Value.(type) {
		case *settingFlag:
			c = v.c
		case *fileFlag:
			c = v.c
		}
	})
	if c == nil {
		return Config{}
	}
	return *c
}

// settingFlag is one setting given as a flag. Each use of the flag replaces
// the setting (so the last -auth wins, as for any flag).
type settingFlag struct {
	s setting
	c *Config
}

func (f *settingFlag) IsBoolFlag() bool {
	_, ok := f.s.value.(boolean)
	return ok
}

func (f *settingFlag) String() string {
	if f == nil || f.c == nil {
		return ""
	}
	return f.s.value.flagText(f.c)
}

// Set decodes the flag's value as the one setting of a config document.
func (f *settingFlag) Set(text string) error {
	n, err := f.s.value.flagNode(text)
	if err != nil {
		return err
	}
	d := &decoder{table: allSettings, values: map[string]*yaml.Node{}}
	var one Config
	f.s.value.decode(d, &one, f.s.name, n)
	if len(d.errs) > 0 {
		return flagError(d.errs[0])
	}
	if !f.s.late {
		v := &validation{c: &one}
		if f.s.value.check(v, f.s.name); len(v.errs) > 0 {
			return errors.New(v.errs[0].Msg)
		}
	}
	f.s.value.overlay(f.c, &one)
	return nil
}

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
// analyzer in each package's directory, refuses it (see ErrVetConfigFlag).
type fileFlag struct{ c *Config }

func (f *fileFlag) String() string {
	if f == nil || f.c == nil {
		return ""
	}
	return f.c.ConfigFile
}

func (f *fileFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("empty file name")
	}
	f.c.ConfigFile = v
	return nil
}
