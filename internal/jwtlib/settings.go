package jwtlib

import (
	"go/types"
	"reflect"
	"regexp"
	"strings"
)

// SettingTags are the struct tags that name the setting a loader fills a
// field from, when the loader's row does not say: a field tagged with one
// of them names its setting for the hardcoded-secret rule's names.
var SettingTags = []string{"env", "envconfig", "mapstructure", "koanf", "yaml", "json", "toml", "flag", "ini", "long"}

// defaultTags are the struct tags that hold a field's default value:
// default (creasty/defaults, kelseyhightower/envconfig, go-flags,
// multiconfig), envDefault (caarlos0/env), env-default (cleanenv); the
// default= option of env (sethvargo/go-envconfig, envdecode) counts too.
var defaultTags = []string{"default", "envDefault", "env-default"}

// TagDefault finds a default value in a struct tag.
func TagDefault(tag reflect.StructTag) (string, bool) {
	for _, k := range defaultTags {
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

// notSettingPackages hold functions named like getters that read request
// data, contexts, maps or streams, never the process's settings.
var notSettingPackages = []string{
	"flag", "net/http", "net/url", "context", "sync", "fmt", "log", "errors", "strings", "bytes",
	"io", "bufio", "encoding", "os/exec", "reflect",
	"github.com/gin-gonic/gin", "github.com/labstack/echo", "github.com/gofiber/fiber",
	"github.com/go-chi/chi", "github.com/gorilla/mux", "google.golang.org/grpc/metadata",
}

// IsNotSettingPackage reports whether a package's getters read request
// data, contexts, maps or streams, never the process's settings.
func IsNotSettingPackage(path string) bool {
	for _, np := range notSettingPackages {
		if path == np || strings.HasPrefix(path, np+"/") {
			return true
		}
	}
	return false
}

// requestData are the fields that hold what a client sent in a request a
// server received: what decodes one reads request data, as the getters of
// notSettingPackages do, never a setting (json.NewDecoder(r.Body).Decode,
// a framework's Bind over r.Form).
var requestData = []struct{ pkg, typ, field string }{
	{"net/http", "Request", "Body"},
	{"net/http", "Request", "Form"},
	{"net/http", "Request", "PostForm"},
}

// IsRequestData reports whether field holds what a client sent in a
// request a server received (net/http's Request.Body, Form, PostForm,
// promoted or not).
func IsRequestData(field *types.Var) bool {
	if !field.IsField() || field.Pkg() == nil {
		return false
	}
	for _, rd := range requestData {
		if field.Pkg().Path() != rd.pkg || field.Name() != rd.field {
			continue
		}
		tn, ok := field.Pkg().Scope().Lookup(rd.typ).(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if st.Field(i) == field {
					return true
				}
			}
		}
	}
	return false
}

// getterName matches the names of functions and methods that read a
// setting by key: Get, GetString, MustGet, LookupEnv, getEnv, requireEnv, ...
var getterName = regexp.MustCompile(`^(must)?(get|lookup|require|fetch|read|load)`)

// IsSettingGetter reports whether fn, a function whose body jwtssot does
// not see and that the catalogue does not list, reads a setting by key by
// the looks of it: its name says it reads one (a getter of an unknown
// config library) and its result can hold the setting's value (a string,
// []byte or interface; holds tells). Names with file, set, unset, bind, is
// or has, and the packages of IsNotSettingPackage, read nothing.
func IsSettingGetter(fn *types.Func, holds func(types.Type) bool) bool {
	path := ""
	if fn.Pkg() != nil {
		path = fn.Pkg().Path()
	}
	if IsNotSettingPackage(path) {
		return false
	}
	if res := fn.Signature().Results(); res.Len() == 0 || !holds(res.At(0).Type()) {
		return false
	}
	lower := strings.ToLower(fn.Name())
	switch {
	case strings.Contains(lower, "file"), strings.HasPrefix(lower, "set"), strings.HasPrefix(lower, "unset"),
		strings.HasPrefix(lower, "bind"), strings.HasPrefix(lower, "is"), strings.HasPrefix(lower, "has"):
		return false
	}
	return strings.Contains(lower, "env") || getterName.MatchString(lower)
}

// GolangJWT reports whether a library is golang-jwt or one of its
// ancestors, which verify with whatever method a token's header names
// unless told which ones to accept.
func GolangJWT(lib string) bool {
	return lib == "github.com/golang-jwt/jwt" || lib == "github.com/dgrijalva/jwt-go" || lib == "github.com/form3tech-oss/jwt-go"
}
