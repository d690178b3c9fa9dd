package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// A secretSource is an expression whose literals are hardcoded JWT secrets:
// a key argument of a library function, a value bound to a secret-looking
// name, a flag default, an env fallback. The walk records them; once the
// package is indexed, resolveSecrets traces each to its literals.
type secretSource struct {
	expr    ast.Expr
	keyfunc bool   // expr is a keyfunc: the keys are what it returns
	how     string // how the literal becomes a key, for the message
	symbol  string // the library symbol involved, if any
	// named sources bind a value to a name; a value that is itself the
	// name of a secret setting ("JWT_SECRET") is then not a secret.
	named bool
	// priority orders sources so a literal is described by the most
	// specific one: a library key argument beats a name.
	priority int
	// envVar, instead of expr, is a variable that receives a JWT secret
	// from the environment: the literals assigned to it are fallbacks.
	envVar types.Object
}

const (
	prioritySink = iota
	priorityName
)

func (c *checker) addSource(s secretSource) {
	c.sources = append(c.sources, s)
}

// resolveSecrets traces every recorded source and reports each literal once.
func (c *checker) resolveSecrets() {
	if !c.s.Enabled(rules.HardcodedSecret) {
		return
	}
	for obj, key := range c.flow.envVars {
		c.addSource(secretSource{how: "as the fallback for " + key, named: true,
			priority: priorityName, envVar: obj})
	}
	for _, call := range c.flow.cmpOr {
		c.cmpOrFallbacks(call)
	}
	sort.SliceStable(c.sources, func(i, j int) bool { return c.sources[i].priority < c.sources[j].priority })
	for _, src := range c.sources {
		emit := func(lit ast.Expr, value string) {
			if value == "" || (src.named && c.names.IsSettingName(value)) {
				return
			}
			c.reportSecret(lit, value, src.how, src.symbol)
		}
		t := c.newTracer(emit)
		switch {
		case src.envVar != nil:
			t.object(src.envVar, nil, false)
		case src.keyfunc:
			t.keyfunc(src.expr, nil)
		default:
			t.value(src.expr, nil)
		}
	}
}

// reportSecret reports a hardcoded secret at its literal, once per literal.
func (c *checker) reportSecret(lit ast.Node, value, how, symbol string) {
	if value == "" || c.secretLits[lit.Pos()] {
		return
	}
	if c.files[c.pass.Fset.File(lit.Pos())] == nil {
		return // in a skipped file (a test, generated or excluded file)
	}
	c.secretLits[lit.Pos()] = true
	body := "hardcoded JWT secret " + redact(value) + " " + how +
		"; load it from the environment or a secret store in the auth module"
	c.report(rules.HardcodedSecret, lit.Pos(), lit.End(), symbol, body)
}

// librarySinks records the key arguments of a call of a JWT library
// function: parameters the library declares as keys or keyfuncs.
func (c *checker) librarySinks(fn *types.Func, call *ast.CallExpr) {
	sig, ok := c.info.TypeOf(call.Fun).(*types.Signature)
	if !ok {
		return
	}
	for i, arg := range call.Args {
		p := paramAt(sig, i)
		if p == nil {
			continue
		}
		c.keySink(classifyKey(p.Name(), p.Type()), arg, shortFuncName(fn), fn.FullName())
	}
}

// keySink records arg as a key of the named library function or field.
func (c *checker) keySink(use keyUse, arg ast.Expr, where, symbol string) {
	switch use {
	case keyValue:
		c.addSource(secretSource{expr: arg, how: "used as the key of " + where, symbol: symbol})
	case keyFunc:
		c.addSource(secretSource{expr: arg, keyfunc: true, how: "returned as the key by the keyfunc of " + where, symbol: symbol})
	case keyMap:
		if lit, ok := ast.Unparen(arg).(*ast.CompositeLit); ok {
			for _, e := range lit.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					c.addSource(secretSource{expr: kv.Value, how: "used as a key of " + where, symbol: symbol})
				}
			}
		}
	}
}

