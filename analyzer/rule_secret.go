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
	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/secretname"
)

// A sink is where the literals a value may hold become keys: a key
// parameter of a library function (or of a function of the module that
// passes it on to one), a key field of a library struct, or, for the
// named sources, a value bound to a secret's name, a flag default, a
// setting's fallback.
type sink struct {
	// The value: expr traced in mode, argument index of the call argOf,
	// the result of fnResult, or a node of the graph.
	expr     ast.Expr
	argOf    *ast.CallExpr
	index    int
	fnResult *types.Func
	value    flow.Node
	mode     flow.Mode

	how    string      // how a literal becomes a key, for the message
	where  string      // the library function or field, for key parameters
	symbol string      // the library symbol involved, if any
	fn     *types.Func // the declared function it sits in, whose parameters may reach it

	// named sinks bind a value to a setting's or variable's name; key is
	// that name when it must still be judged a secret's (defaults).
	named bool
	key   string
	name  string // the name a named sink binds its value to
}

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

// node returns the sink's value in the graph, built once the package is
// indexed.
func (s *sink) node(c *checker) flow.Node {
	switch {
	case s.value != nil:
		return s.value
	case s.fnResult != nil:
		return c.flow.Result(s.fnResult, flow.Value)
	case s.argOf != nil:
		return c.flow.Arg(s.argOf, s.index, s.mode)
	case s.expr != nil:
		return c.flow.Trace(s.expr, s.mode)
	}
	return nil
}

// bind indexes `lhs = rhs` and records the name it binds.
func (c *checker) bind(lhs, rhs ast.Expr) {
	c.flow.Assign(lhs, rhs)
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		obj := c.info.ObjectOf(l)
		if obj == nil || !canHoldSecret(obj.Type()) {
			return
		}
		nv := namedValue{name: l.Name, expr: rhs, how: "assigned to " + l.Name}
		if obj.Parent() == c.pass.Pkg.Scope() {
			nv.obj = obj
			if c.initializers == nil {
				c.initializers = map[ast.Expr][]types.Object{}
			}
			c.initializers[rhs] = append(c.initializers[rhs], obj)
		}
		c.named = append(c.named, nv)
		if _, isVar := obj.(*types.Var); isVar {
			c.fallbackObjs = append(c.fallbackObjs, obj)
		}
	case *ast.SelectorExpr:
		sel, ok := c.info.Selections[l]
		if !ok || sel.Kind() != types.FieldVal {
			return
		}
		field := sel.Obj().(*types.Var)
		if canHoldSecret(field.Type()) {
			c.named = append(c.named, namedValue{name: field.Name(), expr: rhs, how: "assigned to field " + field.Name()})
			c.fallbackObjs = append(c.fallbackObjs, field)
		}
		if c.refersToJWT && c.isLibraryType(sel.Recv()) {
			c.keySink(jwtlib.FieldUse(field), rhs, fieldName(sel.Recv(), field), "", nil)
		}
	case *ast.IndexExpr: // settings["jwt_secret"] = "..."
		if key, ok := c.constString(l.Index); ok && keyShape(key) {
			if m, ok := c.info.TypeOf(l.X).Underlying().(*types.Map); ok && canHoldSecret(m.Elem()) {
				c.named = append(c.named, namedValue{name: key, expr: rhs, how: "stored under " + strconv.Quote(key)})
			}
		}
	}
}

// visitCompositeLit indexes struct fields set by a literal, records key
// fields of library structs, and checks secret-looking field names, map
// keys and flag structs (urfave/cli's {Name: "jwt-secret", Value: "dev"}).
func (c *checker) visitCompositeLit(lit *ast.CompositeLit) {
	t := c.info.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		library := c.refersToJWT && c.isLibraryType(t)
		var settingKeys []string
		var defaults []ast.Expr
		for i, e := range lit.Elts {
			field, value := structElt(c.info, u, e, i)
			if field == nil {
				continue
			}
			c.flow.AssignObject(field, value)
			if canHoldSecret(field.Type()) {
				c.named = append(c.named, namedValue{name: field.Name(), expr: value, how: "assigned to field " + field.Name()})
				c.fallbackObjs = append(c.fallbackObjs, field)
			}
			if library {
				c.keySink(jwtlib.FieldUse(field), value, fieldName(t, field), "", nil)
			}
			switch field.Name() {
			case "Name", "Key", "Env", "EnvVar", "EnvVars":
				settingKeys = append(settingKeys, c.settingKeys(value)...)
			case "Value", "Default", "DefaultValue", "DefValue", "DefaultText":
				defaults = append(defaults, value)
			}
		}
		for _, k := range settingKeys {
			for _, d := range defaults {
				c.defaults = append(c.defaults, sink{expr: d, mode: flow.Value, key: k, named: true, how: "as the default of " + k})
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
			if key, ok := c.constString(kv.Key); ok && keyShape(key) {
				c.named = append(c.named, namedValue{name: key, expr: kv.Value, how: "stored under " + strconv.Quote(key)})
			}
		}
	}
}

