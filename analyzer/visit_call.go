package analyzer

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// visitCall indexes a call and records what starts at calls: library key
// arguments, the key parameters and setting reads of other packages'
// functions (their facts), setting reads, and defaults given next to a
// secret's name.
func (c *checker) visitCall(cur inspector.Cursor, call *ast.CallExpr) {
	callee := typeutil.Callee(c.info, call)
	fn, _ := callee.(*types.Func)
	if fn != nil {
		fn = fn.Origin()
		c.flow.Call(call, fn)
		c.callers[call] = c.enclosingDecl(cur)
		switch {
		case fn.Pkg() == nil:
		case c.s.Libs.Match(fn.Pkg().Path()) != "":
			c.markUsesJWT(cur)
			c.librarySinks(call, fn)
			c.noteSite(call, fn)
		case fn.Pkg() != c.pass.Pkg:
			c.factSinks(cur, call, fn)
		}
	}
	if callee != nil {
		c.settingUses = append(c.settingUses, settingUse{call: call, callee: callee})
	}
	c.checkFlagDefault(call)
	c.checkSettingDefault(callee, call)
	c.checkBuilderDefault(call)
	c.checkLoader(call, callee)
}

// librarySinks records the key arguments of a call of a JWT library
// function: parameters the library's declarations or jwtlib's table say take
// a secret key, a keyfunc or a map of keys. Public keys are not sinks.
func (c *checker) librarySinks(call *ast.CallExpr, fn *types.Func) {
	sig, ok := c.info.TypeOf(call.Fun).(*types.Signature)
	if !ok {
		return
	}
	for i, arg := range call.Args {
		p := paramAt(sig, i)
		if p == nil {
			continue
		}
		idx := min(i, sig.Params().Len()-1)
		c.keySink(jwtlib.ParamUse(fn, idx, p), arg, shortFuncName(fn), fn.FullName(), c.callers[call])
	}
}

// keySink records arg as a key of the named library function or field.
func (c *checker) keySink(use jwtlib.KeyUse, arg ast.Expr, where, symbol string, fn *types.Func) {
	switch use {
	case jwtlib.SecretKey:
		c.sinks = append(c.sinks, sink{expr: arg, mode: flow.Value, where: where, symbol: symbol, fn: fn,
			how: "used as the key of " + where})
	case jwtlib.Keyfunc:
		c.sinks = append(c.sinks, sink{expr: arg, mode: flow.Keyfunc, where: where, symbol: symbol, fn: fn,
			how: "returned as the key by the keyfunc of " + where})
	case jwtlib.KeyMap:
		c.sinks = append(c.sinks, sink{expr: arg, mode: flow.Elems, where: where, symbol: symbol, fn: fn,
			how: "used as a key of " + where})
	}
}

// factSinks records what the facts of a function of another scanned
// package say about a call of it: arguments that become keys, and that it
// signs or verifies.
func (c *checker) factSinks(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) {
	var f funcFact
	if !c.pass.ImportObjectFact(fn, &f) {
		return
	}
	if len(f.Keys) > 0 {
		c.markUsesJWT(cur) // it signs or verifies with what it is given
	}
	for _, k := range f.Keys {
		if k.Index < len(call.Args) {
			c.sinks = append(c.sinks, c.throughSink(call, fn, k))
		}
	}
}

// throughSink is argument k.Index of a call of fn, a function that passes
// that parameter on to a library's key.
func (c *checker) throughSink(call *ast.CallExpr, fn *types.Func, k keyParam) sink {
	how := "used as the key of " + k.Where
	if k.Mode == flow.Keyfunc {
		how = "returned as the key by the keyfunc of " + k.Where
	}
	return sink{argOf: call, index: k.Index, mode: k.Mode, where: k.Where, symbol: k.Symbol, fn: c.callers[call],
		how: how + " through " + shortFuncName(fn)}
}

// flagValueParams are the parameter names flag packages give the default.
var flagValueParams = map[string]bool{"value": true, "defValue": true, "def": true, "defaultValue": true}

// checkFlagDefault finds flag.String("jwt-secret", "dev", ...) and every
// function declared like it (flag.StringVar, pflag's StringP and StringVarP,
// FlagSet methods): a parameter "name" holding a secret's name and a
// parameter "value" holding its default.
func (c *checker) checkFlagDefault(call *ast.CallExpr) {
	sig, ok := c.info.TypeOf(call.Fun).(*types.Signature)
	if !ok {
		return
	}
	if fn, ok := calleeFunc(c.info, call); ok && c.modelled(fn) {
		return // a function of the module: what it does with its value decides
	}
	nameIdx, valueIdx := -1, -1
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		switch p := sig.Params().At(i).Name(); {
		case p == "name":
			nameIdx = i
		case flagValueParams[p]:
			valueIdx = i
		}
	}
	if nameIdx < 0 || valueIdx < 0 {
		return
	}
	name, ok := c.constString(call.Args[nameIdx])
	if !ok {
		return
	}
	c.nameArgs = append(c.nameArgs, call.Args[nameIdx])
	c.defaults = append(c.defaults, sink{expr: call.Args[valueIdx], mode: flow.Value, key: name, named: true,
		how: "as the default of flag -" + name})
}

