package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// A callee is what the walk needs to know of a called function, decided
// once per function: a package calls the same functions many times, and a
// call then costs one map look-up instead of catalogue, name and fact
// look-ups of its own.
type callee struct {
	lib      bool // declared in a JWT library
	modelled bool // its body, or its facts, say what it does
	// source is its row of the catalogue (isSource), or, for a getter by
	// the looks of it (getter), a row whose name argument each call finds.
	source   jwtlib.Source
	isSource bool
	getter   bool
	// flagName and flagValue are its parameters named like a flag's name
	// and default (flag.String(name, value, usage)), or -1.
	flagName, flagValue int
	// settingCall is set for a getter or setter with a default or value
	// after the setting's name, whose body jwtssot does not see.
	settingCall bool
}

// calleeOf returns what the walk needs to know of fn (an Origin).
func (ix *index) calleeOf(fn *types.Func) *callee {
	if c, ok := ix.callees[fn]; ok {
		return c
	}
	c := &callee{flagName: -1, flagValue: -1}
	if p := fn.Pkg(); p != nil {
		c.lib = ix.isLibraryPackage(p)
		// A function of the package is known by its body, whether or not
		// the walk has reached its declaration yet.
		c.modelled = p == ix.pass.Pkg || ix.facts.fn(fn) != nil
	}
	if src, ok := ix.s.Catalog.Source(fn); ok {
		// The catalogue wins over facts, which a driver that analyzes
		// third-party modules too (nogo) has for the libraries' bodies.
		c.source, c.isSource = src, true
	} else if !c.modelled && jwtlib.IsSettingGetter(fn, canHoldSecret) {
		c.source, c.getter = jwtlib.Source{Kind: jwtlib.ConfigLib, Fills: -1, FillsFrom: -1}, true
	}
	if !c.modelled {
		params := fn.Signature().Params()
		for i := range params.Len() {
			switch name := params.At(i).Name(); {
			case name == "name":
				c.flagName = i
			case flagValueParams[name]:
				c.flagValue = i
			}
		}
		c.settingCall = ix.isSettingCall(fn)
	}
	ix.callees[fn] = c
	return c
}

// isSettingCall reports whether a function whose body jwtssot does not see
// gets or sets a setting with a default or value after its name.
func (ix *index) isSettingCall(fn *types.Func) bool {
	if !settingCallName.MatchString(fn.Name()) {
		return false
	}
	if _, ok := jwtlib.TransformOf(fn); ok {
		return false // cmp.Or and the like: the value graph follows them
	}
	p := fn.Pkg()
	return p == nil || p.Path() == "os" || !jwtlib.IsNotSettingPackage(p.Path())
}

// isLibraryPackage reports whether a package is one of a JWT library's,
// decided once per package.
func (ix *index) isLibraryPackage(p *types.Package) bool {
	lib, ok := ix.libPkgs[p]
	if !ok {
		lib = ix.s.Libs.Match(p.Path()) != ""
		ix.libPkgs[p] = lib
	}
	return lib
}

// sourceAt is the source a call reads with, if its callee is one: the
// catalogue's row, or, for a getter by the looks of it, a row naming its
// first string argument (of its first two).
func (ix *index) sourceAt(c *callee, call *ast.CallExpr) (jwtlib.Source, bool) {
	switch {
	case c.isSource:
		return c.source, true
	case c.getter:
		for i, arg := range call.Args[:min(2, len(call.Args))] {
			if isString(ix.info.TypeOf(arg)) {
				src := c.source
				src.NameArg = i
				return src, true
			}
		}
	}
	return jwtlib.Source{}, false
}
