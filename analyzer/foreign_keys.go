package analyzer

import (
	"fmt"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
)

// A field of a struct that one package declares (a config package), which
// another package reads into a key (the service that signs), is a key
// wherever it is written — in a third package too, one that imports the
// second (main, which loads the config: conf.MustLoad(path, &c)). The
// package that signs cannot export an object fact about another package's
// field, so it exports a package fact naming the fields (keyFieldsFact);
// a package that writes fields of other packages looks for them in the
// package facts of its dependencies and makes what it writes into them a
// sink (foreignKeySinks).

// keyFieldsFact lists fields of other packages whose values reach a key
// in the package that exports it.
type keyFieldsFact struct {
	Fields []foreignKey
}

// A foreignKey is a field of another package, by its package's path, its
// name and its declaration's file and line, and the key its value reaches.
// That names the field as every package that imports its package sees it,
// from its source or its export data, without walking that package's
// scope, which a driver may be filling from export data for another
// package at the same time.
type foreignKey struct {
	Pkg, Name, Pos string
	Key            keyParam
}

func (*keyFieldsFact) AFact() {}

func (f *keyFieldsFact) String() string {
	names := make([]string, len(f.Fields))
	for i, k := range f.Fields {
		names[i] = k.Pkg + "." + k.Name
	}
	return "keyfields(" + strings.Join(names, " ") + ")"
}

// mayCarryKey reports whether the fields of another package can carry a
// key the analysis must follow: not a JWT library's, whose key fields are
// sinks by their declaration.
func (ix *index) mayCarryKey(p *types.Package) bool { return !ix.isLibraryPackage(p) }

// exportForeignKeys exports the fields of other packages whose values
// reach a key here.
func (ix *index) exportForeignKeys(foreign map[*types.Var]keyParam) {
	if len(foreign) == 0 {
		return
	}
	fact := &keyFieldsFact{}
	for v, kp := range foreign {
		fact.Fields = append(fact.Fields, foreignKey{Pkg: v.Pkg().Path(), Name: v.Name(), Pos: ix.declPos(v), Key: kp})
	}
	sort.Slice(fact.Fields, func(i, j int) bool {
		a, b := fact.Fields[i], fact.Fields[j]
		return a.Pkg < b.Pkg || a.Pkg == b.Pkg && a.Pos < b.Pos
	})
	ix.pass.ExportPackageFact(fact)
}

// declPos is where a field is declared, as a key of foreignKey: its file's
// name and line, which the field's package's source and its export data
// (which keeps no columns, and may trim directories) both say.
func (ix *index) declPos(v *types.Var) string {
	p := ix.pass.Fset.Position(v.Pos())
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// foreignKeySinks makes the values the package writes into fields of
// other packages sinks, for the fields whose value reaches a key: by the
// facts of the field's own package (fieldFact.Key), or by the package
// facts of a dependency that signs with another package's field. A field
// a loader fills counts as written (viper.UnmarshalKey("partners", &ps)
// filling ps.Airline.SharedSecret, which package partner signs with).
func (ix *index) foreignKeySinks() {
	written := ix.flow.ForeignFields()
	if len(written) == 0 {
		return
	}
	for _, v := range written {
		if f := ix.facts.field(v); f != nil && f.Key != nil && ix.flow.Filled(v) {
			ix.fieldKeySink(v, *f.Key)
		}
	}
	keys := map[foreignKey]keyParam{}
	for _, pf := range ix.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*keyFieldsFact); ok {
			for _, k := range f.Fields {
				kp := k.Key
				k.Key = keyParam{}
				keys[k] = kp
			}
		}
	}
	if len(keys) == 0 {
		return
	}
	for _, v := range written {
		kp, ok := keys[foreignKey{Pkg: v.Pkg().Path(), Name: v.Name(), Pos: ix.declPos(v)}]
		if !ok {
			continue
		}
		ix.fieldKeySink(v, kp)
	}
}

// fieldKeySink makes every value the package gives field v a sink: the
// key kp that v's value reaches.
func (ix *index) fieldKeySink(v *types.Var, kp keyParam) {
	ix.seen.sinks = append(ix.seen.sinks, sink{value: ix.flow.Object(v, kp.Mode), mode: kp.Mode, where: kp.Where,
		symbol: kp.Symbol, how: kp.How + " through field " + v.Name()})
}

// Field resolves a summary's field among the fields of other packages the
// package writes (a getter of another package returns what this package
// wrote into its receiver's field): the flow engine asks the oracle.
func (o oracle) Field(ref flow.FieldRef) *types.Var {
	ix := o.ix
	if ix.writtenFields == nil {
		ix.writtenFields = map[foreignKey]*types.Var{}
		for _, v := range ix.flow.ForeignFields() {
			ix.writtenFields[foreignKey{Pkg: v.Pkg().Path(), Name: v.Name(), Pos: ix.declPos(v)}] = v
		}
	}
	return ix.writtenFields[foreignKey{Pkg: ref.Pkg, Name: ref.Name, Pos: ref.Pos}]
}

// summaryFields returns the fields whose values flow to a function's
// result, for its summary.
func (ix *index) summaryFields(ret flow.Node) []flow.FieldRef {
	var out []flow.FieldRef
	ix.flow.Globals(ret, map[flow.Node]bool{}, func(obj types.Object, m flow.Mode) {
		if v, ok := obj.(*types.Var); ok && v.IsField() && v.Pkg() != nil && ix.mayCarryKey(v.Pkg()) && len(out) < maxFactLits {
			out = append(out, flow.FieldRef{Pkg: v.Pkg().Path(), Name: v.Name(), Pos: ix.declPos(v), Mode: m})
		}
	})
	return out
}
