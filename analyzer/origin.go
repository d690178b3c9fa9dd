package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"
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

// origin describes an object of any package.
func (ix *index) origin(obj types.Object) string {
	name := qualifiedName(obj)
	pos := ix.pass.Fset.Position(obj.Pos())
	if !pos.IsValid() || obj.Pkg() == nil {
		return name
	}
	return fmt.Sprintf("%s (%s:%d)", name, ix.modulePath(obj.Pkg(), pos.Filename), pos.Line)
}

// siteOrigin describes a read that obj holds or returns, at site.
func (ix *index) siteOrigin(obj types.Object, site ast.Expr) string {
	if site == nil {
		return ix.origin(obj)
	}
	pos := ix.pass.Fset.Position(site.Pos())
	verb := "held by"
	if _, ok := obj.(*types.Func); ok {
		verb = "returned by"
	}
	return fmt.Sprintf("at %s:%d (%s %s)", ix.modulePath(obj.Pkg(), pos.Filename), pos.Line, verb, qualifiedName(obj))
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
