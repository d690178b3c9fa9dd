package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"regexp"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/rules"
)

// A settingUse is a call that may read a setting by name, recorded by the
// walk and judged in resolve, when the names' weak words and the module's
// reading helpers are known.
type settingUse struct {
	call   *ast.CallExpr
	callee types.Object
	// loader is set for a struct-tag loader (env.Parse(&cfg)): the secret
	// it fills and the field that names it.
	loader      bool
	loaderKey   string
	loaderField string
}

// readArg reports whether a call reads a setting by name whatever its
// arguments, as far as the package can tell without facts, and which
// argument names it: os.Getenv and its kin, and, for a function whose body
// jwtssot does not see (the standard library, a third-party module, an
// interface method), one whose name and result say it reads a setting. A
// function of the module is judged by its body instead: the graph follows
// its parameter to the read inside it (see the flow package).
func (c *checker) readArg(call *ast.CallExpr) (int, bool) {
	fn, ok := calleeFunc(c.info, call)
	if !ok || len(call.Args) == 0 {
		return 0, false
	}
	if c.modelled(fn) {
		return 0, false
	}
	if !isSettingGetter(fn) {
		return 0, false
	}
	for i, arg := range call.Args {
		if i == 2 {
			break
		}
		if t := c.info.TypeOf(arg); t != nil {
			if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				return i, true
			}
		}
	}
	return 0, false
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
	}
	if fn == nil {
		return nil, false
	}
	return fn.Origin(), true
}

// getterName matches the names of functions and methods that read a setting
// by key: Get, GetString, MustGet, LookupEnv, getEnv, requireEnv, ...
var getterName = regexp.MustCompile(`^(must)?(get|lookup|require|fetch|read|load)`)

// notSettingPackages hold functions named like getters that read request
// data, contexts or maps, never the process's settings.
var notSettingPackages = []string{
	"flag", "net/http", "net/url", "context", "sync", "fmt", "log", "errors", "strings", "bytes",
	"github.com/gin-gonic/gin", "github.com/labstack/echo", "github.com/gofiber/fiber",
	"github.com/go-chi/chi", "github.com/gorilla/mux", "google.golang.org/grpc/metadata",
}

// isSettingGetter reports whether fn reads a setting by key: os.Getenv,
// os.LookupEnv, syscall.Getenv, or a function whose name says it reads one
// (a viper- or koanf-style getter) and whose result can hold the setting's
// value: a Lookup that returns a flag's definition (pflag's
// FlagSet.Lookup) reads nothing.
func isSettingGetter(fn *types.Func) bool {
	name := fn.Name()
	path := ""
	if fn.Pkg() != nil {
		path = fn.Pkg().Path()
	}
	switch path {
	case "os":
		return name == "Getenv" || name == "LookupEnv"
	case "syscall":
		return name == "Getenv"
	}
	for _, p := range notSettingPackages {
		if path == p || strings.HasPrefix(path, p+"/") {
			return false
		}
	}
	if res := fn.Signature().Results(); res.Len() == 0 || !canHoldSecret(res.At(0).Type()) {
		return false
	}
	lower := strings.ToLower(name)
	switch {
	case strings.Contains(lower, "file"), strings.HasPrefix(lower, "set"), strings.HasPrefix(lower, "unset"),
		strings.HasPrefix(lower, "bind"), strings.HasPrefix(lower, "is"), strings.HasPrefix(lower, "has"):
		return false
	case strings.Contains(lower, "env"), getterName.MatchString(lower):
		return true
	}
	switch name {
	case "String", "Bytes", "MustString", "MustBytes":
		// koanf's getters; elsewhere (pflag, kingpin) these names
		// define flags, whose defaults the hardcoded-secret rule checks.
		return strings.Contains(path, "/koanf")
	}
	return false
}