// bindName records a value bound to a secret-looking name.
func (c *checker) bindName(name string, t types.Type, value ast.Expr, how string) {
	if value == nil || !canHoldSecret(t) || !c.names.IsSecretName(name) {
		return
	}
	c.addSource(secretSource{expr: value, how: how, named: true, priority: priorityName})
}

// visitAssign indexes assignments and checks their names.
func (c *checker) visitAssign(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
		return
	}
	if len(as.Lhs) == len(as.Rhs) {
		for i := range as.Lhs {
			c.bind(as.Lhs[i], as.Rhs[i])
		}
		return
	}
	if len(as.Rhs) == 1 {
		for i, lhs := range as.Lhs {
			c.bindTuple(lhs, as.Rhs[0], i)
		}
	}
}

func (c *checker) visitValueSpec(vs *ast.ValueSpec) {
	if len(vs.Values) == len(vs.Names) {
		for i, name := range vs.Names {
			c.bind(name, vs.Values[i])
		}
		return
	}
	if len(vs.Values) == 1 {
		for i, name := range vs.Names {
			c.bindTuple(name, vs.Values[0], i)
		}
	}
}

// bind indexes `lhs = rhs` and checks it for a secret bound by name.
func (c *checker) bind(lhs, rhs ast.Expr) {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		obj := c.info.Defs[l]
		if obj == nil {
			obj = c.info.Uses[l]
		}
		switch obj := obj.(type) {
		case *types.Const:
			c.flow.consts[obj] = rhs
			c.bindName(l.Name, obj.Type(), rhs, "assigned to "+l.Name)
		case *types.Var:
			c.flow.assigns[obj] = append(c.flow.assigns[obj], rhs)
			if key, ok := c.secretReadExpr(rhs); ok {
				c.flow.envVars[obj] = key
			}
			c.bindName(l.Name, obj.Type(), rhs, "assigned to "+l.Name)
		}
	case *ast.SelectorExpr:
		sel, ok := c.info.Selections[l]
		if !ok || sel.Kind() != types.FieldVal {
			return
		}
		field := sel.Obj().(*types.Var)
		c.flow.assigns[field] = append(c.flow.assigns[field], rhs)
		if key, ok := c.secretReadExpr(rhs); ok {
			c.flow.envVars[field] = key
		}
		c.bindName(field.Name(), field.Type(), rhs, "assigned to field "+field.Name())
		if c.reachesJWT && c.isLibraryType(sel.Recv()) {
			c.keySink(classifyKey(field.Name(), field.Type()), rhs, fieldName(sel.Recv(), field), "")
		}
	case *ast.IndexExpr: // settings["jwt_secret"] = "..."
		if key, ok := c.constString(l.Index); ok && c.names.IsSecretKey(key) {
			if m, ok := c.info.TypeOf(l.X).Underlying().(*types.Map); ok {
				c.bindName(key, m.Elem(), rhs, "stored under "+strconv.Quote(key))
			}
		}
	}
}

