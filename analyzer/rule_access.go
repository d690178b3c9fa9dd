package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
	"github.com/jwtssot/jwtssot/internal/jwtlib"
	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/secretname"
)

// A reachedRead is a read whose value reaches a key: how it gets there,
// and the library symbol it reaches.
type reachedRead struct {
	read   flow.Read
	how    string
	symbol string
}

// checkSecretAccess implements the secret-access rule. Its first route is
// reach: a read outside the auth packages whose value reaches a key, in
// this package or, through facts, in another, whatever the setting is
// called. Its second route is names: a read of a setting named like a JWT
// secret (os.Getenv("JWT_SECRET"), a loader filling a field tagged
// env:"JWT_SECRET") whose value reaches no key the scan sees. Each read is
// reported once, on the call that reads (or the expression that brings
// another package's read in), with the first route's message when both
// apply.
func checkSecretAccess(ix *index) {
	done := map[token.Pos]bool{}
	reached := ix.reachedReads()
	for i, rr := range reached {
		site := rr.read.Site
		if done[site.Pos()] || !ix.outsideAuthRead(rr.read) {
			continue
		}
		done[site.Pos()] = true
		ix.out.readSites[readSite{site.Pos(), rr.read.Name}] = true
		body := "JWT secret" + describeRead(rr.read) + alsoRead(rr.read, reached[i+1:]) + ix.outsideAuth() + " is " + rr.how + ix.readAdvice()
		ix.report(rules.SecretAccess, site.Pos(), site.End(), rr.symbol, body)
	}
	if ix.inAuth {
		return
	}
	for _, u := range ix.seen.reads {
		if u.secretKey == "" || done[u.site.Pos()] {
			continue
		}
		done[u.site.Pos()] = true
		how := " read with " + u.callee
		if u.secretField != "" {
			how = " read into field " + u.secretField + " by " + u.callee
		}
		body := "JWT secret " + u.secretKey + how + ix.outsideAuth() + ix.readAdvice()
		ix.report(rules.SecretAccess, u.site.Pos(), u.site.End(), u.symbol, body)
	}
	ix.markNamedReads(done)
}

// markNamedReads records, at each reported site, the settings whose names
// give them away as JWT secrets: a loader's call that fills JWT_SECRET and
// TRACKING_JWT_SIGNING_KEY is reported once, naming the first, and the
// other is not reported again where its value meets a key. Its other
// settings are (a neutral name gives nothing away).
func (ix *index) markNamedReads(done map[token.Pos]bool) {
	for _, u := range ix.seen.reads {
		if !done[u.site.Pos()] {
			continue
		}
		if u.secretKey != "" {
			ix.out.readSites[readSite{u.site.Pos(), u.secretKey}] = true
		}
		for _, f := range u.fields {
			if ix.names.IsSecretKey(f.name) {
				ix.out.readSites[readSite{u.site.Pos(), f.name}] = true
			}
		}
	}
}

// reachedReads returns the reads whose values reach a key: those each
// sink's value may hold, then the calls that name a setting a parameter
// reads into a key (settle's propagateKeyReads).
func (ix *index) reachedReads() []reachedRead {
	var out []reachedRead
	for _, s := range ix.seen.sinks {
		n := s.node(ix)
		if n == nil {
			continue
		}
		reads := ix.flow.Reads(n)
		reported := map[string]bool{} // holders of another package's reads reported there
		for _, r := range reads {
			if r.Reported {
				reported[holder(r.Origin)] = true
			}
		}
		// A name that says public (JWT_PUBLIC_KEY, a certificate) decides
		// only where a public key could go: a keyfunc, a map of keys, a
		// constructor of either kind. A value that reaches a secret's or
		// a private key's parameter is a secret whatever it is called.
		either := s.mode != flow.Value || jwtlib.TakesEither(s.symbol)
		for _, r := range reads {
			switch {
			case r.ByParam, r.Site == nil, r.Reported, either && secretname.SaysPublic(r.Name), r.Implied && ix.fetchedExplicitly(r):
			case r.Origin != "" && reported[holder(r.Origin)]:
				// The value another package holds was reported there, by
				// the name of one of its reads: its other reads (a
				// resolver's, by a computed name) are the same secret.
			default:
				out = append(out, reachedRead{read: r, how: s.how, symbol: s.symbol})
			}
		}
	}
	return append(out, ix.seen.reached...)
}

