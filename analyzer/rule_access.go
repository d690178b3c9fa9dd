package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// checkSecretAccess implements the secret-access rule: a call that reads a
// JWT secret from the environment or config (os.Getenv("JWT_SECRET"),
// viper.GetString("jwt.secret"), a local getenv helper) outside the auth
// packages, reported on the call.
func (c *checker) checkSecretAccess(callee types.Object, call *ast.CallExpr) {
	key, ok := c.secretRead(callee, call)
	if !ok || c.inAuth {
		return
	}
	name, symbol := calleeNames(callee)
	where := c.outsideAuth()
	advice := "; only the auth module may read JWT secrets"
	if len(c.s.AuthWritten) == 0 {
		advice = noAuthAdvice
	}
	body := "JWT secret " + key + " read with " + name + where + advice
	c.report(rules.SecretAccess, call.Pos(), call.End(), symbol, body)
}

// secretRead reports whether call reads a JWT secret setting, and its key:
// the callee is a getter of env vars or config, and one of its first two
// arguments is a constant naming a JWT secret.
func (c *checker) secretRead(callee types.Object, call *ast.CallExpr) (string, bool) {
	if callee == nil || len(call.Args) == 0 || !isSettingGetter(callee) {
		return "", false
	}
	for i, arg := range call.Args {
		if i == 2 {
			break
		}
		if s, ok := c.constString(arg); ok && c.names.IsSecretKey(s) {
			return s, true
		}
	}
	return "", false
}

// secretReadExpr is secretRead for an expression that may be such a call.
func (c *checker) secretReadExpr(e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	return c.secretRead(typeutil.Callee(c.info, call), call)
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

// isSettingGetter reports whether callee reads a setting by key: os.Getenv,
// os.LookupEnv, syscall.Getenv, a viper- or koanf-style getter, or a helper
// whose name says it reads the environment.
func isSettingGetter(callee types.Object) bool {
	name := callee.Name()
	path := ""
	if callee.Pkg() != nil {
		path = callee.Pkg().Path()
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