// propagateReads finds the parameters of the package's functions that name
// a setting the function reads: passed to os.Getenv or another getter, or
// to a function (of this package or, by its facts, of another) that reads
// the setting its parameter names. A function that calls such a helper
// with its own parameter is one too, so the worklist runs until nothing
// changes; each (function, parameter) is added once.
func (c *checker) propagateReads() {
	type work struct {
		call  *ast.CallExpr
		index int
	}
	var queue []work
	for _, u := range c.settingUses {
		if u.loader {
			continue
		}
		if i, ok := c.readArg(u.call); ok {
			queue = append(queue, work{u.call, i})
		}
		if fn, ok := u.callee.(*types.Func); ok && !c.flow.Declared(fn) && fn.Pkg() != c.pass.Pkg {
			var f funcFact
			if c.pass.ImportObjectFact(fn.Origin(), &f) {
				for _, i := range f.Reads {
					queue = append(queue, work{u.call, i})
				}
			}
		}
	}
	for len(queue) > 0 {
		w := queue[0]
		queue = queue[1:]
		if w.index >= len(w.call.Args) {
			continue
		}
		for _, p := range c.flow.Params(c.flow.Arg(w.call, w.index, flow.Value)) {
			if p.Mode != flow.Value || c.readParams[p.Fn][p.Index] {
				continue
			}
			if c.readParams[p.Fn] == nil {
				c.readParams[p.Fn] = map[int]bool{}
			}
			c.readParams[p.Fn][p.Index] = true
			for _, call := range c.flow.CallsOf(p.Fn) {
				queue = append(queue, work{call, p.Index})
			}
		}
	}
}

// checkSecretReads implements the secret-access rule: a call outside the
// auth packages that reads a JWT secret setting (os.Getenv("JWT_SECRET"),
// viper.GetString("jwt.secret"), a helper of the module that reads the
// setting its parameter names, a struct-tag loader filling a field named
// for the secret), reported on the call.
func (c *checker) checkSecretReads() {
	for _, u := range c.settingUses {
		key, ok := c.secretReadKey(u)
		if !ok {
			continue
		}
		if c.inAuth {
			continue
		}
		name, symbol := calleeNames(u.callee)
		advice := "; only the auth module may read JWT secrets"
		if len(c.s.AuthWritten) == 0 {
			advice = noAuthAdvice
		}
		how := " read with " + name
		if u.loader {
			how = " read into field " + u.loaderField + " by " + name
		}
		body := "JWT secret " + key + how + c.outsideAuth() + advice
		c.report(rules.SecretAccess, u.call.Pos(), u.call.End(), symbol, body)
	}
}

// secretReadKey returns the JWT secret a setting use reads, if it reads one.
func (c *checker) secretReadKey(u settingUse) (string, bool) {
	if u.loader {
		return u.loaderKey, c.names.IsSecretKey(u.loaderKey)
	}
	var indexes []int
	if i, ok := c.readArg(u.call); ok {
		indexes = append(indexes, i)
	}
	if fn, ok := u.callee.(*types.Func); ok {
		fn = fn.Origin()
		for i := range c.readParams[fn] {
			indexes = append(indexes, i)
		}
		if fn.Pkg() != c.pass.Pkg {
			var f funcFact
			if c.pass.ImportObjectFact(fn, &f) {
				indexes = append(indexes, f.Reads...)
			}
		}
	}
	for _, i := range indexes {
		if i >= len(u.call.Args) {
			continue
		}
		c.nameArgs = append(c.nameArgs, u.call.Args[i])
		if s, ok := c.constString(u.call.Args[i]); ok && c.names.IsSecretKey(s) {
			return s, true
		}
	}
	return "", false
}

