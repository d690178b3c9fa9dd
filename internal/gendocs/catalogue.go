package gendocs

import (
	"fmt"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// sourcesTable renders the catalogue's sources, one row per package,
// receiver and way of reading.
func sourcesTable() string {
	type key struct{ kind, pkg, name, value string }
	var order []key
	funcs := map[key][]string{}
	for _, s := range jwtlib.Sources() {
		k := key{string(s.Kind), s.Pkg, sourceName(s), sourceValue(s)}
		if _, ok := funcs[k]; !ok {
			order = append(order, k)
		}
		for _, f := range s.Funcs {
			funcs[k] = append(funcs[k], "`"+method(s.Recv, f)+"`")
		}
	}
	var b strings.Builder
	b.WriteString("| Kind | Package | Functions and methods | Name | Value |\n|---|---|---|---|---|\n")
	for _, k := range order {
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", k.kind, k.pkg, strings.Join(funcs[k], ", "), k.name, k.value)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// method names a function or method of a row as a reader writes it.
func method(recv, name string) string {
	switch recv {
	case "":
		return name
	case "*":
		return "(any type)." + name
	}
	return recv + "." + name
}

var ordinals = []string{"first", "second", "third", "fourth", "fifth"}

func ordinal(i int) string {
	if i < len(ordinals) {
		return ordinals[i]
	}
	return fmt.Sprintf("argument %d", i+1)
}

// sourceName says where a row finds the setting's name.
func sourceName(s jwtlib.Source) string {
	switch {
	case s.Tags != nil:
		tags := make([]string, len(s.Tags))
		for i, t := range s.Tags {
			tags[i] = "`" + t + "`"
		}
		return "each field's tag " + strings.Join(tags, ", ") + ", or its name"
	case s.Chain && s.ChainJoin:
		return "the calls it is chained on, joined with `.`"
	case s.Chain:
		return "the first call it is chained on"
	case s.NameField != "":
		return "the `" + s.NameField + "` of the " + ordinal(s.NameArg) + " argument"
	case s.Expand:
		return "the `$NAME`s of the " + ordinal(s.NameArg) + " argument"
	case s.NameArg >= 0:
		return "the " + ordinal(s.NameArg) + " argument"
	}
	return "none"
}

// sourceValue says where a row's value goes.
func sourceValue(s jwtlib.Source) string {
	switch {
	case s.Tags != nil:
		return "the fields of the struct the " + ordinal(s.Fills) + " argument points to"
	case s.FillsFrom >= 0:
		return "what each argument points to"
	case s.Fills >= 0:
		return "what the " + ordinal(s.Fills) + " argument points to"
	case s.Result > 0:
		return "result " + fmt.Sprint(s.Result+1)
	}
	return "the result"
}

// transformsTable renders the catalogue's transformations by class.
func transformsTable() string {
	classes := []struct {
		class flow.TransformClass
		name  string
	}{{flow.AsIs, "as it is"}, {flow.Transforms, "transformed"}, {flow.Combines, "combined"}}
	byClass := map[flow.TransformClass][]string{}
	for _, k := range jwtlib.TransformKeys() {
		xf, _ := jwtlib.Transform(k)
		byClass[xf.Class] = append(byClass[xf.Class], "`"+k+"`")
	}
	var b strings.Builder
	b.WriteString("| Kind | Functions |\n|---|---|\n")
	for _, c := range classes {
		fmt.Fprintf(&b, "| %s | %s |\n", c.name, strings.Join(byClass[c.class], ", "))
	}
	b.WriteString("| combined | `+` on strings that are not constants, `append` |\n")
	b.WriteString("| as it is | conversions: `[]byte(s)`, `string(b)`, and the zero-copy views of `unsafe`: `unsafe.String`, `unsafe.StringData`, `unsafe.Slice`, `unsafe.SliceData` |")
	return b.String()
}
