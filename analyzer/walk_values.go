package analyzer

import (
	"go/ast"
	"go/types"
	"reflect"
	"strconv"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// bind indexes `lhs = rhs` and records the name it binds.
func (ix *index) bind(lhs, rhs ast.Expr) {
	ix.flow.Assign(lhs, rhs)
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		obj := ix.info.ObjectOf(l)
		if v, ok := obj.(*types.Var); ok && v.Parent() == ix.pass.Pkg.Scope() {
			ix.noteSourceAlias(v, rhs)
		}
		if obj == nil || !canHoldSecret(obj.Type()) {
			return
		}
		nv := namedValue{name: l.Name, expr: rhs, how: "assigned to " + l.Name}
		if obj.Parent() == ix.pass.Pkg.Scope() {
			nv.obj = obj
			if ix.seen.initializers == nil {
				ix.seen.initializers = map[ast.Expr][]types.Object{}
			}
			ix.seen.initializers[rhs] = append(ix.seen.initializers[rhs], obj)
		}
		ix.seen.named = append(ix.seen.named, nv)
		if _, isVar := obj.(*types.Var); isVar {
			ix.seen.fallbackObjs = append(ix.seen.fallbackObjs, obj)
		}
	case *ast.SelectorExpr:
		sel, ok := ix.info.Selections[l]
		if !ok || sel.Kind() != types.FieldVal {
			return
		}
		field := sel.Obj().(*types.Var)
		if canHoldSecret(field.Type()) {
			ix.seen.named = append(ix.seen.named, namedValue{name: field.Name(), expr: rhs, how: "assigned to field " + field.Name()})
			ix.seen.fallbackObjs = append(ix.seen.fallbackObjs, field)
		}
		if ix.seen.refersToJWT && ix.isLibraryType(sel.Recv()) {
			ix.keySink(jwtlib.FieldUse(field), rhs, fieldName(sel.Recv(), field), "", nil)
		}
		ix.keyFieldSink(field, rhs)
	case *ast.IndexExpr: // settings["jwt_secret"] = "..."
		if key, ok := ix.constString(l.Index); ok && keyShape(key) {
			if m, ok := ix.info.TypeOf(l.X).Underlying().(*types.Map); ok && canHoldSecret(m.Elem()) {
				ix.seen.named = append(ix.seen.named, namedValue{name: key, expr: rhs, how: "stored under " + strconv.Quote(key)})
			}
		}
	}
}

// visitCompositeLit indexes struct fields set by a literal, records key
// fields of library structs, and checks secret-looking field names, map
// keys and flag structs (urfave/cli's {Name: "jwt-secret", Value: "dev"}).
func (ix *index) visitCompositeLit(lit *ast.CompositeLit) {
	t := ix.info.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		library := ix.seen.refersToJWT && ix.isLibraryType(t)
		var settingKeys []ast.Expr // {Name: "jwt-secret", Value: "dev"}: a setting's definition
		var defaults []ast.Expr
		for i, e := range lit.Elts {
			field, value := structElt(ix.info, u, e, i)
			if field == nil {
				continue
			}
			ix.flow.AssignObject(field, value)
			if canHoldSecret(field.Type()) {
				ix.seen.named = append(ix.seen.named, namedValue{name: field.Name(), expr: value, how: "assigned to field " + field.Name()})
				ix.seen.fallbackObjs = append(ix.seen.fallbackObjs, field)
			}
			if library {
				ix.keySink(jwtlib.FieldUse(field), value, fieldName(t, field), "", nil)
			}
			ix.keyFieldSink(field, value)
			switch field.Name() {
			case "Name", "Key", "Env", "EnvVar", "EnvVars":
				settingKeys = append(settingKeys, value)
			case "Value", "Default", "DefaultValue", "DefValue", "DefaultText":
				defaults = append(defaults, value)
			}
		}
		if len(defaults) > 0 { // only a struct with a default names settings by these fields
			for _, e := range settingKeys {
				for _, k := range ix.settingKeys(e) {
					for _, d := range defaults {
						ix.seen.defaults = append(ix.seen.defaults, sink{expr: d, mode: flow.Value, key: k, named: true, how: "as the default of " + k})
					}
				}
			}
		}
		ix.recordStructSource(lit, t, u)
	case *types.Map:
		if !canHoldSecret(u.Elem()) {
			return
		}
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if key, ok := ix.constString(kv.Key); ok && keyShape(key) {
				ix.seen.named = append(ix.seen.named, namedValue{name: key, expr: kv.Value, how: "stored under " + strconv.Quote(key)})
			}
		}
	}
}

