package analyzer

import (
	"go/ast"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// visitCall indexes a call and records what starts at calls: library key
// arguments, the key parameters and setting reads of other packages'
// functions (their facts), setting reads, and defaults given next to a
// secret's name.
func (ix *index) visitCall(decl *types.Func, call *ast.CallExpr) {
	callee := typeutil.Callee(ix.info, call)
	fn, _ := callee.(*types.Func)
	if fn == nil {
		if v, ok := callee.(*types.Var); ok {
			if len(call.Args) >= 2 && settingCallName.MatchString(v.Name()) {
				ix.seen.settingCalls = append(ix.seen.settingCalls, settingCall{call: call, callee: v}) // a getter in a variable
			}
			if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				ix.seen.varCalls = append(ix.seen.varCalls, call) // it may hold a source
				ix.seen.callers[call] = decl
			} else if held := ix.heldFunc(v); held != nil {
				ix.seen.callers[call] = decl
				ix.callSinks(call, held, held.Signature(), ix.calleeOf(held)) // sign := tok.SignedString; sign(key)
			}
		}
		ix.recordBuilderDefault(call)
		return
	}
	fn = fn.Origin()
	c := ix.calleeOf(fn)
	ix.flow.Call(call, fn)
	ix.seen.callers[call] = decl
	sig, _ := ix.info.TypeOf(call.Fun).(*types.Signature) // instantiated, for a generic function
	ix.callSinks(call, fn, sig, c)
	if c.lib {
		ix.noteSite(call, fn)
	}
	ix.recordRead(c, fn, call)
	ix.recordNamedCall(c, call)
	ix.recordFlagDefault(c, call)
	if c.settingCall && len(call.Args) >= 2 {
		ix.seen.settingCalls = append(ix.seen.settingCalls, settingCall{call: call, callee: fn})
	}
	ix.recordBuilderDefault(call)
}

// callSinks records the arguments of a call of fn, of signature sig, that
// become keys: by the library's declarations and the catalogue, or by the
// facts of another package's function.
func (ix *index) callSinks(call *ast.CallExpr, fn *types.Func, sig *types.Signature, c *callee) {
	switch {
	case fn.Pkg() == nil:
	case c.lib:
		ix.markUsesJWT()
		ix.librarySinks(call, fn, sig)
	case fn.Pkg() != ix.pass.Pkg:
		ix.factSinks(call, fn)
		ix.userSinks(call, fn)
	}
}

// heldFunc returns the function a local variable holds when every value
// the package gives it names the same one, to be called as it is called
// by name: a function, or a method value (sign := tok.SignedString),
// never a method expression, whose arguments start with the receiver.
func (ix *index) heldFunc(v *types.Var) *types.Func {
	var held *types.Func
	for _, x := range ix.flow.Assigned(v) {
		var fn *types.Func
		switch x := ast.Unparen(x).(type) {
		case *ast.Ident:
			fn, _ = ix.info.Uses[x].(*types.Func)
		case *ast.SelectorExpr:
			if s, ok := ix.info.Selections[x]; ok && s.Kind() != types.MethodVal {
				return nil
			}
			fn, _ = ix.info.Uses[x.Sel].(*types.Func)
		}
		if fn == nil || held != nil && fn.Origin() != held {
			return nil
		}
		held = fn.Origin()
	}
	return held
}

// recordNamedCall records a call of a function of the module that is
// given a setting's name: getenv("JWT_SECRET", "dev") returns the
// setting, or its default, whatever becomes of its result.
func (ix *index) recordNamedCall(c *callee, call *ast.CallExpr) {
	if len(call.Args) == 0 || !c.modelled {
		return
	}
	for _, a := range call.Args {
		switch ast.Unparen(a).(type) {
		case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr: // what a constant name is written as
			if s, ok := ix.constString(a); ok && keyShape(s) {
				ix.seen.namedCalls = append(ix.seen.namedCalls, call)
				return
			}
		}
	}
}

