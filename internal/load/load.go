// Package load lists Go packages once and type-checks the ones to scan one
// at a time, streaming them to the caller.
//
// go/packages type-checks every root package before returning any of them,
// so the syntax and type information of a whole monorepo sit in memory at
// once. A scan needs one package at a time: List runs `go list` once
// (which also builds the dependencies' export data), and Each parses and
// type-checks each root from source, with its imports read from export data,
// hands it to the caller and lets it go.
//
// Memory must not grow with the module. Packages outside the scanned
// modules (the standard library, third-party modules), a set that does not
// grow with the module, are read from export data once for the whole scan.
// The module's own packages are read into a generation, which the roots
// checked while it lasts share, and which is dropped once it has read
// generationBytes of export data: the roots checked after that start a new
// one. Dropping means dropping the FileSet too, which holds the roots' files
// and the generation's export data: the export data reader names its files
// with substrings of the export data, so a FileSet kept for the whole scan
// would keep every package's export data alive. Peak memory is then the
// shared set plus a generation or two, and a module package is read once per
// generation that needs it rather than once per root that imports it.
package load

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"math"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jwtssot/jwtssot/internal/typesinfo"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Config says what to list.
type Config struct {
	Dir      string   // directory to run `go list` in; "" is the current one
	Patterns []string // package patterns; none means "./..."
	Tests    bool     // include test packages
	Tags     string   // build tags, comma-separated
	Env      []string // environment for `go list`; nil is os.Environ()
}

// Graph is the result of listing: the packages to scan and everything they
// import.
type Graph struct {
	Roots []*packages.Package
	// Deps are the packages of the main modules that the roots import but
	// that are not roots themselves (a scan of ./handlers/... imports
	// ./internal/auth): Each checks them before their importers, for the
	// facts they give, and reports them as not roots.
	Deps []*packages.Package

	sizes    types.Sizes
	exportMu sync.Mutex                // guards byID, sharedFset, gen and the types.Packages in them
	byID     map[string]*types.Package // export data of shared packages, by ID
	// sharedFset holds the files of the shared packages' export data,
	// from sharedBase up: no position in a generation's FileSet is one
	// of theirs, so an imported object's position, which no analysis
	// needs, is at worst unknown, never another file's.
	sharedFset *token.FileSet
	gen        *generation // the generation new roots join
	genBytes   int64       // generationBytes, or less in tests
	// closures memoizes transitiveImports by package ID; sharedReady
	// marks the packages whose shared imports are all complete.
	closures    map[string][]*packages.Package
	sharedReady map[string]bool
	goSum       []string // see GoSumMissing
}

// sharedBase is the lowest position of the shared packages' files: a
// generation's FileSet stays far below it.
const sharedBase = math.MaxInt/2 + 1

// A generation holds the types read from the export data of module
// packages, by ID, for the roots checked while it lasts, and the FileSet of
// those roots' files and of that export data. Within a generation, every
// package has one types.Package, so the types a root sees through several
// imports are identical.
type generation struct {
	fset  *token.FileSet
	byID  map[string]*types.Package
	bytes int64 // export data read into it
}

// generationBytes is how much module export data a generation reads
// before new roots start the next one. Export data is large (it carries
// inline bodies: about 340 KB for a package of 900 lines), so the budget
// trades memory for reads of the same export data again: on the generated
// 1,000-package module, 128 MiB took 14% less CPU time than 32 MiB, for
// 90 MB more peak RSS (single runs on a busy machine).
const generationBytes = 128 << 20

// joinGeneration returns the generation for a new root.
func (g *Graph) joinGeneration() *generation {
	g.exportMu.Lock()
	defer g.exportMu.Unlock()
	if g.gen == nil || g.gen.bytes >= g.genBytes {
		g.gen = &generation{fset: token.NewFileSet(), byID: map[string]*types.Package{}}
	}
	return g.gen
}

