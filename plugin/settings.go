package plugin

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"

	"github.com/jwtssot/jwtssot/analyzer"
)

// decodeSettings turns golangci-lint's settings into an analyzer.Config.
//
// register.DecodeSettings does the decoding (a JSON round trip that rejects
// unknown fields), but its errors name neither jwtssot nor, for a nested key
// or a value in a list, where the problem is ("json: unknown field \"sym\"").
// So the raw value is first checked against the shape of analyzer.Config,
// which reports every unknown key and wrongly typed value at once, by its
// path ("replacements[1].sym"), as an *analyzer.ConfigError. The JSON
// decoder stays the authority: whatever the check lets through, it decodes
// or rejects.
func decodeSettings(settings any) (analyzer.Config, error) {
	var errs []error
	checkShape(reflect.ValueOf(settings), configType, "", &errs)
	if len(errs) > 0 {
		return analyzer.Config{}, errors.Join(errs...)
	}
	cfg, err := register.DecodeSettings[analyzer.Config](settings)
	if err != nil {
		return analyzer.Config{}, &analyzer.ConfigError{Msg: err.Error()}
	}
	return cfg, nil
}

var configType = reflect.TypeFor[analyzer.Config]()

// checkShape compares the decoded YAML value v with the Go type t it is to
// be decoded into and appends an error for each unknown key and each value
// of the wrong kind. path is the key path so far ("" at the top).
//
// It accepts what the JSON round trip accepts: any map or list types (the
// loader's map[string]any and []any, or a test's []string), any number
// type, null for any setting. Keys match field names case-insensitively, as
// encoding/json matches them; golangci-lint lower-cases keys anyway.
func checkShape(v reflect.Value, t reflect.Type, path string, errs *[]error) {
	for v.IsValid() && (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return // null: the setting is unset
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	bad := func() {
		*errs = append(*errs, &analyzer.ConfigError{Key: path, Msg: fmt.Sprintf("want %s, got %s", describeType(t), describeValue(v))})
	}
	switch t.Kind() {
	case reflect.Struct:
		if v.Kind() != reflect.Map {
			if path == "" {
				*errs = append(*errs, &analyzer.ConfigError{Msg: fmt.Sprintf("want a mapping of settings (%s), got %s",
					strings.Join(keyNames(t), ", "), describeValue(v))})
				return
			}
			bad()
			return
		}
		keys := v.MapKeys()
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = fmt.Sprint(k.Interface())
		}
		order := make([]int, len(keys))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int { return strings.Compare(names[a], names[b]) })
		for _, i := range order {
			name := names[i]
			f, ok := fieldByKey(t, name)
			if !ok {
				*errs = append(*errs, &analyzer.ConfigError{Key: join(path, name), Msg: unknownKeyMsg(t, path)})
				continue
			}
			checkShape(v.MapIndex(keys[i]), f.Type, join(path, keyName(f)), errs)
		}
	case reflect.Slice:
		if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
			bad()
			return
		}
		for i := range v.Len() {
			checkShape(v.Index(i), t.Elem(), fmt.Sprintf("%s[%d]", path, i), errs)
		}
	case reflect.String:
		if v.Kind() != reflect.String {
			bad()
		}
	case reflect.Bool:
		if v.Kind() != reflect.Bool {
			bad()
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// keyName is the settings key of a struct field: its JSON name, or "" if
// the field is not a setting.
func keyName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	if tag == "-" || !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	return name
}

func keyNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if n := keyName(f); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// fieldByKey finds the field a key decodes into: an exact match first, then,
// as encoding/json does, a case-insensitive one.
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	var folded *reflect.StructField
	for f := range t.Fields() {
		name := keyName(f)
		switch {
		case name == "":
		case name == key:
			return f, true
		case folded == nil && strings.EqualFold(name, key):
			folded = &f
		}
	}
	if folded != nil {
		return *folded, true
	}
	return reflect.StructField{}, false
}

func unknownKeyMsg(t reflect.Type, path string) string {
	if path == "" {
		return "unknown setting (the jwtssot settings are " + strings.Join(keyNames(t), ", ") + ")"
	}
	return "unknown key (keys: " + strings.Join(keyNames(t), ", ") + ")"
}

func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice:
		e := t.Elem()
		for e.Kind() == reflect.Pointer {
			e = e.Elem()
		}
		switch e.Kind() {
		case reflect.String:
			return "a list of strings"
		case reflect.Struct:
			return "a list of mappings with keys " + strings.Join(keyNames(e), ", ")
		}
		return "a list"
	case reflect.Struct:
		return "a mapping with keys " + strings.Join(keyNames(t), ", ")
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	}
	return t.String()
}

func describeValue(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Map:
		return "a mapping"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.String:
		return fmt.Sprintf("the string %q", v.String())
	case reflect.Bool:
		return fmt.Sprintf("%t", v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return fmt.Sprintf("the number %v", v.Interface())
	}
	return v.Type().String()
}