// librarySinks records the key arguments of a call of a JWT library
// function: parameters the library's declarations or jwtlib's table say take
// a secret key, a keyfunc or a map of keys. Public keys are not sinks. sig
// is the function's (instantiated) signature, whose parameters have the
// library's names even when the call goes through a variable of a func
// type that names none.
func (ix *index) librarySinks(call *ast.CallExpr, fn *types.Func, sig *types.Signature) {
	if sig == nil {
		return
	}
	rows := ix.s.Catalog.Sinks(fn)
	for i, arg := range call.Args {
		p := paramAt(sig, i)
		if p == nil {
			continue
		}
		idx := min(i, sig.Params().Len()-1)
		use := jwtlib.ParamUse(fn, idx, p)
		for _, r := range rows { // the sinks setting wins over the declaration
			if r.Arg == idx {
				use = r.Use
			}
		}
		ix.keySink(use, arg, shortFuncName(fn), fn.FullName(), ix.seen.callers[call])
	}
}

// userSinks records the arguments the sinks setting says take a key, for
// a function of another package that is no JWT library's: an in-house
// signing wrapper jwtssot does not see into.
func (ix *index) userSinks(call *ast.CallExpr, fn *types.Func) {
	for _, r := range ix.s.Catalog.Sinks(fn) {
		if r.Arg < len(call.Args) {
			ix.keySink(r.Use, call.Args[r.Arg], shortFuncName(fn), fn.FullName(), ix.seen.callers[call])
		}
	}
}

// keySink records arg as a key of the named library function or field.
func (ix *index) keySink(use jwtlib.KeyUse, arg ast.Expr, where, symbol string, fn *types.Func) {
	switch use {
	case jwtlib.SecretKey:
		ix.seen.sinks = append(ix.seen.sinks, sink{expr: arg, mode: flow.Value, where: where, symbol: symbol, fn: fn,
			how: "used as the key of " + where})
	case jwtlib.Keyfunc:
		ix.seen.sinks = append(ix.seen.sinks, sink{expr: arg, mode: flow.Keyfunc, where: where, symbol: symbol, fn: fn,
			how: "returned as the key by the keyfunc of " + where})
	case jwtlib.KeyMap:
		ix.seen.sinks = append(ix.seen.sinks, sink{expr: arg, mode: flow.Elems, where: where, symbol: symbol, fn: fn,
			how: "used as a key of " + where})
	}
}

// factSinks records what the facts of a function of another scanned
// package say about a call of it: arguments that become keys, and that it
// signs or verifies.
func (ix *index) factSinks(call *ast.CallExpr, fn *types.Func) {
	f := ix.facts.fn(fn)
	if f == nil {
		return
	}
	if len(f.Keys)+len(f.KeyReads) > 0 {
		ix.markUsesJWT() // it signs or verifies with what it is given
	}
	for _, k := range f.Keys {
		if k.Index < len(call.Args) {
			ix.seen.sinks = append(ix.seen.sinks, ix.throughSink(call, fn, k))
		}
	}
	for _, k := range f.PartKeys {
		if k.Index < len(call.Args) {
			ix.seen.sinks = append(ix.seen.sinks, ix.partSink(call, fn, k))
		}
	}
	for _, r := range f.Summary.Results {
		if len(r.Reads)+len(r.ReadParams) > 0 {
			ix.seen.foreignReads = append(ix.seen.foreignReads, call)
			break
		}
	}
	if len(f.KeyReads) > 0 {
		ix.seen.keyReadCalls = append(ix.seen.keyReadCalls, keyReadCall{call: call, fn: fn, params: f.KeyReads})
	}
}

