package analyzer

import (
	"go/types"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// checkSecretAccess implements the secret-access rule: a call outside the
// auth packages that reads a JWT secret setting (os.Getenv("JWT_SECRET"),
// viper.GetString("jwt.secret"), a helper of the module that reads the
// setting its parameter names, a struct-tag loader filling a field named
// for the secret), reported on the call.
func checkSecretAccess(ix *index) {
	if ix.inAuth {
		return
	}
	for _, u := range ix.seen.settingUses {
		key := u.secretKey
		if key == "" {
			continue
		}
		name, symbol := calleeNames(u.callee)
		advice := "; only the auth module may read JWT secrets"
		if len(ix.s.AuthWritten) == 0 {
			advice = noAuthAdvice
		}
		how := " read with " + name
		if u.loader {
			how = " read into field " + u.loaderField + " by " + name
		}
		body := "JWT secret " + key + how + ix.outsideAuth() + advice
		ix.report(rules.SecretAccess, u.call.Pos(), u.call.End(), symbol, body)
	}
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
