package flow

import (
	"cmp"
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// abstract reports whether fn is a method of an interface whose calls the
// engine follows to the implementations: one declared in the package, or
// outside the standard library. The standard library's interfaces
// (fmt.Stringer, error, io.Reader) are implemented by every kind of type,
// a table of names among them, and say nothing about keys.
func (e *Engine) abstract(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || !types.IsInterface(recv.Type()) || fn.Pkg() == nil {
		return false
	}
	first, _, _ := strings.Cut(fn.Pkg().Path(), "/")
	return fn.Pkg() == e.pkg || strings.Contains(first, ".") // a standard library path has no dot in its first element
}

// dispatch is what a call of an interface method may return: what the
// methods of the same name of the types that implement the interface
// return, each bound to the call's arguments. The types are those
// declared in the package and those it names (a type of another package
// whose method has a summary counts through it).
func (e *Engine) dispatch(call *ast.CallExpr, fn *types.Func, m Mode) []*node {
	var out []*node
	for _, impl := range e.implementations(fn) {
		switch {
		case e.decls[impl] != nil:
			out = append(out, &node{kind: kindCall, callee: impl, mode: m, call: call})
		case impl.Pkg() != e.pkg:
			if s := e.oracle.Summary(impl); s != nil {
				out = append(out, e.foreign(impl, s, m, call))
			}
		}
	}
	return out
}

// maxImplementations bounds the methods a call of an interface method
// stands for: an interface implemented by hundreds of types (a handler)
// holds no key, and the bound keeps such a call linear.
const maxImplementations = 32

// implementations returns the concrete methods that a call of the
// interface method fn may run, computed once per method from the types
// that implement its interface, computed once per interface.
func (e *Engine) implementations(fn *types.Func) []*types.Func {
	if impls, ok := e.impls[fn]; ok {
		return impls
	}
	var impls []*types.Func
	if iface, ok := fn.Signature().Recv().Type().Underlying().(*types.Interface); ok {
		for _, typ := range e.implementers(iface) {
			obj, _, _ := types.LookupFieldOrMethod(typ, true, fn.Pkg(), fn.Name())
			if m, ok := obj.(*types.Func); ok {
				impls = append(impls, m.Origin())
			}
		}
	}
	e.impls[fn] = impls
	return impls
}

// implementers returns the types (T or *T) of concreteTypes that
// implement iface, at most maxImplementations.
func (e *Engine) implementers(iface *types.Interface) []types.Type {
	if ts, ok := e.ifaces[iface]; ok {
		return ts
	}
	var out []types.Type
	for _, t := range e.concreteTypes() {
		if len(out) == maxImplementations {
			break
		}
		for _, typ := range []types.Type{t, types.NewPointer(t)} {
			if types.Implements(typ, iface) {
				out = append(out, typ)
				break
			}
		}
	}
	e.ifaces[iface] = out
	return out
}

// concreteTypes returns the named, non-interface, non-generic types the
// package declares or names, found once.
func (e *Engine) concreteTypes() []*types.Named {
	if e.concrete != nil {
		return e.concrete
	}
	seen := map[*types.Named]bool{}
	add := func(obj types.Object) {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() {
			return
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || tn.Pkg() == nil || seen[n] || types.IsInterface(n) || n.TypeParams().Len() > 0 {
			return
		}
		seen[n] = true
		e.concrete = append(e.concrete, n)
	}
	for _, name := range e.pkg.Scope().Names() {
		add(e.pkg.Scope().Lookup(name))
	}
	for _, obj := range e.info.Uses {
		add(obj)
	}
	slices.SortFunc(e.concrete, func(a, b *types.Named) int { // info.Uses is a map: a fixed order
		return cmp.Or(cmp.Compare(a.Obj().Pkg().Path(), b.Obj().Pkg().Path()), cmp.Compare(a.Obj().Name(), b.Obj().Name()))
	})
	if e.concrete == nil {
		e.concrete = []*types.Named{}
	}
	return e.concrete
}