// bindTuple indexes `a, b := f()` and `v, ok := os.LookupEnv(k)`.
func (c *checker) bindTuple(lhs, rhs ast.Expr, i int) {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return
	}
	obj := c.info.Defs[id]
	if obj == nil {
		obj = c.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok {
		return
	}
	c.flow.tuples[v] = append(c.flow.tuples[v], tupleSource{rhs, i})
	if i == 0 {
		if key, ok := c.secretReadExpr(rhs); ok {
			c.flow.envVars[v] = key
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
		library := c.reachesJWT && c.isLibraryType(t)
		var settingKey string
		var defaults []ast.Expr
		for i, e := range lit.Elts {
			field, value := structElt(c.info, u, e, i)
			if field == nil {
				continue
			}
			c.flow.assigns[field] = append(c.flow.assigns[field], value)
			c.bindName(field.Name(), field.Type(), value, "assigned to field "+field.Name())
			if library {
				c.keySink(classifyKey(field.Name(), field.Type()), value, fieldName(t, field), "")
			}
			switch field.Name() {
			case "Name", "Key", "Env", "EnvVar", "EnvVars":
				if k := c.firstSecretKey(value); k != "" && settingKey == "" {
					settingKey = k
				}
			case "Value", "Default", "DefaultValue", "DefValue", "DefaultText":
				defaults = append(defaults, value)
			}
		}
		if settingKey != "" {
			for _, d := range defaults {
				c.addSource(secretSource{expr: d, how: "as the default of " + settingKey, named: true, priority: priorityName})
			}
		}
	case *types.Map:
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if key, ok := c.constString(kv.Key); ok && c.names.IsSecretKey(key) {
				c.bindName(key, u.Elem(), kv.Value, "stored under "+strconv.Quote(key))
			}
		}
	}
}

// firstSecretKey returns the secret setting named by a string constant or a
// []string literal of them (EnvVars: []string{"JWT_SECRET"}).
func (c *checker) firstSecretKey(e ast.Expr) string {
	if s, ok := c.constString(e); ok && c.names.IsSecretKey(s) {
		return s
	}
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			if s, ok := c.constString(elt); ok && c.names.IsSecretKey(s) {
				return s
			}
		}
	}
	return ""
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

// visitFuncDecl indexes a function and checks a secret-looking function
// name: func jwtSecret() string { return "dev" }.
func (c *checker) visitFuncDecl(fd *ast.FuncDecl) {
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	c.flow.decls[fn] = fd
	c.flow.addFuncDecl(fd, fn, fd.Type, c.info)
	if res := fn.Signature().Results(); res.Len() > 0 && canHoldSecret(res.At(0).Type()) &&
		c.names.IsSecretName(fd.Name.Name) {
		c.addSource(secretSource{expr: fd.Name, keyfunc: true, how: "returned by " + fd.Name.Name,
			named: true, priority: priorityName})
	}
}

// visitField checks a struct-tag default on a secret-looking field:
// JWTSecret string `env:"JWT_SECRET" envDefault:"dev"`.
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
	def, ok := tagDefault(tag)
	if !ok || def == "" {
		return
	}
	t := c.info.TypeOf(f.Type)
	if !canHoldSecret(t) || !c.secretField(f, tag) {
		return
	}
	name := "field"
	if len(f.Names) > 0 {
		name = f.Names[0].Name
	}
	c.reportSecret(f.Tag, def, "as the struct-tag default of "+name, "")
}

// tagDefault finds a default value in a struct tag: default:"..." (envconfig,
// creasty/defaults), envDefault:"..." (caarlos0/env) or env:"X,default=..."
// (sethvargo/go-envconfig).
func tagDefault(tag reflect.StructTag) (string, bool) {
	for _, k := range []string{"default", "envDefault"} {
		if v, ok := tag.Lookup(k); ok {
			return v, true
		}
	}
	if env, ok := tag.Lookup("env"); ok {
		for _, part := range strings.Split(env, ",") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(part), "default="); ok {
				return v, true
			}
		}
	}
	return "", false
}

// secretField reports whether a struct field names a JWT secret, by its Go
// name or by the setting name in one of its tags.
func (c *checker) secretField(f *ast.Field, tag reflect.StructTag) bool {
	for _, n := range f.Names {
		if c.names.IsSecretName(n.Name) {
			return true
		}
	}
	for _, k := range []string{"env", "envconfig", "mapstructure", "yaml", "json", "toml", "koanf", "flag"} {
		if v, ok := tag.Lookup(k); ok {
			name, _, _ := strings.Cut(v, ",")
			if c.names.IsSecretKey(strings.TrimSpace(name)) {
				return true
			}
		}
	}
	return false
}
