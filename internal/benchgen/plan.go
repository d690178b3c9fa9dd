package benchgen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// The forms of JWT code a service package can hold, as bits.
const (
	formDirect    = 1 << iota // imports the library, calls it
	formForeign               // calls library methods on values from the auth package
	formHardcoded             // a JWT secret in the source
	formEnv                   // reads JWT_SECRET from the environment
)

// pkg is one generated service package.
type pkg struct {
	idx      int
	domain   string
	word     string // entity word, lower case: "invoice"
	name     string // package name: "invoice07"
	dir      string // "svc/billing/invoice07"
	entity   string // "Invoice"
	layer    int
	deps     []*pkg
	fields   []field
	optional []string // optional file kinds, in a fixed order
	jwt      int      // form bits
	mult     int      // constants that make Score differ per package
	add      int
}

func (p *pkg) path() string { return modulePath + "/" + p.dir }

// layers is the depth of the service DAG for n packages: 3 for 5, 7 for 100,
// 10 for 1000, 13 for 5000.
func layers(n int) int {
	l := int(math.Log2(float64(n))) + 1
	return min(max(l, 1), 13)
}

// optionalKinds are the files a package may have besides model.go and
// service.go: templates/service/<kind>.go.tmpl each.
var optionalKinds = []string{"store", "handler", "validate", "cache", "export", "events"}

// plan decides every package: names, layer, imports, fields, files, JWT forms.
// Each package draws from its own generator seeded by (seed, index), so a
// package does not change when another one does.
func plan(o Options) []*pkg {
	n := o.Packages
	nl := layers(n)
	pkgs := make([]*pkg, n)
	byLayer := make([][]*pkg, nl)
	for i := range n {
		d := domains[i%len(domains)]
		word := d.words[(i/len(domains))%len(d.words)]
		num := i / (len(domains) * len(d.words))
		p := &pkg{
			idx:    i,
			domain: d.name,
			word:   word,
			name:   fmt.Sprintf("%s%02d", word, num),
			entity: strings.ToUpper(word[:1]) + word[1:],
			layer:  i * nl / n,
		}
		p.dir = "svc/" + p.domain + "/" + p.name
		pkgs[i] = p
		byLayer[p.layer] = append(byLayer[p.layer], p)
	}
	for _, p := range pkgs {
		r := rand.New(rand.NewPCG(o.Seed, uint64(p.idx)))
		p.mult = 3 + r.IntN(97)
		p.add = r.IntN(1000)
		if p.layer > 0 {
			p.deps = pickDeps(r, p, byLayer)
		}
		p.fields = pickFields(r)
		extra := 1 + r.IntN(4) // 3 to 6 files with model.go and service.go
		picked := r.Perm(len(optionalKinds))[:extra]
		slices.Sort(picked)
		for _, i := range picked {
			p.optional = append(p.optional, optionalKinds[i])
		}
	}
	pickJWT(o, pkgs)
	return pkgs
}

// pickDeps draws the one to three packages of lower layers p imports, most
// often from the layer just below.
func pickDeps(r *rand.Rand, p *pkg, byLayer [][]*pkg) []*pkg {
	var deps []*pkg
	want := 1 + r.IntN(3)
	seen := map[int]bool{}
	for tries := 0; len(deps) < want && tries < 20; tries++ {
		l := p.layer - 1
		if r.IntN(10) >= 7 {
			l = r.IntN(p.layer)
		}
		cand := byLayer[l][r.IntN(len(byLayer[l]))]
		if !seen[cand.idx] {
			seen[cand.idx] = true
			deps = append(deps, cand)
		}
	}
	return deps
}

// pickJWT gives the JWT packages their forms: a seeded shuffle picks them,
// so the share is exact.
func pickJWT(o Options, pkgs []*pkg) {
	n := len(pkgs)
	r := rand.New(rand.NewPCG(o.Seed, math.MaxUint64))
	k := int(math.Round(float64(n) * o.JWTShare / 100))
	for _, i := range r.Perm(n)[:k] {
		p := pkgs[i]
		for p.jwt == 0 {
			if r.IntN(100) < 50 {
				p.jwt |= formDirect
			}
			if r.IntN(100) < 40 {
				p.jwt |= formForeign
			}
			if r.IntN(100) < 30 {
				p.jwt |= formHardcoded
			}
			if r.IntN(100) < 30 {
				p.jwt |= formEnv
			}
		}
	}
}

// kinds lists the package's files by template: model and service, the
// optional kinds, then tokens (the direct form) and session (the others).
func (p *pkg) kinds() []string {
	ks := append([]string{"model", "service"}, p.optional...)
	if p.jwt&formDirect != 0 {
		ks = append(ks, "tokens")
	}
	if p.jwt&^formDirect != 0 {
		ks = append(ks, "session")
	}
	return ks
}

// planted counts the findings a package's JWT forms make; the numbers match
// the code templates/service/tokens.go.tmpl and session.go.tmpl write.
func (p *pkg) planted() findings {
	var f findings
	if p.jwt&formDirect != 0 {
		// import; ParseWithClaims, NewNumericDate, NewWithClaims,
		// SignedString, Parse, (jwt.Claims).GetSubject.
		f.add(findings{imports: 1, calls: 6})
	}
	if p.jwt&formForeign != 0 {
		// (jwt.RegisteredClaims).GetExpirationTime, (*jwt.Token).SignedString,
		// (jwt.SigningMethod).Alg.
		f.add(findings{calls: 3})
	}
	if p.jwt&formHardcoded != 0 {
		// jwtSecret = "...", (*jwt.Token).SignedString.
		f.add(findings{secrets: 1, calls: 1})
	}
	if p.jwt&formEnv != 0 {
		// os.Getenv("JWT_SECRET").
		f.add(findings{access: 1})
	}
	return f
}
