package analyzer

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/secretname"
)

// A namedValue is a value bound to a name, a source if the name is a JWT
// secret's: judged after the walk, when the package's use of JWT (which
// decides the weak words) is known.
type namedValue struct {
	name string
	expr ast.Expr     // the value, or
	obj  types.Object // a package-level constant or variable bound by its declaration, or
	fn   *types.Func  // a function whose result is the value
	how  string
}

// namedSinks turns the named values and defaults whose name is a JWT
// secret's into sinks, and the defaults of the settings whose reads reach
// a key here, whatever they are called (a flag -seed read into a key).
func (ix *index) namedSinks() []sink {
	var out []sink
	for _, nv := range ix.seen.named {
		if ix.names.IsSecretName(nv.name) {
			out = append(out, sink{expr: nv.expr, fnResult: nv.fn, how: nv.how, named: true, name: nv.name})
		}
	}
	var keyed map[string]bool
	if len(ix.seen.defaults) > 0 {
		keyed = ix.keyedSettings()
	}
	for _, d := range ix.seen.defaults {
		if ix.names.IsSecretKey(d.key) || keyed[d.key] {
			out = append(out, d)
		}
	}
	return out
}

// keyedSettings returns the names of the settings whose reads reach a key
// in the package.
func (ix *index) keyedSettings() map[string]bool {
	out := map[string]bool{}
	for _, r := range ix.reachedReads() {
		if r.read.Name != "" {
			out[r.read.Name] = true
		}
	}
	return out
}

// mayBeSecret reports whether a literal bound to a secret's name can be the
// secret: not the name of a setting (JWT_SECRET, jwt.secret, ${JWT_SECRET})
// and not a placeholder that hides one ("***", "REDACTED") or a sentence
// (a warning stored under the setting's name).
func (ix *index) mayBeSecret(v string) bool {
	return !ix.names.IsSettingName(v) && !secretname.IsPlaceholder(v)
}

// nameLit reports whether a literal is used as a setting's name somewhere
// in the package (os.Getenv(jwtSecretKey), a flag's name): a name, not a
// value, whatever its case style.
func (ix *index) nameLit(l *flow.Lit) bool {
	return l.Origin == "" && l.Expr != nil && ix.seen.nameLits[l.Expr.Pos()]
}

// secretField returns the JWT secret a struct field names, by a setting
// name in one of its tags or by its Go name.
func (ix *index) secretField(names []*ast.Ident, tag reflect.StructTag) (string, bool) {
	for _, k := range jwtlib.SettingTags {
		if v, ok := tag.Lookup(k); ok {
			name, _, _ := strings.Cut(v, ",")
			if name = strings.TrimSpace(name); ix.names.IsSecretKey(name) {
				return name, true
			}
		}
	}
	for _, n := range names {
		if ix.names.IsSecretName(n.Name) {
			return n.Name, true
		}
	}
	return "", false
}

// canHoldSecret reports whether a variable, field or map value of type t
// binds a secret by name: a string, []byte or empty interface. Defined
// string types are excluded: `const jwtKey ctxKey = "jwt"` is a context key.
func canHoldSecret(t types.Type) bool {
	if t == nil {
		return false
	}
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		return anyTerm(tp, canHoldSecret) // T ~string | ~[]byte
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		_, defined := types.Unalias(t).(*types.Named)
		return !defined
	}
	return jwtlib.IsKeyType(t)
}

// anyTerm reports whether a type parameter may be a type that holds:
// one of its constraint's terms (~string | ~[]byte), or, with no terms
// (any, comparable), an interface, which may hold anything.
func anyTerm(tp *types.TypeParam, holds func(types.Type) bool) bool {
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	terms := 0
	for i := range iface.NumEmbeddeds() {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := range e.Len() {
				terms++
				if holds(e.Term(j).Type()) {
					return true
				}
			}
		case *types.Interface: // comparable, another constraint's methods
		default:
			terms++
			if holds(e) {
				return true
			}
		}
	}
	return terms == 0
}

// mayHoldKey reports whether a function's result can carry a key or a
// keyfunc to its callers: its summary is then worth a fact.
func mayHoldKey(t types.Type) bool {
	if canHoldSecret(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Signature:
		return u.Results().Len() > 0 && jwtlib.IsKeyType(u.Results().At(0).Type())
	case *types.Map:
		return canHoldSecret(u.Elem())
	case *types.Slice:
		return canHoldSecret(u.Elem())
	case *types.Basic:
		return u.Info()&types.IsString != 0
	}
	return false
}

// keyShape reports whether a string is shaped like a setting's name.
func keyShape(s string) bool { return secretname.KeyShape(s) }
