package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// modulePath is the generated module's path.
const modulePath = "example.com/mono"

type options struct {
	out      string
	packages int
	jwtShare float64
	seed     uint64
	force    bool
}

// summary is what benchgen prints: the size of the module and the findings
// a jwtssot run should report.
type summary struct {
	packages    int // service packages
	allPackages int // with the auth and platform packages
	jwtPackages int
	files       int // .go files of the module, not of the stub library
	lines       int
	layers      int
	planted     findings
}

// findings counts diagnostics by rule.
type findings struct {
	imports, calls, secrets, access int
}

func (f *findings) add(g findings) {
	f.imports += g.imports
	f.calls += g.calls
	f.secrets += g.secrets
	f.access += g.access
}

func (f findings) total() int { return f.imports + f.calls + f.secrets + f.access }

func (s summary) String() string {
	return fmt.Sprintf("benchgen: %d service packages (%d in all, %d layers), %d with JWT code; %d files, %d lines; "+
		"expected violations %d (import %d, call %d, hardcoded-secret %d, secret-access %d)",
		s.packages, s.allPackages, s.layers, s.jwtPackages, s.files, s.lines,
		s.planted.total(), s.planted.imports, s.planted.calls, s.planted.secrets, s.planted.access)
}

func generate(o options) (summary, error) {
	if o.packages < 1 {
		return summary{}, errors.New("-packages must be at least 1")
	}
	if o.jwtShare < 0 || o.jwtShare > 100 {
		return summary{}, errors.New("-jwt-share must be between 0 and 100")
	}
	if err := prepareDir(o.out, o.force); err != nil {
		return summary{}, err
	}
	pkgs := plan(o)
	w := &writer{root: o.out}
	w.raw("go.mod", goMod)
	w.raw(".jwtssot.yaml", jwtssotYAML)
	w.raw(".golangci.yml", golangciYAML)
	w.raw("third_party/jwt/go.mod", stubGoMod)
	w.raw("third_party/jwt/jwt.go", stubJWT)
	for _, f := range fixedFiles {
		w.gofile(f.path, f.src)
	}
	s := summary{packages: len(pkgs), allPackages: len(pkgs) + fixedPackages, layers: layers(len(pkgs))}
	for _, p := range pkgs {
		if p.jwt != 0 {
			s.jwtPackages++
		}
		for _, f := range p.files() {
			w.gofile(filepath.Join(p.dir, f.name), f.src)
		}
		s.planted.add(p.planted())
	}
	if w.err != nil {
		return summary{}, w.err
	}
	s.files, s.lines = w.files, w.lines
	return s, nil
}

// prepareDir makes dir an empty directory.
func prepareDir(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0 && !force:
		return fmt.Errorf("%s is not empty (use -force to replace its content)", dir)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// writer writes files under root and counts the module's Go files and lines.
type writer struct {
	root         string
	files, lines int
	err          error
}

func (w *writer) raw(rel, content string) {
	if w.err != nil {
		return
	}
	path := filepath.Join(w.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(path, []byte(content), 0o644)
}

// gofile formats src, so that a template mistake fails here with the file's
// name, and writes it.
func (w *writer) gofile(rel, src string) {
	if w.err != nil {
		return
	}
	out, err := format.Source([]byte(src))
	if err != nil {
		w.err = fmt.Errorf("generated %s does not parse: %w", rel, err)
		return
	}
	w.files++
	w.lines += bytes.Count(out, []byte("\n"))
	w.raw(rel, string(out))
}

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
// service.go.
var optionalKinds = []string{"store", "handler", "validate", "cache", "export", "events"}

// plan decides every package: names, layer, imports, fields, files, JWT forms.
// Each package draws from its own generator seeded by (seed, index), so a
// package does not change when another one does.
func plan(o options) []*pkg {
	n := o.packages
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
		r := rand.New(rand.NewPCG(o.seed, uint64(p.idx)))
		p.mult = 3 + r.IntN(97)
		p.add = r.IntN(1000)
		if p.layer > 0 {
			want := 1 + r.IntN(3)
			seen := map[int]bool{}
			for tries := 0; len(p.deps) < want && tries < 20; tries++ {
				l := p.layer - 1
				if r.IntN(10) >= 7 {
					l = r.IntN(p.layer)
				}
				cand := byLayer[l][r.IntN(len(byLayer[l]))]
				if !seen[cand.idx] {
					seen[cand.idx] = true
					p.deps = append(p.deps, cand)
				}
			}
		}
		p.fields = pickFields(r)
		extra := 1 + r.IntN(4) // 3 to 6 files with model.go and service.go
		picked := r.Perm(len(optionalKinds))[:extra]
		slices.Sort(picked)
		for _, i := range picked {
			p.optional = append(p.optional, optionalKinds[i])
		}
	}
	// The JWT packages: a seeded shuffle, so the share is exact.
	r := rand.New(rand.NewPCG(o.seed, math.MaxUint64))
	k := int(math.Round(float64(n) * o.jwtShare / 100))
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
	return pkgs
}

type file struct{ name, src string }

func (p *pkg) files() []file {
	fs := []file{{"model.go", p.model()}, {"service.go", p.service()}}
	for _, k := range p.optional {
		var src string
		switch k {
		case "store":
			src = p.store()
		case "handler":
			src = p.handler()
		case "validate":
			src = p.validate()
		case "cache":
			src = p.cache()
		case "export":
			src = p.export()
		case "events":
			src = p.events()
		}
		fs = append(fs, file{k + ".go", src})
	}
	if p.jwt&formDirect != 0 {
		fs = append(fs, file{"tokens.go", p.tokens()})
	}
	if p.jwt&^formDirect != 0 {
		fs = append(fs, file{"session.go", p.session()})
	}
	return fs
}

// planted counts the findings a package's JWT forms make; the numbers match
// the code tokens() and session() write.
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

// r replaces the placeholders of a template with the package's names.
func (p *pkg) r(tmpl string) string {
	return strings.NewReplacer(
		"XPKGX", p.name,
		"XENTX", p.entity,
		"XLOWX", p.word,
		"XDOMX", p.domain,
		"XDIRX", p.dir,
		"XMODX", modulePath,
	).Replace(tmpl)
}
