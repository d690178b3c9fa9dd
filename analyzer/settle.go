package analyzer

import (
	"cmp"
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
)

// settle does the package-wide work the rules share, once the walk has
// seen every file, in this order:
//
//  0. the reads of variables that hold a source (source_aliases.go), the
//     structs loader wrappers fill, at their calls (loader_wrappers.go),
//     and the sinks that other packages' fields are (foreign_keys.go);
//  1. the weak words of the secret-name heuristic count from now on if
//     the package uses a JWT library itself (known only after the walk);
//  2. the settings named next to a default or a fallback (getEnv("JWT_SECRET",
//     "dev")) become defaults to check;
//  3. the parameters of the package's functions that name a setting they
//     read, through any depth of helpers and, by facts, of other packages;
//  4. which setting uses read a JWT secret by its name;
//  5. the parameters of the package's functions that reach a key, which
//     make every call of them a sink;
//  6. the parameters that name a setting whose value reaches a key, which
//     make every call that names one a read of a JWT secret;
//  7. the literals used as a setting's name, which are names, not values.
func (ix *index) settle() {
	ix.names = ix.s.Names.WithWeakContext(ix.seen.usesJWT)
	ix.recordAliasReads()
	ix.fillWrapped()
	ix.foreignKeySinks()
	ix.settingDefaults()
	ix.propagateReads()
	ix.secretReads()
	ix.propagateKeys()
	ix.propagateKeyReads()
	ix.markNameLits()
}

// settingDefaults turns each setting call whose name argument (one of its
// first two) names a JWT secret into defaults: the arguments after the name
// are the setting's fallbacks, or, for a setter, its value.
func (ix *index) settingDefaults() {
	for _, sc := range ix.seen.settingCalls {
		for k := 0; k < 2 && k < len(sc.call.Args); k++ {
			key, ok := ix.constString(sc.call.Args[k])
			if !ok || !ix.names.IsSecretKey(key) {
				continue
			}
			ix.seen.nameArgs = append(ix.seen.nameArgs, sc.call.Args[k])
			how := "as the fallback for " + key
			if strings.HasPrefix(strings.ToLower(sc.callee.Name()), "set") {
				how = "as the value of " + key
			}
			for _, arg := range sc.call.Args[k+1:] {
				ix.seen.defaults = append(ix.seen.defaults, sink{expr: arg, mode: flow.Value, key: key, named: true, how: how})
			}
			break
		}
	}
}

// secretReads decides which reads read a JWT secret by its name: the
// reads the walk recorded, and the calls of the package's functions that
// read the setting a parameter names (getEnv("JWT_SECRET", "")), which
// join them.
func (ix *index) secretReads() {
	fns := slices.Collect(maps.Keys(ix.seen.readParams))
	slices.SortFunc(fns, func(a, b *types.Func) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, fn := range fns {
		params := slices.Sorted(maps.Keys(ix.seen.readParams[fn]))
		name, symbol := calleeNames(fn)
		for _, call := range ix.flow.CallsOf(fn) {
			ix.seen.reads = append(ix.seen.reads, readUse{site: call, call: call, callee: name, symbol: symbol, nameArgs: params})
		}
	}
	for i := range ix.seen.reads {
		ix.secretReadOf(&ix.seen.reads[i])
	}
}

// secretReadOf decides the JWT secret a read reads by name, if any, and
// records the arguments that name a setting.
func (ix *index) secretReadOf(u *readUse) {
	if u.defines {
		for _, i := range u.nameArgs {
			if i < len(u.call.Args) {
				ix.seen.nameArgs = append(ix.seen.nameArgs, u.call.Args[i])
			}
		}
		return
	}
	for _, f := range u.fields {
		if ix.names.IsSecretKey(f.name) && canHoldSecret(f.field.Type()) {
			u.secretKey, u.secretField = f.name, f.path
			return
		}
	}
	if u.name != "" && ix.names.IsSecretKey(u.name) {
		u.secretKey = u.name
		return
	}
	for _, i := range u.nameArgs {
		if i >= len(u.call.Args) {
			continue
		}
		ix.seen.nameArgs = append(ix.seen.nameArgs, u.call.Args[i])
		if u.secretKey != "" {
			continue
		}
		for _, name := range ix.flow.Names(u.call.Args[i]) {
			if ix.names.IsSecretKey(name) {
				u.secretKey = name
				break
			}
		}
	}
}

// propagateKeyReads finds the parameters of the package's functions that
// name a setting whose value reaches a key (signWith(name string) signing
// with os.Getenv(name)), and turns every call that gives them a name into a
// read that reaches a key: signWith("TOKEN_KEY") reads the JWT secret,
// whatever it is called. A caller that passes its own parameter has one
// too; calls of other packages' functions whose facts say so start the
// same way.
func (ix *index) propagateKeyReads() {
	type work struct {
		call *ast.CallExpr
		fn   *types.Func
		kp   keyParam
	}
	var queue []work
	mark := func(p flow.Param, kp keyParam) {
		if _, done := ix.seen.keyReads[p.Fn][p.Index]; done {
			return
		}
		if ix.seen.keyReads[p.Fn] == nil {
			ix.seen.keyReads[p.Fn] = map[int]keyParam{}
		}
		kp.Index = p.Index
		ix.seen.keyReads[p.Fn][p.Index] = kp
		for _, call := range ix.flow.CallsOf(p.Fn) {
			queue = append(queue, work{call, p.Fn, kp})
		}
	}
	for _, s := range ix.seen.sinks {
		n := s.node(ix)
		if n == nil {
			continue
		}
		for _, r := range ix.flow.Reads(n) {
			if r.ByParam {
				mark(r.Param, keyParam{Mode: s.mode, Symbol: s.symbol, Where: s.where, How: s.how})
			}
		}
	}
	for _, c := range ix.seen.keyReadCalls {
		for _, kp := range c.params {
			queue = append(queue, work{c.call, c.fn, kp})
		}
	}
	for len(queue) > 0 {
		w := queue[0]
		queue = queue[1:]
		if w.kp.Index >= len(w.call.Args) {
			continue
		}
		arg := w.call.Args[w.kp.Index]
		for _, name := range ix.flow.Names(arg) { // read with w.fn, which says where
			ix.seen.reached = append(ix.seen.reached, reachedRead{
				read: flow.Read{Name: name, Site: w.call, Callee: w.fn}, how: w.kp.How, symbol: w.kp.Symbol})
		}
		how := w.kp.How + " through " + shortFuncName(w.fn)
		for _, p := range ix.flow.Params(ix.flow.Arg(w.call, w.kp.Index, flow.Value)) {
			if p.Mode == flow.Value {
				mark(p, keyParam{Mode: w.kp.Mode, Symbol: w.kp.Symbol, Where: w.kp.Where, How: how})
			}
		}
	}
}

// markNameLits records the literals used as a setting's name: the values
// of every name argument of a read, a flag definition, a setter or a
// binder. Such a literal is a name whatever its case style
// (const jwtSecretKey = "jwt_secret" read as GetString(jwtSecretKey)), never
// a secret bound to a secret's name.
func (ix *index) markNameLits() {
	seen := map[flow.Node]bool{}
	for _, arg := range ix.seen.nameArgs {
		ix.flow.Literals(ix.flow.Trace(arg, flow.Value), seen, func(l *flow.Lit) {
			if l.Origin == "" && l.Expr != nil {
				ix.seen.nameLits[l.Expr.Pos()] = true
			}
		})
	}
}
