package analyzer

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// visitCall indexes a call and runs the checks that start at calls: library
// key arguments, secret reads, and defaults given next to a secret's name.
func (c *checker) visitCall(call *ast.CallExpr) {
	callee := typeutil.Callee(c.info, call)
	if callee == nil {
		return // a conversion, a builtin's absence, or a call of a func value
	}
	if fn, ok := callee.(*types.Func); ok {
		fn = fn.Origin()
		if fn.Pkg() == c.pass.Pkg {
			c.flow.callSites[fn] = append(c.flow.callSites[fn], call)
		}
		if fn.Pkg() != nil {
			switch {
			case c.reachesJWT && c.s.Libs.Match(fn.Pkg().Path()) != "":
				c.librarySinks(fn, call)
			case fn.Pkg().Path() == "cmp" && fn.Name() == "Or":
				c.flow.cmpOr = append(c.flow.cmpOr, call)
			}
		}
	}
	c.checkSecretAccess(callee, call)
	c.checkFlagDefault(call)
	c.checkSettingDefault(callee, call)
	c.checkBuilderDefault(call)
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
	if name, ok := c.constString(call.Args[nameIdx]); ok && c.names.IsSecretKey(name) {
		c.addSource(secretSource{expr: call.Args[valueIdx], how: "as the default of flag -" + name,
			named: true, priority: priorityName})
	}
}

// settingCallName matches functions that get or set a setting with a
// default or value after its key: getEnv("JWT_SECRET", "dev"),
// viper.SetDefault("jwt.secret", "dev"), os.Setenv("JWT_SECRET", "dev").
var settingCallName = regexp.MustCompile(`(?i)env|default|fallback|^get|lookup|^set|^or$|must|require`)

// checkSettingDefault reports literals passed after a secret's name to a
// getter (its fallback) or a setter (its value).
func (c *checker) checkSettingDefault(callee types.Object, call *ast.CallExpr) {
	if len(call.Args) < 2 || !settingCallName.MatchString(callee.Name()) {
		return
	}
	if p := callee.Pkg(); p != nil && p.Path() != "os" {
		for _, np := range notSettingPackages {
			if p.Path() == np || strings.HasPrefix(p.Path(), np+"/") {
				return
			}
		}
	}
	for k := 0; k < 2 && k < len(call.Args); k++ {
		key, ok := c.constString(call.Args[k])
		if !ok || !c.names.IsSecretKey(key) {
			continue
		}
		how := "as the fallback for " + key
		if strings.HasPrefix(strings.ToLower(callee.Name()), "set") {
			how = "as the value of " + key
		}
		for _, arg := range call.Args[k+1:] {
			c.addSource(secretSource{expr: arg, how: how, named: true, priority: priorityName})
		}
		return
	}
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
	key := ""
	for x := ast.Unparen(sel.X); ; {
		inner, ok := x.(*ast.CallExpr)
		if !ok || len(inner.Args) == 0 {
			break
		}
		if k, ok := c.constString(inner.Args[0]); ok && c.names.IsSecretKey(k) {
			key = k
		}
		s, ok := inner.Fun.(*ast.SelectorExpr)
		if !ok {
			break
		}
		x = ast.Unparen(s.X)
	}
	if key != "" {
		c.addSource(secretSource{expr: call.Args[0], how: "as the default of " + key, named: true, priority: priorityName})
	}
}

// cmpOrFallbacks handles cmp.Or(os.Getenv("JWT_SECRET"), "dev"): once one
// argument reads a JWT secret, the others are its fallbacks.
func (c *checker) cmpOrFallbacks(call *ast.CallExpr) {
	key := ""
	for _, arg := range call.Args {
		if k, ok := c.secretReadExpr(arg); ok {
			key = k
			break
		}
		if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
			if k, ok := c.flow.envVars[c.info.Uses[id]]; ok {
				key = k
				break
			}
		}
	}
	if key == "" {
		return
	}
	for _, arg := range call.Args {
		c.addSource(secretSource{expr: arg, how: "as the fallback for " + key, named: true, priority: priorityName})
	}
}
