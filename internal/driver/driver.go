// Package driver runs an analyzer on one type-checked package at a time,
// carrying the analyzer's facts from each package to the packages that
// import it. It is what the standalone scan and the go vet tool share:
// x/tools' checker needs every dependency loaded from source to compute
// facts, and unitchecker speaks only the vet protocol, while the scan
// type-checks one package at a time against export data and lets it go.
//
// Facts are kept by the package path and object path (x/tools'
// objectpath) of their object, which name the same object in every
// types.Package that reads the same export data: the scan type-checks
// packages in generations, each with its own types.Package for a
// dependency, and an object of one generation finds the facts exported for
// the same object in another.
package driver

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path"
	"reflect"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// Facts holds the facts exported by the packages analyzed so far. It is
// safe for concurrent use: a package's facts are read only once it and the
// packages it imports are done (the caller orders the packages so).
type Facts struct {
	mu   sync.RWMutex
	objs map[objectKey]analysis.Fact
	pkgs map[packageKey]analysis.Fact
	// pkgObjs are the packages that exported package facts in this
	// process, for AllPackageFacts.
	pkgObjs map[string]*types.Package
	// withFacts holds the paths of the packages that exported an object
	// fact: the facts of an object of any other package (the standard
	// library, a JWT library) are looked up without naming the object.
	withFacts map[string]bool

	// typesLock, if set, is held while an object is named (objectpath
	// walks its package's scope): the loader that reads export data for
	// several goroutines at once adds objects to the scope of a package
	// that is only partly read, under that lock, and a walk of that scope
	// must not run at the same time.
	typesLock sync.Locker
}

// SetTypesLock makes the store hold l while it names an object of another
// package (see Facts.typesLock).
func (f *Facts) SetTypesLock(l sync.Locker) { f.typesLock = l }

type objectKey struct {
	pkg  string
	path objectpath.Path
	typ  reflect.Type
}

type packageKey struct {
	pkg string
	typ reflect.Type
}

// NewFacts returns an empty fact store.
func NewFacts() *Facts {
	return &Facts{objs: map[objectKey]analysis.Fact{}, pkgs: map[packageKey]analysis.Fact{},
		pkgObjs: map[string]*types.Package{}, withFacts: map[string]bool{}}
}

// Len returns the number of facts held, for tests and profiles.
func (f *Facts) Len() int {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return len(f.objs) + len(f.pkgs)
}

// A Package is what an analysis pass needs of a type-checked package.
type Package struct {
	Fset      *token.FileSet
	Files     []*ast.File
	Types     *types.Package
	TypesInfo *types.Info
	Sizes     types.Sizes
	Module    *analysis.Module
	// OtherFiles and IgnoredFiles are passed on as they are.
	OtherFiles, IgnoredFiles []string
	// ReadFile reads a file of the package (for directives that look at
	// the source text); nil means os.ReadFile.
	ReadFile func(string) ([]byte, error)
	// DependsOn reports whether the package imports the package of a
	// path, directly or not: AllPackageFacts gives the facts of those
	// only. Nil means the store holds no other package's facts (go vet's
	// protocol: the facts of the imports, read from their vetx files).
	DependsOn func(path string) bool
}

// Result is one analyzer's outcome on a package.
type Result struct {
	Value       any
	Diagnostics []analysis.Diagnostic
	// Facts are the object facts the package exported, in the order
	// exported (tests check them as analysistest does).
	Facts []analysis.ObjectFact
}

// Run runs a, and the analyzers it requires, on pkg, with the facts of
// the packages it imports, and keeps the facts it exports. It returns a's
// result and diagnostics.
func (f *Facts) Run(a *analysis.Analyzer, pkg *Package) (*Result, error) {
	r := &run{facts: f, pkg: pkg, results: map[*analysis.Analyzer]*Result{}, enc: map[*types.Package]*objectpath.Encoder{}}
	return r.exec(a)
}

// run is the execution of one analyzer graph on one package.
type run struct {
	facts   *Facts
	pkg     *Package
	results map[*analysis.Analyzer]*Result
	enc     map[*types.Package]*objectpath.Encoder
}