// constString returns the value of a constant string expression.
func (c *checker) constString(e ast.Expr) (string, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// calleeNames returns a callee's name as a reader sees it (os.Getenv,
// (*viper.Viper).GetString, getEnv) and its full symbol.
func calleeNames(callee types.Object) (short, full string) {
	switch obj := callee.(type) {
	case *types.Func:
		return shortFuncName(obj), obj.FullName()
	default:
		return callee.Name(), callee.Name()
	}
}

// A structLoader fills a struct from the environment or a config file by
// its fields' tags: a call of one reads every setting its target's fields
// name. Every entry is pinned by a test (TestLoaders).
type structLoader struct {
	pkg    string   // import path, or a prefix of it ending in "/"
	funcs  []string // functions and methods
	target int      // the argument that points to the struct
	tags   []string // the tags that name a field's setting
}

var structLoaders = []structLoader{
	{"github.com/caarlos0/env", []string{"Parse", "ParseWithOptions", "Must"}, 0, []string{"env"}},
	{"github.com/sethvargo/go-envconfig", []string{"Process", "ProcessWith", "MustProcess"}, 1, []string{"env"}},
	{"github.com/kelseyhightower/envconfig", []string{"Process", "MustProcess", "CheckDisallowed"}, 1, []string{"envconfig"}},
	{"github.com/ilyakaznacheev/cleanenv", []string{"ReadEnv", "UpdateEnv"}, 0, []string{"env"}},
	{"github.com/ilyakaznacheev/cleanenv", []string{"ReadConfig"}, 1, []string{"env", "yaml", "json", "toml"}},
	{"github.com/joeshaw/envdecode", []string{"Decode", "StrictDecode", "MustDecode", "MustStrictDecode"}, 0, []string{"env"}},
	{"github.com/spf13/viper", []string{"Unmarshal", "UnmarshalExact"}, 0, []string{"mapstructure"}},
	{"github.com/spf13/viper", []string{"UnmarshalKey"}, 1, []string{"mapstructure"}},
	{"github.com/knadh/koanf/", []string{"Unmarshal", "UnmarshalWithConf"}, 1, []string{"koanf"}},
}

// checkLoader records a struct-tag loader's call as a read of the first
// secret its target struct's fields name (JWTSecret string
// `env:"JWT_SECRET"` filled by env.Parse(&cfg)): the loader reads it as
// os.Getenv("JWT_SECRET") would.
func (c *checker) checkLoader(call *ast.CallExpr, callee types.Object) {
	fn, ok := callee.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	for _, l := range structLoaders {
		if !loaderMatches(l, fn) || l.target >= len(call.Args) {
			continue
		}
		st := structOf(c.info.TypeOf(call.Args[l.target]))
		if st == nil {
			return
		}
		if key, field, ok := c.secretFieldOf(st, l.tags, 0, map[*types.Struct]bool{}); ok {
			c.settingUses = append(c.settingUses, settingUse{call: call, callee: fn, loader: true,
				loaderKey: key, loaderField: field})
		}
		return
	}
}

func loaderMatches(l structLoader, fn *types.Func) bool {
	path := fn.Pkg().Path()
	if strings.HasSuffix(l.pkg, "/") {
		if !strings.HasPrefix(path, l.pkg) {
			return false
		}
	} else if path != l.pkg && !strings.HasPrefix(path, l.pkg+"/v") {
		return false
	}
	for _, f := range l.funcs {
		if fn.Name() == f {
			return true
		}
	}
	return false
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

// secretFieldOf finds a field of st, or of a struct nested in it (at most
// four levels, each struct once), whose tag names a JWT secret.
func (c *checker) secretFieldOf(st *types.Struct, tags []string, depth int, seen map[*types.Struct]bool) (key, field string, ok bool) {
	if depth > 4 || seen[st] {
		return "", "", false
	}
	seen[st] = true
	for i := range st.NumFields() {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i))
		for _, k := range tags {
			v, has := tag.Lookup(k)
			if !has {
				continue
			}
			name, _, _ := strings.Cut(v, ",")
			if name = strings.TrimSpace(name); c.names.IsSecretKey(name) && canHoldSecret(f.Type()) {
				return name, f.Name(), true
			}
		}
		if nested := structOf(f.Type()); nested != nil {
			if key, field, ok := c.secretFieldOf(nested, tags, depth+1, seen); ok {
				return key, f.Name() + "." + field, true
			}
		}
	}
	return "", "", false
}
