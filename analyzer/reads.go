package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// A readUse is where the package reads a setting, recorded by the walk for
// the secret-access rule's second route (names) and the names of settings:
// a call the catalogue or the getter heuristic says reads one, a call of
// another package's function whose facts say it reads the setting its
// parameter names, or a read that fills what it is given (a flag's
// variable, a loader's struct).
type readUse struct {
	site   ast.Expr      // the call, or the flag struct that names a destination
	call   *ast.CallExpr // nil for a struct
	callee string        // as a reader sees it: os.Getenv, (*viper.Viper).GetString
	symbol string        // the callee's full symbol
	// nameArgs are the arguments that name the setting; name is its name
	// when no argument gives it (a chain's, a request's field).
	nameArgs []int
	name     string
	// fields are the fields a loader fills, with their settings' names.
	fields []filledField
	// defines is set for a flag's definition, which reads by its name
	// nothing the rule's second route reports (see jwtlib.Source).
	defines bool
	// secretKey (and, for a loader, secretField) is the JWT secret it
	// reads by name, decided by settle.
	secretKey   string
	secretField string
}

// A filledField is a field a loader fills: the setting's name (its tag's,
// or its Go name) and its path from the struct ("JWT.Secret").
type filledField struct {
	name, path string
	field      *types.Var
}

// sourceOf returns the source a call reads with, if any: the catalogue's
// row for its callee, or, for a function whose body jwtssot does not see
// and that the catalogue does not list, a row made from its looks (a getter
// of an unknown config library). A function of the module is judged by its
// body instead: the graph follows its parameter to the read inside it.
//
// A call of a variable that holds a source (source_aliases.go) returns a
// nil function and the source.
func (ix *index) sourceOf(call *ast.CallExpr) (*types.Func, jwtlib.Source, bool) {
	fn, ok := calleeFunc(ix.info, call)
	if !ok {
		if a, ok := ix.aliasCalled(call); ok {
			return nil, a.src, true
		}
		return nil, jwtlib.Source{}, false
	}
	src, ok := ix.sourceAt(ix.calleeOf(fn), call)
	return fn, src, ok
}

// flowSource is how the value graph sees a source whose result holds the
// value it reads.
func (ix *index) flowSource(call *ast.CallExpr, src jwtlib.Source) (flow.Source, bool) {
	if src.Fills >= 0 || src.FillsFrom >= 0 {
		return flow.Source{}, false // it fills an argument; the walk records that
	}
	fs := flow.Source{NameArg: src.NameArg, Result: src.Result, Kind: src.Kind.Reads(), Expand: src.Expand}
	if src.Chain || src.NameField != "" {
		fs.NameArg, fs.Name = -1, ix.sourceName(call, src)
	}
	return fs, true
}

// sourceName is the setting's name a call gives otherwise than by an
// argument: the first names of the calls it is chained on (kingpin's
// Flag("jwt-secret", ...)), all of them joined with "." (go-ini's
// Section("jwt").Key("secret") is jwt.secret), or a field of its request
// (SecretId: aws.String("prod/jwt")).
func (ix *index) sourceName(call *ast.CallExpr, src jwtlib.Source) string {
	if src.NameField != "" {
		if src.NameArg < len(call.Args) {
			if v := ix.fieldOfLiteral(call.Args[src.NameArg], src.NameField); v != nil {
				name := ix.constName(v)
				return name
			}
		}
		return ""
	}
	var names []string
	for x := call.Fun; ; {
		sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			break
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			break
		}
		if len(inner.Args) > 0 {
			if s, ok := ix.constString(inner.Args[0]); ok && s != "" {
				names = append(names, s)
			}
		}
		x = inner.Fun
	}
	if len(names) == 0 {
		return ""
	}
	if !src.ChainJoin {
		return names[len(names)-1] // the innermost call, as the user declared it first
	}
	for i, j := 0, len(names)-1; i < j; i, j = i+1, j-1 {
		names[i], names[j] = names[j], names[i]
	}
	return strings.Join(names, ".")
}

// constName returns the constant a name is ("" if none), seen through the catalogue's
// functions that return their argument as it is (aws.String("prod/jwt")).
// The walk asks it before the value graph is complete, so it looks at the
// expression alone.
func (ix *index) constName(x ast.Expr) string {
	for range 4 {
		if s, ok := ix.constString(x); ok {
			return s
		}
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return ""
		}
		fn, ok := calleeFunc(ix.info, call)
		if !ok {
			return ""
		}
		if xf, ok := jwtlib.TransformOf(fn); !ok || xf.Class != flow.AsIs {
			return ""
		}
		x = call.Args[0]
	}
	return ""
}

