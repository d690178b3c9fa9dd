package main

import (
	"fmt"
	"strings"
)

// src accumulates a generated file.
type src struct{ strings.Builder }

// f writes a line built by fmt.Sprintf.
func (s *src) f(format string, args ...any) {
	fmt.Fprintf(&s.Builder, format, args...)
	s.WriteByte('\n')
}

// l writes lines as they are.
func (s *src) l(lines ...string) {
	for _, line := range lines {
		s.WriteString(line)
		s.WriteByte('\n')
	}
}

// relField is the name of the entity field that points at a dependency's
// entity.
func relField(d *pkg) string {
	return "Rel" + strings.ToUpper(d.name[:1]) + d.name[1:]
}

func (p *pkg) depImports(s *src) {
	for _, d := range p.deps {
		s.f("\t%q", d.path())
	}
}

func (p *pkg) model() string {
	var s src
	s.l(p.r(`// Package XPKGX manages the XLOWX records of the XDOMX domain: their model,
// rules and storage, and their HTTP API.
package XPKGX

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
`))
	p.depImports(&s)
	s.l(")", "", p.r("// XENTX is one XLOWX record as stored and served by this package."), p.r("type XENTX struct {"))
	s.l("\tID int64 `json:\"id\"`", "\tTenantID int64 `json:\"tenant_id\"`", "\tStatus string `json:\"status\"`")
	for _, f := range p.fields {
		s.f("\t%s %s `json:\"%s,omitempty\"`", f.name, f.typ, snake(f.name))
	}
	s.l("\tCreatedAt time.Time `json:\"created_at\"`", "\tUpdatedAt time.Time `json:\"updated_at\"`")
	for _, d := range p.deps {
		s.f("\t// %s is the %s record this one refers to, when loaded.", relField(d), d.word)
		s.f("\t%s *%s.%s `json:\"%s,omitempty\"`", relField(d), d.name, d.entity, d.name)
	}
	s.l("}")
	s.l(p.r(`
// Statuses of a XENTX.
const (
	StatusDraft    = "draft"
	StatusActive   = "active"
	StatusArchived = "archived"
)

var (
	// ErrNotFound is returned when no XENTX matches.
	ErrNotFound = errors.New("XPKGX: XLOWX not found")
	// ErrInvalid is returned for a XENTX that fails validation.
	ErrInvalid = errors.New("XPKGX: invalid XLOWX")
	// ErrConflict is returned when a XENTX changed concurrently.
	ErrConflict = errors.New("XPKGX: XLOWX changed concurrently")
)

// Filter selects XENTX records.
type Filter struct {
	TenantID int64
	Status   string
	Since    time.Time
	Limit    int
	Offset   int
}

// Validate reports the first problem with x.
func (x *XENTX) Validate() error {
	if x == nil {
		return fmt.Errorf("%w: nil XLOWX", ErrInvalid)
	}
	if x.TenantID <= 0 {
		return fmt.Errorf("%w: tenant id %d", ErrInvalid, x.TenantID)
	}
	switch x.Status {
	case StatusDraft, StatusActive, StatusArchived:
	default:
		return fmt.Errorf("%w: status %q", ErrInvalid, x.Status)
	}`))
	for _, f := range p.fields {
		key := snake(f.name)
		switch f.typ {
		case "string":
			if f.name == "Email" {
				s.f("\tif x.Email != \"\" && !strings.Contains(x.Email, \"@\") {")
				s.f("\t\treturn fmt.Errorf(\"%%w: email %%q has no @\", ErrInvalid, x.Email)")
				s.l("\t}")
			}
			s.f("\tif len(x.%s) > %d {", f.name, 64+len(f.name)*16)
			s.f("\t\treturn fmt.Errorf(\"%%w: %s longer than %d bytes\", ErrInvalid)", key, 64+len(f.name)*16)
			s.l("\t}")
		case "int64":
			s.f("\tif x.%s < 0 {", f.name)
			s.f("\t\treturn fmt.Errorf(\"%%w: negative %s %%d\", ErrInvalid, x.%s)", key, f.name)
			s.l("\t}")
		case "float64":
			s.f("\tif x.%s < 0 || x.%s > 1e9 {", f.name, f.name)
			s.f("\t\treturn fmt.Errorf(\"%%w: %s %%g out of range\", ErrInvalid, x.%s)", key, f.name)
			s.l("\t}")
		case "[]string":
			s.f("\tif len(x.%s) > 32 {", f.name)
			s.f("\t\treturn fmt.Errorf(\"%%w: %%d %s, at most 32\", ErrInvalid, len(x.%s))", key, f.name)
			s.l("\t}")
			s.f("\tfor i, v := range x.%s {", f.name)
			s.l("\t\tif strings.TrimSpace(v) == \"\" {")
			s.f("\t\t\treturn fmt.Errorf(\"%%w: empty %s[%%d]\", ErrInvalid, i)", key)
			s.l("\t\t}", "\t}")
		case "map[string]string":
			s.f("\tfor k := range x.%s {", f.name)
			s.l("\t\tif k == \"\" || strings.ContainsAny(k, \" \\t\\n\") {")
			s.f("\t\t\treturn fmt.Errorf(\"%%w: %s key %%q\", ErrInvalid, k)", key)
			s.l("\t\t}", "\t}")
		case "time.Time":
			s.f("\tif !x.%s.IsZero() && !x.CreatedAt.IsZero() && x.%s.Before(x.CreatedAt) {", f.name, f.name)
			s.f("\t\treturn fmt.Errorf(\"%%w: %s before creation\", ErrInvalid)", key)
			s.l("\t}")
		}
	}
	for _, d := range p.deps {
		s.f("\tif x.%s != nil && x.%s.TenantID != x.TenantID {", relField(d), relField(d))
		s.f("\t\treturn fmt.Errorf(\"%%w: %s of tenant %%d\", ErrInvalid, x.%s.TenantID)", d.word, relField(d))
		s.l("\t}")
	}
	s.l("\treturn nil", "}", "")
	s.l(p.r(`// Clone returns a deep copy of x.
func (x *XENTX) Clone() *XENTX {
	if x == nil {
		return nil
	}
	c := *x`))
	for _, f := range p.fields {
		switch f.typ {
		case "[]string":
			s.f("\tc.%s = append([]string(nil), x.%s...)", f.name, f.name)
		case "map[string]string":
			s.f("\tif x.%s != nil {", f.name)
			s.f("\t\tc.%s = make(map[string]string, len(x.%s))", f.name, f.name)
			s.f("\t\tfor k, v := range x.%s {", f.name)
			s.f("\t\t\tc.%s[k] = v", f.name)
			s.l("\t\t}", "\t}")
		}
	}
	for _, d := range p.deps {
		s.f("\tc.%s = x.%s.Clone()", relField(d), relField(d))
	}
	s.l("\treturn &c", "}")
	s.l(p.r(`
// Key identifies x across tenants.
func (x *XENTX) Key() string { return fmt.Sprintf("%d/%d", x.TenantID, x.ID) }

// Matches reports whether x passes f.
func (x *XENTX) Matches(f Filter) bool {
	if f.TenantID != 0 && x.TenantID != f.TenantID {
		return false
	}
	if f.Status != "" && x.Status != f.Status {
		return false
	}
	if !f.Since.IsZero() && x.UpdatedAt.Before(f.Since) {
		return false
	}
	return true
}

// Touch records a change made at now.
func (x *XENTX) Touch(now time.Time) {
	if x.CreatedAt.IsZero() {
		x.CreatedAt = now
	}
	x.UpdatedAt = now
}

// Describe renders x for logs.
func Describe(x *XENTX) string {
	if x == nil {
		return "XLOWX(nil)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "XLOWX %s [%s]", x.Key(), x.Status)`))
	for _, f := range p.fields {
		key := snake(f.name)
		switch f.typ {
		case "string":
			s.f("\tif x.%s != \"\" {", f.name)
			s.f("\t\tfmt.Fprintf(&b, \" %s=%%q\", x.%s)", key, f.name)
			s.l("\t}")
		case "int64":
			s.f("\tfmt.Fprintf(&b, \" %s=%%d\", x.%s)", key, f.name)
		case "float64":
			s.f("\tfmt.Fprintf(&b, \" %s=%%.2f\", x.%s)", key, f.name)
		case "bool":
			s.f("\tif x.%s {", f.name)
			s.f("\t\tb.WriteString(\" %s\")", key)
			s.l("\t}")
		case "[]string":
			s.f("\tif len(x.%s) > 0 {", f.name)
			s.f("\t\tfmt.Fprintf(&b, \" %s=%%s\", strings.Join(x.%s, \",\"))", key, f.name)
			s.l("\t}")
		case "map[string]string":
			s.f("\tif len(x.%s) > 0 {", f.name)
			s.f("\t\tkeys := make([]string, 0, len(x.%s))", f.name)
			s.f("\t\tfor k := range x.%s {", f.name)
			s.l("\t\t\tkeys = append(keys, k)", "\t\t}", "\t\tsort.Strings(keys)")
			s.f("\t\tfmt.Fprintf(&b, \" %s=%%s\", strings.Join(keys, \",\"))", key)
			s.l("\t}")
		case "time.Time":
			s.f("\tif !x.%s.IsZero() {", f.name)
			s.f("\t\tfmt.Fprintf(&b, \" %s=%%s\", x.%s.Format(time.RFC3339))", key, f.name)
			s.l("\t}")
		}
	}
	for _, d := range p.deps {
		s.f("\tif x.%s != nil {", relField(d))
		s.f("\t\tb.WriteString(\" -> \" + %s.Describe(x.%s))", d.name, relField(d))
		s.l("\t}")
	}
	s.l("\treturn b.String()", "}", "")
	s.l(p.r("// Score is the ranking weight of a XLOWX at level v."), "func Score(v int) int {")
	s.f("\ts := v*%d + %d", p.mult, p.add)
	for i, d := range p.deps {
		s.f("\ts += %s.Score(v+%d) %% %d", d.name, i+1, 97+i*4)
	}
	s.l(p.r(`	if s < 0 {
		s = -s
	}
	return s % 100003
}

// SortByUpdated orders xs, the most recently updated first.
func SortByUpdated(xs []*XENTX) {
	sort.Slice(xs, func(i, j int) bool {
		if xs[i].UpdatedAt.Equal(xs[j].UpdatedAt) {
			return xs[i].ID > xs[j].ID
		}
		return xs[i].UpdatedAt.After(xs[j].UpdatedAt)
	})
}

// Partition groups xs by status.
func Partition(xs []*XENTX) map[string][]*XENTX {
	out := make(map[string][]*XENTX, 3)
	for _, x := range xs {
		out[x.Status] = append(out[x.Status], x)
	}
	return out
}

// Page returns the part of xs that f's limit and offset select.
func Page(xs []*XENTX, f Filter) []*XENTX {
	if f.Offset >= len(xs) {
		return nil
	}
	xs = xs[f.Offset:]
	if f.Limit > 0 && f.Limit < len(xs) {
		xs = xs[:f.Limit]
	}
	return xs
}`))
	return s.String()
}