// shared reports whether p's export data is read once for the whole scan:
// the standard library and other modules' packages are. Packages of the
// main modules (those of a go.work workspace included) are read once per
// generation that needs them.
func shared(p *packages.Package) bool {
	return p.Module == nil || !p.Module.Main
}

const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
	packages.NeedModule | packages.NeedTypesSizes

// List runs `go list` once for cfg's patterns. Errors of the go command
// itself (not a module, a bad pattern) are returned; errors of single
// packages stay on the packages and surface from Each.
func List(ctx context.Context, cfg Config) (*Graph, error) {
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	pcfg := &packages.Config{
		Context: ctx,
		Mode:    listMode,
		Dir:     cfg.Dir,
		Tests:   cfg.Tests,
		Env:     cfg.Env,
	}
	if cfg.Tags != "" {
		pcfg.BuildFlags = []string{"-tags=" + cfg.Tags}
	}
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		return nil, err
	}
	g := &Graph{
		sharedFset:  token.NewFileSet(),
		byID:        map[string]*types.Package{},
		closures:    map[string][]*packages.Package{},
		sharedReady: map[string]bool{},
		genBytes:    generationBytes,
	}
	g.sharedFset.AddFile("", sharedBase, 0)
	g.Roots = scanRoots(pkgs)
	g.Deps = moduleDeps(g.Roots)
	g.goSum = goSumMissing(pkgs)
	for _, p := range pkgs {
		if p.TypesSizes != nil {
			g.sizes = p.TypesSizes
			break
		}
	}
	return g, nil
}

// scanRoots drops the synthesized test mains ("p.test") and, when a test
// variant "p [p.test]" exists, the plain "p": the variant holds all of p's
// files plus its in-package tests, so scanning both would report p twice.
func scanRoots(pkgs []*packages.Package) []*packages.Package {
	hasVariant := map[string]bool{}
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, "["+p.PkgPath+".test]") {
			hasVariant[p.PkgPath] = true
		}
	}
	var roots []*packages.Package
	for _, p := range pkgs {
		switch {
		case isTestMain(p):
		case p.ID == p.PkgPath && hasVariant[p.PkgPath]:
		default:
			roots = append(roots, p)
		}
	}
	sort.Slice(roots, func(i, j int) bool { return roots[i].ID < roots[j].ID })
	return roots
}

func isTestMain(p *packages.Package) bool {
	return p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test") && !strings.Contains(p.ID, " ")
}

// Each type-checks every root and module dependency from source and calls
// fn with it, from up to workers goroutines (GOMAXPROCS if workers < 1),
// each package once the module packages it imports are done (their facts
// are then complete). root is false for the module dependencies. A package
// with list, parse or type errors is passed with pkg.IllTyped set and its
// errors in pkg.Errors. fn must not keep the package's syntax or type
// information: Each drops them when fn returns. progress, if not nil, is
// called after each root.
func (g *Graph) Each(ctx context.Context, workers int, fn func(p *packages.Package, root bool), progress func(done, total int)) {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	order := g.schedule()
	done := make(map[string]chan struct{}, len(order))
	for _, p := range order {
		done[p.ID] = make(chan struct{})
	}
	isRoot := make(map[string]bool, len(g.Roots))
	for _, p := range g.Roots {
		isRoot[p.ID] = true
	}
	variant := testVariants(g.Roots)
	jobs := make(chan *packages.Package)
	var wg sync.WaitGroup
	var finished atomic.Int64
	for range workers {
		wg.Go(func() {
			for p := range jobs {
				// The imports were dispatched earlier (the order is by
				// depth), so waiting for them cannot deadlock.
				for _, imp := range p.Imports {
					id := imp.ID
					if v, ok := variant[id]; ok && v != p.ID {
						id = v
					}
					if ch, ok := done[id]; ok && id != p.ID {
						<-ch
					}
				}
				g.check(p)
				fn(p, isRoot[p.ID])
				g.release(p)
				close(done[p.ID])
				if progress != nil && isRoot[p.ID] {
					progress(int(finished.Add(1)), len(g.Roots))
				}
			}
		})
	}
	for _, p := range order {
		if ctx.Err() != nil {
			break
		}
		jobs <- p
	}
	close(jobs)
	wg.Wait()
}

