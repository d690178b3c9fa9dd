package report

import (
	"reflect"

	"github.com/jwtssot/jwtssot/internal/visible"
)

// visibleCopy returns a deep copy of the HTML page's data in which every
// string is shown with visible.Text, so that no value the template
// renders, wherever the template puts it, can carry a control or bidi
// character or a line break. A string field tagged `visible:"code"` (a
// line of code) keeps its tabs (visible.Code). The page's data shares
// slices and structs with the report, which other formats write after
// this one: nothing is changed in place.
func visibleCopy(p *htmlPage) *htmlPage {
	return visibleValue(reflect.ValueOf(p), false).Interface().(*htmlPage)
}

func visibleValue(v reflect.Value, code bool) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		s := visible.Text(v.String())
		if code {
			s = visible.Code(v.String())
		}
		out := reflect.New(v.Type()).Elem()
		out.SetString(s)
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(visibleValue(v.Elem(), false))
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(visibleValue(v.Index(i), code))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(visibleValue(it.Key(), false), visibleValue(it.Value(), false))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v) // unexported fields too, which the template cannot reach
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.IsExported() {
				out.Field(i).Set(visibleValue(v.Field(i), f.Tag.Get("visible") == "code"))
			}
		}
		return out
	}
	return v
}