// maxAlsoRead bounds the other reads a message names: a key read in a few
// places says so; a value built from a whole config map has said enough.
const maxAlsoRead = 3

// alsoRead names the other reads of another package that bring a value
// in at the same expression as first (a config field filled by a JSON and
// a TOML loader): each is a place to move into the auth module.
func alsoRead(first flow.Read, rest []reachedRead) string {
	if first.Origin == "" {
		return ""
	}
	seen := map[string]bool{first.Origin: true}
	var parts []string
	n := 0
	for _, rr := range rest {
		r := rr.read
		if r.Site != first.Site || r.Origin == "" || seen[r.Origin] {
			continue
		}
		seen[r.Origin] = true
		if holder(r.Origin) == holder(first.Origin) {
			r.Origin, _, _ = strings.Cut(r.Origin, " (") // "at internal/config/parse.go:52": the holder is said once
		}
		if n++; n <= maxAlsoRead {
			parts = append(parts, strings.TrimPrefix(describeRead(r), " "))
		}
	}
	if n > maxAlsoRead {
		parts = append(parts, fmt.Sprintf("%d more", n-maxAlsoRead))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (also " + strings.Join(parts, "; ") + ")"
}

// fetchedExplicitly reports whether the object an implied read is a field
// of (s in s.Data["key"], a Kubernetes Secret) was itself read by a
// source, which says more (secrets.Get(ctx, "jwt", ...) names it): that
// read is the finding. A Secret of a list or a watch has no such read.
func (ix *index) fetchedExplicitly(r flow.Read) bool {
	x := r.Site
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.IndexExpr:
			x = e.X
			continue
		case *ast.SelectorExpr:
			reads := ix.flow.Reads(ix.flow.Trace(e.X, flow.Value))
			return slices.ContainsFunc(reads, func(r flow.Read) bool { return !r.ByParam && !r.Implied })
		}
		return false
	}
}

// outsideAuthRead reports whether a read is outside the auth packages: a
// read of this package when it is not one of them, a read of another
// package (brought in by a value) when that one is not.
func (ix *index) outsideAuthRead(r flow.Read) bool {
	if r.Pkg != "" {
		return !ix.s.IsAuth(r.Pkg)
	}
	return !ix.inAuth
}

// describeRead says what a read reads and how, after "JWT secret": " SECRET
// read with os.Getenv", " JWT_SECRET read into field JWTSecret by
// env.Parse", " read from the database by (*gorm.DB).First", and, for a
// read of another package, where it is.
func describeRead(r flow.Read) string {
	s := ""
	if r.Name != "" {
		s = " " + r.Name
	}
	callee := r.CalleeName
	if r.Callee != nil {
		callee, _ = calleeNames(r.Callee)
	}
	switch {
	case r.Field != "":
		s += " read into field " + r.Field + " by " + callee
	case r.Kind != "":
		s += " read from " + r.Kind + " by " + callee
	default:
		s += " read with " + callee
	}
	switch {
	case strings.HasPrefix(r.Origin, "at "):
		s += " " + r.Origin // "at internal/config/env.go:14 (held by config.Key)"
	case r.Origin != "":
		s += " in " + r.Origin
	}
	return s
}

// readAdvice is the end of a secret-access message.
func (ix *index) readAdvice() string {
	if len(ix.s.AuthWritten) == 0 {
		return noAuthAdvice
	}
	return "; only the auth module may read JWT secrets"
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