func (r *run) exec(a *analysis.Analyzer) (*Result, error) {
	if res, ok := r.results[a]; ok {
		return res, nil
	}
	inputs := map[*analysis.Analyzer]any{}
	for _, req := range a.Requires {
		res, err := r.exec(req)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", req.Name, err)
		}
		inputs[req] = res.Value
	}
	res := &Result{}
	factTypes := map[reflect.Type]bool{}
	for _, ft := range a.FactTypes {
		factTypes[reflect.TypeOf(ft)] = true
	}
	readFile := r.pkg.ReadFile
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         r.pkg.Fset,
		Files:        r.pkg.Files,
		OtherFiles:   r.pkg.OtherFiles,
		IgnoredFiles: r.pkg.IgnoredFiles,
		Pkg:          r.pkg.Types,
		TypesInfo:    r.pkg.TypesInfo,
		TypesSizes:   r.pkg.Sizes,
		TypeErrors:   nil,
		Module:       r.pkg.Module,
		ResultOf:     inputs,
		Report:       func(d analysis.Diagnostic) { res.Diagnostics = append(res.Diagnostics, d) },
		ReadFile:     readFile,
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			return r.importObjectFact(obj, fact)
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			r.exportObjectFact(a, factTypes, obj, fact)
			res.Facts = append(res.Facts, analysis.ObjectFact{Object: obj, Fact: fact})
		},
		ImportPackageFact: func(pkg *types.Package, fact analysis.Fact) bool {
			return r.facts.importPackageFact(pkg, fact)
		},
		ExportPackageFact: func(fact analysis.Fact) {
			r.facts.exportPackageFact(r.pkg.Types, fact)
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return nil },
		AllPackageFacts: func() []analysis.PackageFact { return r.allPackageFacts(factTypes) },
	}
	if pass.ReadFile == nil {
		pass.ReadFile = readSource
	}
	v, err := a.Run(pass)
	if err != nil {
		return nil, err
	}
	res.Value = v
	sort.SliceStable(res.Diagnostics, func(i, j int) bool { return res.Diagnostics[i].Pos < res.Diagnostics[j].Pos })
	r.results[a] = res
	return res, nil
}

// key returns the key of an object's facts, if it can have any: a
// package-level object or a method, which objectpath names.
func (r *run) key(obj types.Object, fact analysis.Fact) (objectKey, bool) {
	if obj == nil || obj.Pkg() == nil {
		return objectKey{}, false
	}
	enc := r.enc[obj.Pkg()]
	if enc == nil {
		enc = new(objectpath.Encoder)
		r.enc[obj.Pkg()] = enc
	}
	if l := r.facts.typesLock; l != nil && obj.Pkg() != r.pkg.Types {
		l.Lock()
		defer l.Unlock()
	}
	p, err := enc.For(obj)
	if err != nil {
		return objectKey{}, false
	}
	return objectKey{pkg: obj.Pkg().Path(), path: p, typ: reflect.TypeOf(fact)}, true
}

func (r *run) importObjectFact(obj types.Object, fact analysis.Fact) bool {
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	r.facts.mu.RLock()
	any := r.facts.withFacts[obj.Pkg().Path()]
	r.facts.mu.RUnlock()
	if !any {
		return false
	}
	k, ok := r.key(obj, fact)
	if !ok {
		return false
	}
	r.facts.mu.RLock()
	stored, ok := r.facts.objs[k]
	r.facts.mu.RUnlock()
	if ok {
		reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(stored).Elem())
	}
	return ok
}

func (r *run) exportObjectFact(a *analysis.Analyzer, types map[reflect.Type]bool, obj types.Object, fact analysis.Fact) {
	if obj.Pkg() != r.pkg.Types {
		panic(fmt.Sprintf("%s: exporting a fact about %s, an object of another package", a.Name, obj))
	}
	if !types[reflect.TypeOf(fact)] {
		panic(fmt.Sprintf("%s: exporting a fact of undeclared type %T", a.Name, fact))
	}
	k, ok := r.key(obj, fact)
	if !ok {
		return // a local object: no other package can name it
	}
	r.facts.mu.Lock()
	r.facts.objs[k] = fact
	r.facts.withFacts[k.pkg] = true
	r.facts.mu.Unlock()
}