// testVariants maps a package's ID to the ID of the root that replaces it,
// its test variant "p [p.test]", whose facts its importers read.
func testVariants(roots []*packages.Package) map[string]string {
	m := map[string]string{}
	for _, p := range roots {
		if strings.HasSuffix(p.ID, "["+p.PkgPath+".test]") {
			m[p.PkgPath] = p.ID
		}
	}
	return m
}

// moduleDeps returns the packages of the main modules that the roots
// import, directly or not, and that are not roots or replaced by one.
func moduleDeps(roots []*packages.Package) []*packages.Package {
	in := map[string]bool{}
	for _, p := range roots {
		in[p.ID] = true
		in[p.PkgPath] = true // a test variant stands for its package
	}
	var deps []*packages.Package
	seen := map[string]bool{}
	var visit func(*packages.Package)
	visit = func(p *packages.Package) {
		for _, imp := range p.Imports {
			if seen[imp.ID] {
				continue
			}
			seen[imp.ID] = true
			if imp.Module == nil || !imp.Module.Main {
				continue // the standard library and other modules: export data only
			}
			if !in[imp.ID] && !in[imp.PkgPath] {
				deps = append(deps, imp)
			}
			visit(imp)
		}
	}
	for _, p := range roots {
		visit(p)
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].ID < deps[j].ID })
	return deps
}

// schedule orders the roots for checking: by depth in the import graph,
// then by ID. Packages at one depth import mostly packages just below them,
// so a generation, which reads a module package once for all the roots it
// serves, meets each package's importers while it lasts instead of again in
// every later generation. Reports are sorted afterwards: the order is free.
func (g *Graph) schedule() []*packages.Package {
	order := slices.Concat(g.Roots, g.Deps) // each sorted by ID
	byID := make(map[string]*packages.Package, len(order))
	for _, p := range order {
		byID[p.ID] = p
	}
	variant := testVariants(g.Roots)
	depth := map[string]int{}
	var depthOf func(p *packages.Package) int
	depthOf = func(p *packages.Package) int {
		if d, ok := depth[p.ID]; ok {
			return d
		}
		depth[p.ID] = 0 // import cycles are errors; do not loop on one
		d := 0
		for _, imp := range p.Imports {
			// Each waits for the test variant that replaces an import
			// (its facts are the ones read): it must come first.
			if v, ok := variant[imp.ID]; ok && v != p.ID && byID[v] != nil {
				imp = byID[v]
			}
			d = max(d, depthOf(imp)+1)
		}
		depth[p.ID] = d
		return d
	}
	for _, p := range order {
		depthOf(p)
	}
	slices.SortStableFunc(order, func(a, b *packages.Package) int { return cmp.Compare(depth[a.ID], depth[b.ID]) })
	return order
}

// release drops what checking p built: its syntax, types and its hold on
// its generation (fn has turned every position it keeps into a file and
// line).
func (g *Graph) release(p *packages.Package) {
	p.Syntax, p.TypesInfo, p.Types, p.Fset = nil, nil, nil, nil
}

// check parses and type-checks p, recording problems in p.Errors.
func (g *Graph) check(p *packages.Package) {
	gen := g.joinGeneration()
	p.Fset = gen.fset
	p.TypesSizes = g.sizes
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		f, err := parser.ParseFile(p.Fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
		if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
		}
	}
	p.TypesInfo = typesinfo.New()
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	tc := &types.Config{
		Importer: typesinfo.Importer(func(path string) (*types.Package, error) { return g.importFor(p, gen, path) }),
		Sizes:    g.sizes,
		// Every error counts, soft ones (unused variables) included:
		// the compiler rejects them too, and go vet reports them.
		Error: func(err error) { p.Errors = append(p.Errors, toPackagesError(err)) },
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	_ = types.NewChecker(tc, p.Fset, p.Types, p.TypesInfo).Files(p.Syntax)
	p.IllTyped = len(p.Errors) > 0
}

