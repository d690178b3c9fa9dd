package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"regexp"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
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
	// secretKey is the JWT secret it reads by name, decided by settle.
	secretKey string
}

// readArg reports whether a call reads a setting by name whatever its
// arguments, as far as the package can tell without facts, and which
// argument names it: os.Getenv and its kin, and, for a function whose body
// jwtssot does not see (the standard library, a third-party module, an
// interface method), one whose name and result say it reads a setting. A
// function of the module is judged by its body instead: the graph follows
// its parameter to the read inside it (see the flow package).
func (ix *index) readArg(call *ast.CallExpr) (int, bool) {
	fn, ok := calleeFunc(ix.info, call)
	if !ok || len(call.Args) == 0 {
		return 0, false
	}
	if ix.modelled(fn) {
		return 0, false
	}
	if !isSettingGetter(fn) {
		return 0, false
	}
	for i, arg := range call.Args {
		if i == 2 {
			break
		}
		if t := ix.info.TypeOf(arg); t != nil {
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
	if isNotSettingPackage(path) {
		return false
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
func (ix *index) propagateReads() {
	type work struct {
		call  *ast.CallExpr
		index int
	}
	var queue []work
	for _, u := range ix.seen.settingUses {
		if u.loader {
			continue
		}
		if i, ok := ix.readArg(u.call); ok {
			queue = append(queue, work{u.call, i})
		}
		if fn, ok := u.callee.(*types.Func); ok && !ix.flow.Declared(fn) && fn.Pkg() != ix.pass.Pkg {
			if f := ix.facts.fn(fn.Origin()); f != nil {
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

// recordLoader records a struct-tag loader's call as a read of the first
// secret its target struct's fields name (JWTSecret string
// `env:"JWT_SECRET"` filled by env.Parse(&cfg)): the loader reads it as
// os.Getenv("JWT_SECRET") would.
func (ix *index) recordLoader(call *ast.CallExpr, callee types.Object) {
	fn, ok := callee.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	for _, l := range structLoaders {
		if !loaderMatches(l, fn) || l.target >= len(call.Args) {
			continue
		}
		st := structOf(ix.info.TypeOf(call.Args[l.target]))
		if st == nil {
			return
		}
		if key, field, ok := ix.secretFieldOf(st, l.tags, 0, map[*types.Struct]bool{}); ok {
			ix.seen.settingUses = append(ix.seen.settingUses, settingUse{call: call, callee: fn, loader: true,
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
func (ix *index) secretFieldOf(st *types.Struct, tags []string, depth int, seen map[*types.Struct]bool) (key, field string, ok bool) {
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
			if name = strings.TrimSpace(name); ix.names.IsSecretKey(name) && canHoldSecret(f.Type()) {
				return name, f.Name(), true
			}
		}
		if nested := structOf(f.Type()); nested != nil {
			if key, field, ok := ix.secretFieldOf(nested, tags, depth+1, seen); ok {
				return key, f.Name() + "." + field, true
			}
		}
	}
	return "", "", false
}
