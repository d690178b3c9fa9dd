package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
)

// An origin says, in a message, where a value of another package comes
// from. It names files by their path in the module (no directory of this
// machine), and comes in two forms:
//
//   - an object: "devcfg.DevKey (internal/devcfg/keys.go:12)", the
//     variable, field or function and where it is declared;
//   - a read an object holds or returns: "at internal/config/env.go:14
//     (held by config.TOKENKEY)", "at internal/kms/kms.go:178 (returned by
//     kms.GetPayload)": where the read is, then the object that carries
//     its value to the package that uses it.
//
// holder recovers the object from either form.

// A carrier is an object of the package that carries a value to other
// packages (a variable, a field, a function's result) and its name in
// messages: "config.Key", "config.Config.JWT.Key", "config.Load".
type carrier struct {
	obj  types.Object
	name string
}

func (ix *index) carrierOf(obj types.Object) carrier { return carrier{obj, qualifiedName(obj)} }

// fieldCarrier is a field, named by its path from its struct type.
func fieldCarrier(f *types.Var, path string) carrier {
	if path == "" {
		path = f.Name()
	}
	return carrier{f, f.Pkg().Name() + "." + path}
}

// origin describes an object of any package.
func (ix *index) origin(obj types.Object) string {
	name := qualifiedName(obj)
	pos := ix.pass.Fset.Position(obj.Pos())
	if !pos.IsValid() || obj.Pkg() == nil {
		return name
	}
	return fmt.Sprintf("%s (%s:%d)", name, ix.modulePath(obj.Pkg(), pos.Filename), pos.Line)
}

// siteOrigin describes a read that c holds or returns, at site.
func (ix *index) siteOrigin(c carrier, site ast.Expr) string {
	if site == nil {
		return ix.declOrigin(c)
	}
	return ix.atOrigin(c, site)
}

// litOrigin says where a literal that c holds or returns comes from, in
// the object form with the literal's position: "hardcoded JWT secret ...
// from config.Config.Key (internal/config/config.go:20)".
func (ix *index) litOrigin(c carrier, l *flow.Lit) string {
	if l.Origin != "" {
		return l.Origin
	}
	pos := ix.pass.Fset.Position(l.Expr.Pos())
	return fmt.Sprintf("%s (%s:%d)", c.name, ix.modulePath(c.obj.Pkg(), pos.Filename), pos.Line)
}

// declOrigin is the object form of an origin for a carrier.
func (ix *index) declOrigin(c carrier) string {
	pos := ix.pass.Fset.Position(c.obj.Pos())
	if !pos.IsValid() {
		return c.name
	}
	return fmt.Sprintf("%s (%s:%d)", c.name, ix.modulePath(c.obj.Pkg(), pos.Filename), pos.Line)
}

// atOrigin is the read form: where x is, and what carries its value.
func (ix *index) atOrigin(c carrier, x ast.Expr) string {
	pos := ix.pass.Fset.Position(x.Pos())
	verb := "held by"
	if _, ok := c.obj.(*types.Func); ok {
		verb = "returned by"
	}
	return fmt.Sprintf("at %s:%d (%s %s)", ix.modulePath(c.obj.Pkg(), pos.Filename), pos.Line, verb, c.name)
}

// holder is the object an origin names: "config.Config.Key" of
// "config.Config.Key (internal/config/config.go:12)" and of "at
// internal/config/config.go:12 (held by config.Config.Key)".
func holder(origin string) string {
	if rest, ok := strings.CutPrefix(origin, "at "); ok {
		_, inner, _ := strings.Cut(rest, " (")
		inner = strings.TrimSuffix(inner, ")")
		if _, name, ok := strings.Cut(inner, " by "); ok {
			return name
		}
		return inner
	}
	h, _, _ := strings.Cut(origin, " (")
	return h
}

func qualifiedName(obj types.Object) string {
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// modulePath is a file of pkg as a message names it, without any
// directory of this machine: its path in the module being analyzed
// ("internal/kms/kms.go") when pkg is one of its packages, else the
// package's import path and the file's name
// ("github.com/minio/kms-go/kms/kms.go"), which is also what a driver that
// knows no modules (Bazel's nogo) shows.
func (ix *index) modulePath(pkg *types.Package, filename string) string {
	base := filepath.Base(filename)
	if m := ix.pass.Module; m != nil && m.Path != "" {
		if pkg.Path() == m.Path {
			return base
		}
		if dir, ok := strings.CutPrefix(pkg.Path(), m.Path+"/"); ok {
			return dir + "/" + base
		}
	}
	return pkg.Path() + "/" + base
}