// keyFieldSink records a value given to a field of another package's
// struct whose facts say the field's value reaches a key there
// (playback.Options{SharedSecret: os.Getenv("X")}).
func (ix *index) keyFieldSink(field *types.Var, value ast.Expr) {
	f := ix.facts.field(field)
	if f == nil || f.Key == nil {
		return
	}
	k := f.Key
	ix.seen.sinks = append(ix.seen.sinks, sink{expr: value, mode: k.Mode, where: k.Where, symbol: k.Symbol,
		how: k.How + " through field " + field.Name()})
}

// recordStructSource records a library struct that says where a setting's
// value goes: cli.StringFlag{Name: "jwt-secret", Value: "dev",
// Destination: &secret} fills secret from the flag, or with its default.
func (ix *index) recordStructSource(lit *ast.CompositeLit, t types.Type, st *types.Struct) {
	src, ok := jwtlib.StructSourceOf(t)
	if !ok {
		return
	}
	var name string
	var dest, value ast.Expr
	for i, e := range lit.Elts {
		field, v := structElt(ix.info, st, e, i)
		switch {
		case field == nil:
		case field.Name() == src.NameField:
			name = ix.constName(v)
		case field.Name() == src.Dest:
			dest = v
		case field.Name() == "Value":
			value = v
		}
	}
	if dest == nil {
		return
	}
	callee := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	if lit.Type != nil {
		callee = types.ExprString(lit.Type) // cli.StringFlag, as written (v3's is a generic type's instance)
	}
	ix.flow.Fill(dest, flow.Read{Name: name, Site: lit, CalleeName: callee})
	if value != nil {
		if u, ok := ast.Unparen(dest).(*ast.UnaryExpr); ok {
			ix.flow.Assign(u.X, value) // the default, when the flag is not given
		}
	}
	ix.seen.reads = append(ix.seen.reads, readUse{site: lit, callee: callee, symbol: callee, name: name, defines: true})
}

// settingKeys returns the setting names a string constant or a []string
// literal of them holds (EnvVars: []string{"JWT_SECRET"}).
func (ix *index) settingKeys(e ast.Expr) []string {
	if s, ok := ix.constString(e); ok && keyShape(s) {
		ix.seen.nameArgs = append(ix.seen.nameArgs, e)
		return []string{s}
	}
	var out []string
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			if s, ok := ix.constString(elt); ok && keyShape(s) {
				ix.seen.nameArgs = append(ix.seen.nameArgs, elt)
				out = append(out, s)
			}
		}
	}
	return out
}

// structElt returns the field and value of element i of a struct literal.
func structElt(info *types.Info, st *types.Struct, e ast.Expr, i int) (*types.Var, ast.Expr) {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return nil, nil
		}
		field, _ := info.Uses[id].(*types.Var)
		return field, kv.Value
	}
	if i < st.NumFields() {
		return st.Field(i), e
	}
	return nil, nil
}

// fieldName is "jwtware.Config.SigningKey" for messages.
func fieldName(t types.Type, field *types.Var) string {
	if n := namedOf(t); n != nil && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + field.Name()
	}
	return field.Name()
}

// A tagDefault is a struct-tag default of a field that may name a secret.
type tagDefault struct {
	field *ast.Field
	tag   reflect.StructTag
	value string
}

// visitField records a struct-tag default: JWTSecret string
// `env:"JWT_SECRET" envDefault:"dev"`.
func (ix *index) visitField(f *ast.Field) {
	if f.Tag == nil {
		return
	}
	raw, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return
	}
	tag := reflect.StructTag(raw)
	def, ok := jwtlib.TagDefault(tag)
	if !ok || def == "" || !canHoldSecret(ix.info.TypeOf(f.Type)) {
		return
	}
	ix.seen.tagDefaults = append(ix.seen.tagDefaults, tagDefault{field: f, tag: tag, value: def})
	// A loader gives the field its default: the literal is one of its
	// values, which the graph follows to a key, whatever the field's name.
	for _, name := range f.Names {
		if v, ok := ix.info.Defs[name].(*types.Var); ok {
			ix.flow.AssignLit(v, &flow.Lit{Expr: f.Tag, Value: def, Via: "as the struct-tag default of " + name.Name})
		}
	}
}
