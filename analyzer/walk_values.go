package analyzer

import (
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// bind indexes `lhs = rhs` and records the name it binds.
func (ix *index) bind(lhs, rhs ast.Expr) {
	ix.flow.Assign(lhs, rhs)
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		obj := ix.info.ObjectOf(l)
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
		var settingKeys []string
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
			switch field.Name() {
			case "Name", "Key", "Env", "EnvVar", "EnvVars":
				settingKeys = append(settingKeys, ix.settingKeys(value)...)
			case "Value", "Default", "DefaultValue", "DefValue", "DefaultText":
				defaults = append(defaults, value)
			}
		}
		for _, k := range settingKeys {
			for _, d := range defaults {
				ix.seen.defaults = append(ix.seen.defaults, sink{expr: d, mode: flow.Value, key: k, named: true, how: "as the default of " + k})
			}
		}
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
func (ix *index) visitField(cur inspector.Cursor, f *ast.Field) {
	if f.Tag == nil {
		return
	}
	if _, ok := cur.Parent().Parent().Node().(*ast.StructType); !ok {
		return
	}
	raw, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return
	}
	tag := reflect.StructTag(raw)
	def, ok := tagDefaultValue(tag)
	if !ok || def == "" || !canHoldSecret(ix.info.TypeOf(f.Type)) {
		return
	}
	ix.seen.tagDefaults = append(ix.seen.tagDefaults, tagDefault{field: f, tag: tag, value: def})
}

// tagDefaultValue finds a default value in a struct tag: default:"..."
// (envconfig, creasty/defaults), envDefault:"..." (caarlos0/env) or
// env:"X,default=..." (sethvargo/go-envconfig).
func tagDefaultValue(tag reflect.StructTag) (string, bool) {
	for _, k := range []string{"default", "envDefault", "env-default"} {
		if v, ok := tag.Lookup(k); ok {
			return v, true
		}
	}
	if env, ok := tag.Lookup("env"); ok {
		for part := range strings.SplitSeq(env, ",") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(part), "default="); ok {
				return v, true
			}
		}
	}
	return "", false
}