func (f *Facts) importPackageFact(pkg *types.Package, fact analysis.Fact) bool {
	f.mu.RLock()
	stored, ok := f.pkgs[packageKey{pkg.Path(), reflect.TypeOf(fact)}]
	f.mu.RUnlock()
	if ok {
		reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(stored).Elem())
	}
	return ok
}

// allPackageFacts returns the package facts of the analyzer's types of
// the package and of the packages it depends on. A package whose facts
// came from a vetx file is named by a placeholder of its path: the pass
// has no types.Package for an indirect import.
func (r *run) allPackageFacts(factTypes map[reflect.Type]bool) []analysis.PackageFact {
	f := r.facts
	f.mu.RLock()
	defer f.mu.RUnlock()
	var out []analysis.PackageFact
	for k, v := range f.pkgs {
		if !factTypes[k.typ] {
			continue
		}
		pkg := f.pkgObjs[k.pkg]
		switch {
		case k.pkg == r.pkg.Types.Path():
			pkg = r.pkg.Types
		case r.pkg.DependsOn != nil && !r.pkg.DependsOn(k.pkg):
			continue
		case pkg == nil:
			pkg = types.NewPackage(k.pkg, path.Base(k.pkg))
		}
		out = append(out, analysis.PackageFact{Package: pkg, Fact: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Package.Path() < out[j].Package.Path() })
	return out
}

func (f *Facts) exportPackageFact(pkg *types.Package, fact analysis.Fact) {
	f.mu.Lock()
	f.pkgs[packageKey{pkg.Path(), reflect.TypeOf(fact)}] = fact
	f.pkgObjs[pkg.Path()] = pkg
	f.mu.Unlock()
}

// readSource is the default Pass.ReadFile.
func readSource(name string) ([]byte, error) { return os.ReadFile(name) }

// A factRecord is one fact as a vetx file carries it.
type factRecord struct {
	Pkg  string
	Path string // objectpath; "" for a package fact
	Fact analysis.Fact
}

// Encode serializes every fact held, for the go vet protocol's vetx file:
// the facts of the package analyzed and of everything it imports, so that
// its importers, which read only their direct imports' files, see them all.
// The fact types must be registered with gob (Register does it).
func (f *Facts) Encode() ([]byte, error) {
	f.mu.RLock()
	recs := make([]factRecord, 0, len(f.objs)+len(f.pkgs))
	for k, v := range f.objs {
		recs = append(recs, factRecord{Pkg: k.pkg, Path: string(k.path), Fact: v})
	}
	for k, v := range f.pkgs {
		recs = append(recs, factRecord{Pkg: k.pkg, Fact: v})
	}
	f.mu.RUnlock()
	sort.Slice(recs, func(i, j int) bool {
		if recs[i].Pkg != recs[j].Pkg {
			return recs[i].Pkg < recs[j].Pkg
		}
		if recs[i].Path != recs[j].Path {
			return recs[i].Path < recs[j].Path
		}
		return reflect.TypeOf(recs[i].Fact).String() < reflect.TypeOf(recs[j].Fact).String()
	})
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(recs); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Decode adds the facts of an encoding made by Encode.
func (f *Facts) Decode(data []byte) error {
	if len(data) == 0 {
		return nil
	}
	var recs []factRecord
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&recs); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, r := range recs {
		t := reflect.TypeOf(r.Fact)
		if r.Path == "" {
			f.pkgs[packageKey{r.Pkg, t}] = r.Fact
		} else {
			f.objs[objectKey{r.Pkg, objectpath.Path(r.Path), t}] = r.Fact
			f.withFacts[r.Pkg] = true
		}
	}
	return nil
}

// Register registers an analyzer's fact types with gob, once.
func Register(a *analysis.Analyzer) {
	registerMu.Lock()
	defer registerMu.Unlock()
	for _, ft := range a.FactTypes {
		t := reflect.TypeOf(ft)
		if !registered[t] {
			gob.Register(ft)
			registered[t] = true
		}
	}
}

var (
	registerMu sync.Mutex
	registered = map[reflect.Type]bool{}
)