// settingCallName matches functions that get or set a setting with a
// default or value after its key: getEnv("JWT_SECRET", "dev"),
// viper.SetDefault("jwt.secret", "dev"), os.Setenv("JWT_SECRET", "dev").
var settingCallName = regexp.MustCompile(`(?i)env|default|fallback|^get|lookup|^set|^or$|must|require`)

// checkSettingDefault reports literals passed after a secret's name to a
// getter (its fallback) or a setter (its value), for functions whose body
// jwtssot does not see: the standard library and third-party modules. A
// function of the package, or one with facts, is judged by what it does:
// its argument is a fallback only if it flows to its result (see the
// fallbacks in resolve), so a description argument is not one.
func (c *checker) checkSettingDefault(callee types.Object, call *ast.CallExpr) {
	if callee == nil || len(call.Args) < 2 || !settingCallName.MatchString(callee.Name()) || c.modelled(callee) {
		return
	}
	if fn, ok := callee.(*types.Func); ok && flow.PassThrough(fn) {
		return // cmp.Or and the like: the value graph follows them
	}
	if p := callee.Pkg(); p != nil && p.Path() != "os" {
		for _, np := range notSettingPackages {
			if p.Path() == np || strings.HasPrefix(p.Path(), np+"/") {
				return
			}
		}
	}
	c.settingCalls = append(c.settingCalls, settingCall{call: call, callee: callee})
}

// A settingCall is a call of a getter or setter whose body jwtssot does
// not see, judged once the weak words of the names are decided.
type settingCall struct {
	call   *ast.CallExpr
	callee types.Object
}

// settingDefaults turns each setting call whose name argument (one of its
// first two) names a JWT secret into defaults: the arguments after the name
// are the setting's fallbacks, or, for a setter, its value.
func (c *checker) settingDefaults() {
	for _, sc := range c.settingCalls {
		for k := 0; k < 2 && k < len(sc.call.Args); k++ {
			key, ok := c.constString(sc.call.Args[k])
			if !ok || !c.names.IsSecretKey(key) {
				continue
			}
			c.nameArgs = append(c.nameArgs, sc.call.Args[k])
			how := "as the fallback for " + key
			if strings.HasPrefix(strings.ToLower(sc.callee.Name()), "set") {
				how = "as the value of " + key
			}
			for _, arg := range sc.call.Args[k+1:] {
				c.defaults = append(c.defaults, sink{expr: arg, mode: flow.Value, key: key, named: true, how: how})
			}
			break
		}
	}
}

// modelled reports whether a function's behaviour is known from its body:
// declared in the package, or with facts from its own.
func (c *checker) modelled(callee types.Object) bool {
	fn, ok := callee.(*types.Func)
	if !ok {
		return false
	}
	if c.flow.Declared(fn) {
		return true
	}
	var f funcFact
	return fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn.Origin(), &f)
}

// checkBuilderDefault finds kingpin-style chains:
// app.Flag("jwt-secret", "...").Envar("JWT_SECRET").Default("dev"). The
// setting is named by the innermost call of the chain that names a secret
// (the flag, here), as the user declared it first.
func (c *checker) checkBuilderDefault(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 || (sel.Sel.Name != "Default" && sel.Sel.Name != "DefaultValue") {
		return
	}
	var keys []string
	for x := ast.Unparen(sel.X); ; {
		inner, ok := x.(*ast.CallExpr)
		if !ok || len(inner.Args) == 0 {
			break
		}
		if k, ok := c.constString(inner.Args[0]); ok && keyShape(k) {
			keys = append(keys, k)
			c.nameArgs = append(c.nameArgs, inner.Args[0])
		}
		s, ok := inner.Fun.(*ast.SelectorExpr)
		if !ok {
			break
		}
		x = ast.Unparen(s.X)
	}
	for i := len(keys) - 1; i >= 0; i-- {
		c.defaults = append(c.defaults, sink{expr: call.Args[0], mode: flow.Value, key: keys[i], named: true,
			how: "as the default of " + keys[i]})
	}
}

// paramAt returns parameter i of sig as seen by argument i of a call,
// spreading a variadic parameter over the trailing arguments.
func paramAt(sig *types.Signature, i int) *types.Var {
	params := sig.Params()
	n := params.Len()
	switch {
	case n == 0:
		return nil
	case i < n-1 || (i == n-1 && !sig.Variadic()):
		return params.At(i)
	case sig.Variadic():
		last := params.At(n - 1)
		if s, ok := last.Type().(*types.Slice); ok {
			return types.NewVar(last.Pos(), last.Pkg(), last.Name(), s.Elem())
		}
		return last
	}
	return nil
}

// isLibraryType reports whether t (or *t) is a named type declared in a JWT
// library.
func (c *checker) isLibraryType(t types.Type) bool {
	n := namedOf(t)
	return n != nil && n.Obj().Pkg() != nil && c.s.Libs.Match(n.Obj().Pkg().Path()) != ""
}