// fieldOfLiteral returns the value given to a field in the struct literal
// x is (or points to).
func (ix *index) fieldOfLiteral(x ast.Expr, field string) ast.Expr {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok {
		x = ast.Unparen(u.X)
	}
	lit, ok := x.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
				return kv.Value
			}
		}
	}
	return nil
}

// recordRead records a call that reads a setting, and the reads that fill
// what it is given: a flag's variable, a scanned row's variables, the
// struct a loader fills.
func (ix *index) recordRead(c *callee, fn *types.Func, call *ast.CallExpr) {
	src, ok := ix.sourceAt(c, call)
	if !ok {
		if c.modelled {
			ix.recordFactRead(call, fn)
		}
		return
	}
	if ix.decodesRequest(call) {
		return
	}
	name, symbol := calleeNames(fn)
	ix.recordSourceRead(call, src, flow.Read{Site: call, Callee: fn, Kind: src.Kind.Reads()}, name, symbol)
}

// recordSourceRead records a call that reads with src; read is the read
// it makes, name and symbol its callee as a reader sees it and in full.
func (ix *index) recordSourceRead(call *ast.CallExpr, src jwtlib.Source, read flow.Read, name, symbol string) {
	u := readUse{site: call, call: call, callee: name, symbol: symbol, defines: src.Defines}
	if src.NameArg >= 0 && src.NameArg < len(call.Args) && src.NameField == "" {
		u.nameArgs = []int{src.NameArg}
	} else if src.Chain || src.NameField != "" {
		u.name = ix.sourceName(call, src)
	}
	switch {
	case src.Tags != nil && src.Fills < len(call.Args):
		u.fields = ix.fillStruct(call.Args[src.Fills], src.Tags, read)
		if u.fields == nil {
			ix.noteWrappedFill(call, call.Args[src.Fills], src.Tags, read, len(ix.seen.reads))
		}
	case src.Fills >= 0 && src.Fills < len(call.Args):
		read.Name = u.name
		if len(u.nameArgs) > 0 {
			read.Name = ix.constName(call.Args[u.nameArgs[0]])
		}
		ix.flow.Fill(call.Args[src.Fills], read)
	case src.FillsFrom >= 0:
		for _, a := range call.Args[min(src.FillsFrom, len(call.Args)):] {
			ix.flow.Fill(a, read)
		}
	}
	ix.seen.reads = append(ix.seen.reads, u)
}

// recordFactRead records a call of another package's function whose facts
// say it reads the settings some of its parameters name.
func (ix *index) recordFactRead(call *ast.CallExpr, fn *types.Func) {
	if fn.Pkg() == ix.pass.Pkg || ix.flow.Declared(fn) {
		return
	}
	f := ix.facts.fn(fn)
	if f == nil || len(f.Reads)+len(f.Fills) == 0 {
		return
	}
	name, symbol := calleeNames(fn)
	u := readUse{site: call, call: call, callee: name, symbol: symbol, nameArgs: f.Reads}
	ix.fillByFact(&u, call, f.Fills)
	ix.seen.reads = append(ix.seen.reads, u)
}

// maxFillDepth bounds how deep a loader's struct is followed: settings
// nest a few levels (jwt: {key: ...}), and the bound (with each struct
// once) keeps a self-referential type finite.
const maxFillDepth = 4

// fillStruct records that a loader fills every field of the struct target
// points to (a map's elements, for a map), each from the setting its first
// tag of tags names, or its Go name, and returns the fields filled.
func (ix *index) fillStruct(target ast.Expr, tags []string, read flow.Read) []filledField {
	t := ix.info.TypeOf(target)
	if t == nil {
		return nil
	}
	if st := structOf(t); st != nil {
		var out []filledField
		ix.fillFields(st, tags, read, "", 0, map[*types.Struct]bool{}, &out)
		return out
	}
	ix.flow.Fill(target, read) // a map, or a string
	return nil
}

func (ix *index) fillFields(st *types.Struct, tags []string, read flow.Read, prefix string, depth int,
	seen map[*types.Struct]bool, out *[]filledField) {
	if depth > maxFillDepth || seen[st] {
		return
	}
	seen[st] = true
	for i := range st.NumFields() {
		f := st.Field(i)
		name, skip := settingOfField(f, reflect.StructTag(st.Tag(i)), tags)
		if skip {
			continue
		}
		path := prefix + f.Name()
		if nested := structOf(f.Type()); nested != nil {
			ix.fillFields(nested, tags, read, path+".", depth+1, seen, out)
			continue
		}
		r := read
		r.Name, r.Field = name, path
		mode := flow.Value
		if isContainerType(f.Type()) {
			mode = flow.Elems
		}
		ix.flow.FillObject(f, mode, r)
		*out = append(*out, filledField{name: name, path: path, field: f})
	}
}