// importFor returns the package that path denotes in p, from export data.
func (g *Graph) importFor(p *packages.Package, gen *generation, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	dep := p.Imports[path]
	if dep == nil {
		return nil, fmt.Errorf("no metadata for %s", path)
	}
	return g.fromExportData(dep, gen)
}

// fromExportData reads dep's export data, once per scan for a shared
// package and once per generation for a module package. gcexportdata.Read may
// create or complete the types.Package of any package in dep's transitive
// closure, so reads are serialized (as in go/packages).
func (g *Graph) fromExportData(dep *packages.Package, gen *generation) (*types.Package, error) {
	g.exportMu.Lock()
	defer g.exportMu.Unlock()
	return g.read(dep, gen)
}

// read is fromExportData with exportMu held.
func (g *Graph) read(dep *packages.Package, gen *generation) (*types.Package, error) {
	if t := g.placeholder(dep, gen); t.Complete() {
		return t, nil
	}
	if dep.ExportFile == "" {
		if len(dep.Errors) > 0 {
			return nil, fmt.Errorf("%s does not compile: %s", dep.PkgPath, cause(dep.Errors[0].Msg))
		}
		return nil, fmt.Errorf("no export data for %s", dep.PkgPath)
	}
	closure := g.transitiveImports(dep)
	if !shared(dep) && !g.sharedReady[dep.ID] {
		// Complete the shared packages this one imports first. Reading
		// it would otherwise create the objects it uses in them, and
		// each such object would keep this package's whole export data,
		// and the generation's types it refers to, alive for the rest of
		// the scan. Its
		// direct imports hold nearly all the objects it refers to; the
		// few of indirect ones are created once each, so what they keep
		// does not grow with the module, while completing every shared
		// package of the closure would read the export data of the
		// whole standard library a module reaches. A shared package that
		// cannot be read is left as it is: the read below fills in what
		// it needs.
		for _, imp := range dep.Imports {
			if shared(imp) {
				_, _ = g.read(imp, gen)
			}
		}
		g.sharedReady[dep.ID] = true
	}
	// The export file may be a compiler archive that holds the object
	// code too: NewReader finds the export data in it, and only that is
	// read (reading the whole file cost a sixth of a scan's CPU time on
	// a real backend, most of it spent clearing buffers for object code).
	f, err := os.Open(dep.ExportFile)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read only
	// NewReader reads the export data of both the go command's export
	// files and compiler archives, as go/packages does with it; Read alone
	// would refuse the archives of older go commands.
	r, err := gcexportdata.NewReader(bufio.NewReader(f)) //nolint:staticcheck // see above; deprecated for Go 1.29
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %w", dep.PkgPath, err)
	}
	imports := make(map[string]*types.Package, len(closure)+1)
	for _, imp := range closure {
		imports[imp.PkgPath] = g.placeholder(imp, gen)
	}
	imports[dep.PkgPath] = g.placeholder(dep, gen)
	fset := g.sharedFset
	counted := &countingReader{r: r}
	if !shared(dep) {
		fset = gen.fset
		defer func() { gen.bytes += counted.n }()
	}
	r = counted
	t, err := gcexportdata.Read(r, fset, imports, dep.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %w", dep.PkgPath, err)
	}
	return t, nil
}

