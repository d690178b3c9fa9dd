package analyzer

import (
	"go/types"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
)

// settle does the package-wide work the rules share, once the walk has
// seen every file, in this order:
//
//  1. the weak words of the secret-name heuristic count from now on if
//     the package uses a JWT library itself (known only after the walk);
//  2. the settings named next to a default or a fallback (getEnv("JWT_SECRET",
//     "dev")) become defaults to check;
//  3. the parameters of the package's functions that name a setting they
//     read, through any depth of helpers and, by facts, of other packages;
//  4. which setting uses read a JWT secret by its name;
//  5. the parameters of the package's functions that reach a key, which
//     make every call of them a sink;
//  6. the literals used as a setting's name, which are names, not values.
func (ix *index) settle() {
	ix.names = ix.s.Names.WithWeakContext(ix.seen.usesJWT)
	ix.settingDefaults()
	ix.propagateReads()
	ix.secretReads()
	ix.propagateKeys()
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

// secretReads records, for every setting use, the JWT secret it reads by
// name, if any, and the arguments that name a setting.
func (ix *index) secretReads() {
	for i, u := range ix.seen.settingUses {
		if key, ok := ix.secretReadKey(u); ok {
			ix.seen.settingUses[i].secretKey = key
		}
	}
}

// secretReadKey returns the JWT secret a setting use reads, if it reads one.
func (ix *index) secretReadKey(u settingUse) (string, bool) {
	if u.loader {
		return u.loaderKey, ix.names.IsSecretKey(u.loaderKey)
	}
	var indexes []int
	if i, ok := ix.readArg(u.call); ok {
		indexes = append(indexes, i)
	}
	if fn, ok := u.callee.(*types.Func); ok {
		fn = fn.Origin()
		for i := range ix.seen.readParams[fn] {
			indexes = append(indexes, i)
		}
		if fn.Pkg() != ix.pass.Pkg {
			if f := ix.facts.fn(fn); f != nil {
				indexes = append(indexes, f.Reads...)
			}
		}
	}
	for _, i := range indexes {
		if i >= len(u.call.Args) {
			continue
		}
		ix.seen.nameArgs = append(ix.seen.nameArgs, u.call.Args[i])
		if s, ok := ix.constString(u.call.Args[i]); ok && ix.names.IsSecretKey(s) {
			return s, true
		}
	}
	return "", false
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