// settingOfField names the setting a loader fills a field from: its first
// tag of tags (the part before a comma), or its Go name; skip is true for a
// field the tag leaves out ("-").
func settingOfField(f *types.Var, tag reflect.StructTag, tags []string) (name string, skip bool) {
	for _, k := range tags {
		if v, ok := tag.Lookup(k); ok {
			n, _, _ := strings.Cut(v, ",")
			n = strings.TrimSpace(n)
			if n == "-" {
				return "", true
			}
			if n != "" {
				return n, false
			}
		}
	}
	return f.Name(), false
}

// isContainerType reports whether values of t hold their values in
// elements: a map, a slice that is not []byte, a channel.
func isContainerType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Map, *types.Chan:
		return true
	case *types.Slice:
		return !flow.IsByte(u.Elem())
	}
	return false
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func calleeFunc(info *types.Info, call *ast.CallExpr) (*types.Func, bool) {
	var fn *types.Func
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		fn, _ = info.Uses[f].(*types.Func)
	case *ast.SelectorExpr:
		fn, _ = info.Uses[f.Sel].(*types.Func)
	case *ast.IndexExpr:
		return calleeFunc(info, &ast.CallExpr{Fun: f.X})
	case *ast.IndexListExpr:
		return calleeFunc(info, &ast.CallExpr{Fun: f.X})
	}
	if fn == nil {
		return nil, false
	}
	return fn.Origin(), true
}

// propagateReads finds the parameters of the package's functions that name
// a setting the function reads: passed to os.Getenv or another source, or
// to a function (of this package or, by its facts, of another) that reads
// the setting its parameter names. A function that calls such a helper
// with its own parameter is one too, so the worklist runs until nothing
// changes; each (function, parameter) is added once.
func (ix *index) propagateReads() {
	type work struct {
		call  *ast.CallExpr
		index int
	}
	var queue []work
	for _, u := range ix.seen.reads {
		if u.defines {
			continue // a helper that defines a flag by the name it is given reads nothing by it
		}
		for _, i := range u.nameArgs {
			queue = append(queue, work{u.call, i})
		}
	}
	for len(queue) > 0 {
		w := queue[0]
		queue = queue[1:]
		if w.index >= len(w.call.Args) {
			continue
		}
		for _, p := range ix.flow.Params(ix.flow.Arg(w.call, w.index, flow.Value)) {
			if p.Mode != flow.Value || ix.seen.readParams[p.Fn][p.Index] {
				continue
			}
			if ix.seen.readParams[p.Fn] == nil {
				ix.seen.readParams[p.Fn] = map[int]bool{}
			}
			ix.seen.readParams[p.Fn][p.Index] = true
			for _, call := range ix.flow.CallsOf(p.Fn) {
				queue = append(queue, work{call, p.Index})
			}
		}
	}
}

// constString returns the value of a constant string expression.
func (ix *index) constString(e ast.Expr) (string, bool) {
	tv, ok := ix.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// structOf returns the struct type t or *t is, if any.
func structOf(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// decodesRequest reports whether a reading call (a source, or a call of a
// loader wrapper) decodes request data: one of its arguments, or of a call
// that made its receiver or an argument (json.NewDecoder(r.Body),
// io.ReadAll(r.Body), in the call or held by a variable), holds what a
// client sent (jwtlib.IsRequestData). The getters of requests read no
// setting, nor does what decodes their data.
func (ix *index) decodesRequest(call *ast.CallExpr) bool {
	inputs := slices.Clone(call.Args)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		inputs = append(inputs, sel.X)
	}
	for _, in := range inputs {
		if ix.isRequestData(in) {
			return true
		}
		for _, mk := range ix.makers(in, 2) {
			if slices.ContainsFunc(mk.Args, ix.isRequestData) {
				return true
			}
		}
	}
	return false
}

// makers returns the calls that made x: x itself, what a conversion
// converts, and the values a variable was assigned, depth levels deep.
func (ix *index) makers(x ast.Expr, depth int) []*ast.CallExpr {
	if depth == 0 {
		return nil
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		out := []*ast.CallExpr{x}
		if tv, ok := ix.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			out = append(out, ix.makers(x.Args[0], depth)...) // []byte(body)
		}
		return out
	case *ast.Ident:
		var out []*ast.CallExpr
		if obj := ix.info.Uses[x]; obj != nil {
			for _, v := range ix.flow.Assigned(obj) {
				out = append(out, ix.makers(v, depth-1)...)
			}
		}
		return out
	}
	return nil
}

// isRequestData reports whether x is a field that holds what a client sent
// (r.Body, e.Request.Form).
func (ix *index) isRequestData(x ast.Expr) bool {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := ix.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return false
	}
	v, ok := s.Obj().(*types.Var)
	return ok && jwtlib.IsRequestData(v)
}