// settingKeys returns the setting names a string constant or a []string
// literal of them holds (EnvVars: []string{"JWT_SECRET"}).
func (c *checker) settingKeys(e ast.Expr) []string {
	if s, ok := c.constString(e); ok && keyShape(s) {
		c.nameArgs = append(c.nameArgs, e)
		return []string{s}
	}
	var out []string
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			if s, ok := c.constString(elt); ok && keyShape(s) {
				c.nameArgs = append(c.nameArgs, elt)
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
func (c *checker) visitField(cur inspector.Cursor, f *ast.Field) {
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
	if !ok || def == "" || !canHoldSecret(c.info.TypeOf(f.Type)) {
		return
	}
	c.tagDefaults = append(c.tagDefaults, tagDefault{field: f, tag: tag, value: def})
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

// settingTags are the struct tags that name a setting a loader fills.
var settingTags = []string{"env", "envconfig", "mapstructure", "koanf", "yaml", "json", "toml", "flag"}

// secretField returns the JWT secret a struct field names, by a setting
// name in one of its tags or by its Go name.
func (c *checker) secretField(names []*ast.Ident, tag reflect.StructTag) (string, bool) {
	for _, k := range settingTags {
		if v, ok := tag.Lookup(k); ok {
			name, _, _ := strings.Cut(v, ",")
			if name = strings.TrimSpace(name); c.names.IsSecretKey(name) {
				return name, true
			}
		}
	}
	for _, n := range names {
		if c.names.IsSecretName(n.Name) {
			return n.Name, true
		}
	}
	return "", false
}

// resolve decides, once the package is indexed, every finding that needs
// the value graph: which literals are keys (hardcoded-secret), which calls
// read a secret (secret-access), and what the package's functions do with
// their parameters (for the facts).
func (c *checker) resolve() {
	c.settingDefaults()
	c.propagateReads()
	c.checkSecretReads()
	c.propagateKeys()
	c.markNameLits()
	c.resolveSites()
	seen := [2]map[flow.Node]bool{{}, {}} // by sinks, by named sources
	for _, s := range c.sinks {
		c.reportLiterals(s, seen[0])
	}
	for _, s := range c.namedSinks() {
		c.reportLiterals(s, seen[1])
	}
	for _, td := range c.tagDefaults {
		if _, ok := c.secretField(td.field.Names, td.tag); ok && c.mayBeSecret(td.value) {
			fname := "field"
			if len(td.field.Names) > 0 {
				fname = td.field.Names[0].Name
			}
			c.reportSecret(td.field.Tag, td.value, "", "as the struct-tag default of "+fname, "")
		}
	}
	c.reportFallbacks(seen[1])
}

// namedSinks turns the named values and defaults whose name is a JWT
// secret's into sinks.
func (c *checker) namedSinks() []sink {
	var out []sink
	for _, nv := range c.named {
		if c.names.IsSecretName(nv.name) {
			out = append(out, sink{expr: nv.expr, fnResult: nv.fn, how: nv.how, named: true, name: nv.name})
		}
	}
	for _, d := range c.defaults {
		if c.names.IsSecretKey(d.key) {
			out = append(out, d)
		}
	}
	return out
}

// reportLiterals reports every literal a sink's value may hold, and
// records the parameters of its function that reach it.
func (c *checker) reportLiterals(s sink, seen map[flow.Node]bool) {
	n := s.node(c)
	if n == nil {
		return
	}
	c.flow.Literals(n, seen, func(l *flow.Lit) {
		if l.Value == "" || jwtlib.IsPublicKeyText(l.Value) || secretname.IsMask(l.Value) {
			return
		}
		if s.named && (!c.mayBeSecret(l.Value) || c.nameLit(l) || secretname.IsOwnNameLess(s.name, l.Value)) {
			return
		}
		c.reportSecret(l.Expr, l.Value, l.Origin, s.how, s.symbol)
	})
}

// mayBeSecret reports whether a literal bound to a secret's name can be the
// secret: not the name of a setting (JWT_SECRET, jwt.secret, ${JWT_SECRET})
// and not a placeholder that hides one ("***", "REDACTED") or a sentence
// (a warning stored under the setting's name).
func (c *checker) mayBeSecret(v string) bool {
	return !c.names.IsSettingName(v) && !secretname.IsPlaceholder(v)
}

// nameLit reports whether a literal is used as a setting's name somewhere
// in the package (os.Getenv(jwtSecretKey), a flag's name): a name, not a
// value, whatever its case style.
func (c *checker) nameLit(l *flow.Lit) bool {
	return l.Origin == "" && l.Expr != nil && c.nameLits[l.Expr.Pos()]
}

// reportFallbacks reports the literals of every variable, field and
// function result that is read from a JWT secret setting: they are its
// fallbacks (s := os.Getenv("JWT_SECRET"); if s == "" { s = "dev" }).
func (c *checker) reportFallbacks(seen map[flow.Node]bool) {
	var sites []flow.Node
	for _, obj := range c.fallbackObjs {
		sites = append(sites, c.flow.Object(obj, flow.Value))
	}
	for _, fn := range c.fallbackFns {
		if r := c.flow.Result(fn, flow.Value); r != nil {
			sites = append(sites, r)
		}
	}
	for _, u := range c.settingUses {
		if !u.loader && c.modelled(u.callee) { // getenv("JWT_SECRET", "dev"), whatever becomes of its result
			sites = append(sites, c.flow.Trace(u.call, flow.Value))
		}
	}
	for _, n := range sites {
		var key string
		for _, rd := range c.flow.Reads(n) {
			if !rd.ByParam && c.names.IsSecretKey(rd.Name) {
				key = rd.Name
				break
			}
		}
		if key == "" {
			continue
		}
		c.reportLiterals(sink{named: true, how: "as the fallback for " + key, value: n}, seen)
	}
}

// reportSecret reports a hardcoded secret at its literal, once per literal.
func (c *checker) reportSecret(lit ast.Node, value, origin, how, symbol string) {
	if value == "" || c.secretLits[lit.Pos()] || !c.analyzed(lit.Pos()) {
		return
	}
	c.secretLits[lit.Pos()] = true
	c.markInitialized(lit)
	from := ""
	if origin != "" {
		from = "from " + origin + " "
	}
	body := "hardcoded JWT secret " + redact(value) + " " + from + how +
		"; load it from the environment or a secret store in the auth module"
	c.report(rules.HardcodedSecret, lit.Pos(), lit.End(), symbol, body)
}

// markInitialized marks as reported the package-level constants and
// variables whose value holds lit: their uses elsewhere are not reported
// again. It looks at lit's enclosing nodes, so its cost is the literal's
// depth, not the package's number of declarations.
func (c *checker) markInitialized(lit ast.Node) {
	fs := c.files[c.pass.Fset.File(lit.Pos())]
	if fs == nil || len(c.initializers) == 0 {
		return
	}
	cur, ok := fs.cursor.FindByPos(lit.Pos(), lit.End())
	if !ok {
		return
	}
	for enc := range cur.Enclosing() {
		if e, ok := enc.Node().(ast.Expr); ok {
			for _, obj := range c.initializers[e] {
				c.reportedObjs[obj] = true
			}
		}
	}
}

// canHoldSecret reports whether a variable, field or map value of type t
// binds a secret by name: a string, []byte or empty interface. Defined
// string types are excluded: `const jwtKey ctxKey = "jwt"` is a context key.
func canHoldSecret(t types.Type) bool {
	if t == nil {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		_, defined := types.Unalias(t).(*types.Named)
		return !defined
	}
	return jwtlib.IsKeyType(t)
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
