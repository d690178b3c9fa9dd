package main

import "strings"

// validate writes validate.go: input normalization and batch validation.
func (p *pkg) validate() string {
	var s src
	s.l(p.r(`package XPKGX

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// ValidationError names the field of a XENTX that failed validation.
type ValidationError struct {
	Index int
	Field string
	Err   error
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("XLOWX %d: %s: %v", e.Index, e.Field, e.Err)
}

func (e *ValidationError) Unwrap() error { return e.Err }

var (
	referenceRE = regexp.MustCompile("^[A-Z]{2,4}-[0-9]{1,10}$")
	tagRE       = regexp.MustCompile("^[a-z0-9][a-z0-9_-]{0,31}$")
)

// Normalize trims and canonicalizes x's text fields in place.
func Normalize(x *XENTX) {
	x.Status = strings.ToLower(strings.TrimSpace(x.Status))`))
	for _, f := range p.fields {
		switch {
		case f.typ == "string" && (f.name == "Email" || f.name == "Region" || f.name == "Currency"):
			fn := "ToLower"
			if f.name == "Currency" {
				fn = "ToUpper"
			}
			s.f("\tx.%s = strings.%s(strings.TrimSpace(x.%s))", f.name, fn, f.name)
		case f.typ == "string":
			s.f("\tx.%s = strings.Join(strings.Fields(x.%s), \" \")", f.name, f.name)
		case f.typ == "[]string":
			s.f("\tx.%s = normalizeList(x.%s)", f.name, f.name)
		}
	}
	s.l("}", "")
	s.l(p.r(`func normalizeList(in []string) []string {
	seen := make(map[string]bool, len(in))
	out := in[:0]
	for _, v := range in {
		v = strings.ToLower(strings.TrimSpace(v))
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	return out
}

// check reports every problem of x, not just the first.
func check(i int, x *XENTX) []error {
	var errs []error
	if err := x.Validate(); err != nil {
		errs = append(errs, &ValidationError{Index: i, Field: "record", Err: err})
	}`))
	for _, f := range p.fields {
		key := snake(f.name)
		switch {
		case f.name == "Reference":
			s.l("\tif x.Reference != \"\" && !referenceRE.MatchString(x.Reference) {")
			s.l("\t\terrs = append(errs, &ValidationError{Index: i, Field: \"reference\", Err: errors.New(\"want AB-123\")})")
			s.l("\t}")
		case f.typ == "string":
			s.f("\tif !utf8.ValidString(x.%s) {", f.name)
			s.f("\t\terrs = append(errs, &ValidationError{Index: i, Field: %q, Err: errors.New(\"invalid UTF-8\")})", key)
			s.l("\t}")
		case f.typ == "[]string":
			s.f("\tfor _, v := range x.%s {", f.name)
			s.l("\t\tif !tagRE.MatchString(v) {")
			s.f("\t\t\terrs = append(errs, &ValidationError{Index: i, Field: %q, Err: fmt.Errorf(\"bad value %%q\", v)})", key)
			s.l("\t\t}", "\t}")
		case f.typ == "int64" || f.typ == "float64":
			s.f("\tif x.%s > %d {", f.name, 1_000_000*(1+len(f.name)))
			s.f("\t\terrs = append(errs, &ValidationError{Index: i, Field: %q, Err: errors.New(\"too large\")})", key)
			s.l("\t}")
		}
	}
	s.l(p.r(`	return errs
}

// ValidateAll validates a batch, reporting every problem of every record.
func ValidateAll(xs []*XENTX) error {
	var errs []error
	for i, x := range xs {
		errs = append(errs, check(i, x)...)
	}
	return errors.Join(errs...)
}

// Fields lists the fields named in err's validation errors.
func Fields(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		if ve, ok := err.(*ValidationError); ok {
			out = append(out, ve.Field)
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
		}
	}
	walk(err)
	return out
}

// Sanitize strips characters that must not reach logs from s.
func Sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}`))
	out := s.String()
	// Drop the imports the fields did not use.
	if !strings.Contains(out, "utf8.") {
		out = strings.Replace(out, "\t\"unicode/utf8\"\n", "", 1)
	}
	return out
}