// throughSink is argument k.Index of a call of fn, a function that passes
// that parameter on to a library's key.
func (ix *index) throughSink(call *ast.CallExpr, fn *types.Func, k keyParam) sink {
	how := "used as the key of " + k.Where
	if k.Mode == flow.Keyfunc {
		how = "returned as the key by the keyfunc of " + k.Where
	}
	return sink{argOf: call, index: k.Index, mode: k.Mode, where: k.Where, symbol: k.Symbol, fn: ix.seen.callers[call],
		how: how + " through " + shortFuncName(fn)}
}

// partSink is argument k.Index of a call of fn, a function that combines
// that parameter with other values into a library's key.
func (ix *index) partSink(call *ast.CallExpr, fn *types.Func, k keyParam) sink {
	s := ix.throughSink(call, fn, k)
	s.part = true
	s.how = "combined into the key of " + k.Where + " through " + shortFuncName(fn)
	return s
}

// flagValueParams are the parameter names flag packages give the default.
var flagValueParams = map[string]bool{"value": true, "defValue": true, "def": true, "defaultValue": true}

// recordFlagDefault finds flag.String("jwt-secret", "dev", ...) and every
// function declared like it (flag.StringVar, pflag's StringP and StringVarP,
// FlagSet methods): a parameter "name" holding a secret's name and a
// parameter "value" holding its default.
func (ix *index) recordFlagDefault(c *callee, call *ast.CallExpr) {
	// A function of the module (c.modelled) is judged by what it does with
	// its value instead: it has no flag parameters here.
	nameIdx, valueIdx := c.flagName, c.flagValue
	if nameIdx < 0 || valueIdx < 0 || nameIdx >= len(call.Args) || valueIdx >= len(call.Args) {
		return
	}
	name, ok := ix.constString(call.Args[nameIdx])
	if !ok {
		return
	}
	ix.seen.nameArgs = append(ix.seen.nameArgs, call.Args[nameIdx])
	ix.seen.defaults = append(ix.seen.defaults, sink{expr: call.Args[valueIdx], mode: flow.Value, key: name, named: true,
		how: "as the default of flag -" + name})
}

// settingCallName matches functions that get or set a setting with a
// default or value after its key: getEnv("JWT_SECRET", "dev"),
// viper.SetDefault("jwt.secret", "dev"), os.Setenv("JWT_SECRET", "dev").
var settingCallName = regexp.MustCompile(`(?i)env|default|fallback|^get|lookup|^set|^or$|must|require`)

// recordSettingDefault: literals passed after a secret's name to a getter
// (its fallback) or a setter (its value), for functions whose body jwtssot
// does not see: the standard library and third-party modules (see
// callee.settingCall). A function of the package, or one with facts, is
// judged by what it does: its argument is a fallback only if it flows to
// its result (see the fallbacks of the hardcoded-secret rule), so a
// description argument is not one.

// A settingCall is a call of a getter or setter whose body jwtssot does
// not see, judged once the weak words of the names are decided.
type settingCall struct {
	call   *ast.CallExpr
	callee types.Object
}

// recordBuilderDefault finds kingpin-style chains:
// app.Flag("jwt-secret", "...").Envar("JWT_SECRET").Default("dev"). The
// setting is named by the innermost call of the chain that names a secret
// (the flag, here), as the user declared it first.
func (ix *index) recordBuilderDefault(call *ast.CallExpr) {
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
		if k, ok := ix.constString(inner.Args[0]); ok && keyShape(k) {
			keys = append(keys, k)
			ix.seen.nameArgs = append(ix.seen.nameArgs, inner.Args[0])
		}
		s, ok := inner.Fun.(*ast.SelectorExpr)
		if !ok {
			break
		}
		x = ast.Unparen(s.X)
	}
	for i := len(keys) - 1; i >= 0; i-- {
		ix.seen.defaults = append(ix.seen.defaults, sink{expr: call.Args[0], mode: flow.Value, key: keys[i], named: true,
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
func (ix *index) isLibraryType(t types.Type) bool {
	n := namedOf(t)
	return n != nil && n.Obj().Pkg() != nil && ix.s.Libs.Match(n.Obj().Pkg().Path()) != ""
}