// countingReader counts the bytes read through it: the export data a
// generation has read decides when it is dropped.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TypesLock returns the lock under which the graph reads export data into
// the types.Packages it shares between goroutines: whoever walks the scope
// of a package it did not type-check itself (objectpath, to name an object
// for its facts) holds it, since a read may add objects to the scope of a
// package that is only partly read.
func (g *Graph) TypesLock() sync.Locker { return &g.exportMu }

// transitiveImports lists the packages p imports, directly or not, once
// each; exportMu is held.
func (g *Graph) transitiveImports(p *packages.Package) []*packages.Package {
	if out, ok := g.closures[p.ID]; ok {
		return out
	}
	var out []*packages.Package
	seen := map[string]bool{}
	var visit func(*packages.Package)
	visit = func(q *packages.Package) {
		for _, imp := range q.Imports {
			if !seen[imp.ID] {
				seen[imp.ID] = true
				out = append(out, imp)
				visit(imp)
			}
		}
	}
	visit(p)
	g.closures[p.ID] = out
	return out
}

// placeholder returns the one types.Package for a package ID, in the
// shared set or in the generation, creating it empty: export data fills
// it in when it is read.
func (g *Graph) placeholder(p *packages.Package, gen *generation) *types.Package {
	if p.PkgPath == "unsafe" {
		return types.Unsafe
	}
	m := g.byID
	if !shared(p) {
		m = gen.byID
	}
	t := m[p.ID]
	if t == nil {
		t = types.NewPackage(p.PkgPath, p.Name)
		m[p.ID] = t
	}
	return t
}

func toPackagesError(err error) packages.Error {
	var te types.Error
	if errors.As(err, &te) {
		return packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError}
	}
	return packages.Error{Msg: err.Error(), Kind: packages.UnknownError}
}

// cause is what an importer's error says of an import that does not
// compile, from the import's first error: the go command's first message
// without the advice of a missing go.sum entry (given once for the module,
// see GoSumMissing), or, when the import itself could not import a
// package, only that package's path, whose own cause its own error gives:
// the errors of a chain of importers do not each repeat the chain.
func cause(msg string) string {
	msg = Message(msg)
	if rest, ok := strings.CutPrefix(msg, "could not import "); ok {
		if path, _, ok := strings.Cut(rest, " ("); ok {
			return "could not import " + path
		}
	}
	return msg
}

// Message is a package error as a scan reports it: the go command's first
// message (CompilerMessage), without the advice of a missing go.sum entry,
// which names one importer and is given once for the module instead (see
// GoSumMissing).
func Message(msg string) string { return withoutGoSumAdvice(CompilerMessage(msg)) }

// CompilerMessage is the first error of a go command message, without the
// "# pkg" header lines the go command puts before the compiler's output.
//
// The go command continues a message on lines indented with a tab ("to add
// it:\n\tgo get example.com/x"): those stay, joined with a space.
func CompilerMessage(msg string) string {
	var first string
	for line := range strings.SplitSeq(msg, "\n") {
		switch {
		case first == "":
			if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
				first = t
			}
		case strings.HasPrefix(line, "\t"):
			first += " " + strings.TrimSpace(line)
		default:
			return first
		}
	}
	if first == "" {
		return strings.TrimSpace(msg)
	}
	return first
}

// GoListError runs `go list` as List would, without -e, to get the go
// command's own error when List found nothing: go/packages turns some of
// its failures (a build cache it cannot use, a pattern it cannot read) into
// an empty result. It returns the error's first lines, or "".
func GoListError(ctx context.Context, cfg Config) string {
	args := []string{"list", "-export", "-f", "{{.ImportPath}}"}
	if cfg.Tests {
		args = append(args, "-test")
	}
	if cfg.Tags != "" {
		args = append(args, "-tags="+cfg.Tags)
	}
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	args = append(args, "--")
	args = append(args, patterns...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = cfg.Dir
	cmd.Env = cfg.Env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) > 6 {
		lines = append(lines[:6], "...")
	}
	return strings.Join(lines, "\n")
}
