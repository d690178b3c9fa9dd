package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// walkRecords is what the walk records for the phases and rules after it:
// a plain record, written by the walk and read by settle and the rules.
type walkRecords struct {
	// refersToJWT is false when the package refers to no object of a JWT
	// library: then the call rule and the library key sinks have nothing
	// to find. libUses are the identifiers that refer to one, by position.
	refersToJWT bool
	libUses     []*ast.Ident
	// usesJWT is true when the package itself uses a JWT library: it
	// refers to an object of one, or calls a function whose facts say it
	// signs or verifies. Only then do the weak words of a name (signing,
	// hmac, access, token) make it a JWT secret's name.
	usesJWT bool

	imports []*ast.ImportSpec // in analyzed files, for the import rule
	libRefs []libRef          // references to library functions, for the call rule

	funcs      map[*types.Func]*funcState // functions declared here
	globalVars []*types.Var               // package-level variables, for their facts
	callers    map[*ast.CallExpr]*types.Func

	sinks       []sink       // where literals become keys
	named       []namedValue // values bound to a name, judged once usesJWT is known
	defaults    []sink       // flag, setting and builder defaults
	tagDefaults []tagDefault // struct-tag defaults of fields named like a secret
	// fallbackObjs and fallbackFns are the variables, fields and function
	// results whose literals are the fallbacks of a secret they are read from.
	fallbackObjs []types.Object
	fallbackFns  []*types.Func
	// initializers maps the values assigned to package-level constants and
	// variables to them: a literal reported in such a value makes the
	// object reported, so its uses elsewhere are not reported again.
	initializers map[ast.Expr][]types.Object
	pending      []pendingSite // JWT operations met by the walk

	readRecords
	settled
}

// readRecords are what the walk records of setting reads.
type readRecords struct {
	reads        []readUse       // setting reads, for the secret-access rule's names
	namedCalls   []*ast.CallExpr // calls of the module's functions given a setting's name
	settingCalls []settingCall   // getters and setters seen from outside, for their defaults
	nameArgs     []ast.Expr      // arguments that name a setting
	keyReadCalls []keyReadCall   // calls of other packages' functions that read a named setting into a key
	foreignReads []*ast.CallExpr // calls of other packages' functions that return a setting they read
	wrappedFills []wrappedFill   // parameters of loader wrappers (loader_wrappers.go)
	// sourceAliases are the package's variables that hold a source, and
	// varCalls the calls of package-level variables (source_aliases.go).
	sourceAliases map[*types.Var]sourceAlias
	varCalls      []*ast.CallExpr
}

// settled is what settle decides from the walk's records.
type settled struct {
	keyParams map[*types.Func]map[int]keyParam
	// partKeyParams reach a key only combined with other values.
	partKeyParams map[*types.Func]map[int]keyParam
	readParams    map[*types.Func]map[int]bool
	keyReads      map[*types.Func]map[int]keyParam // parameters naming a setting read into a key
	reached       []reachedRead                    // reads at calls that name them, into a key
	nameLits      map[token.Pos]bool               // literals used as a setting's name
}

// A keyReadCall is a call of another package's function whose facts say
// the settings some parameters name are read into a key.
type keyReadCall struct {
	call   *ast.CallExpr
	fn     *types.Func
	params []keyParam
}

func newWalkRecords(libUses []*ast.Ident) walkRecords {
	return walkRecords{
		refersToJWT: len(libUses) > 0,
		libUses:     libUses,
		funcs:       map[*types.Func]*funcState{},
		callers:     map[*ast.CallExpr]*types.Func{},
		settled: settled{
			keyParams:     map[*types.Func]map[int]keyParam{},
			partKeyParams: map[*types.Func]map[int]keyParam{},
			readParams:    map[*types.Func]map[int]bool{},
			keyReads:      map[*types.Func]map[int]keyParam{},
			nameLits:      map[token.Pos]bool{},
		},
	}
}

// funcState is what the index keeps per declared function.
type funcState struct {
	decl      *ast.FuncDecl
	summarize bool // its result can hold a key or a keyfunc
}

// walk visits every node of every file once, in one ast.Inspect per file,
// keeping the path from the file to the node: every rule and the value
// graph are fed from this traversal. (The inspect pass's event list would
// be a second walk of each file and, on a large package, a third of the
// analysis's time and memory.) Rules that need the whole package's value
// graph record what they see here and decide after it.
func (ix *index) walk() {
	for _, f := range ix.pass.Files {
		tf := ix.pass.Fset.File(f.FileStart)
		if name, _ := sourceFile(ix.pass.Fset, f); !ix.s.Tests && strings.HasSuffix(name, "_test.go") {
			// Not even the value graph: go vet always loads test files
			// and the standalone scan does not, so a test file that
			// counted here would make the two disagree.
			continue
		}
		w := &walker{ix: ix, skipped: ix.skipFile(f), libUses: ix.libUsesIn(f)}
		if !w.skipped {
			fs := &fileState{tf: tf, file: f}
			ix.files[tf] = fs
			fs.directives = ix.parseDirectives(f, tf)
		}
		ast.Inspect(f, w.node)
	}
}

// libUsesIn returns the identifiers of libUses that are in f.
func (ix *index) libUsesIn(f *ast.File) []*ast.Ident {
	uses := ix.seen.libUses
	lo := sort.Search(len(uses), func(i int) bool { return uses[i].Pos() >= f.FileStart })
	hi := sort.Search(len(uses), func(i int) bool { return uses[i].Pos() > f.FileEnd })
	return uses[lo:hi]
}

// A walker walks one file: the path from the file to the current node,
// and the declared function it is in.
type walker struct {
	ix      *index
	skipped bool
	libUses []*ast.Ident // the file's identifiers that refer to a JWT library, by position
	stack   []ast.Node
	funcs   []ast.Node  // the *ast.FuncDecl and *ast.FuncLit around the node
	decl    *types.Func // the declared function around the node
}

// node is ast.Inspect's callback: it keeps the path and visits n.
func (w *walker) node(n ast.Node) bool {
	if n == nil {
		top := w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
		switch top.(type) {
		case *ast.FuncDecl:
			w.funcs = w.funcs[:len(w.funcs)-1]
			w.decl = nil
		case *ast.FuncLit:
			w.funcs = w.funcs[:len(w.funcs)-1]
		}
		return true
	}
	w.stack = append(w.stack, n)
	switch n := n.(type) {
	case *ast.FuncDecl:
		w.funcs = append(w.funcs, n)
		w.decl, _ = w.ix.info.Defs[n.Name].(*types.Func)
	case *ast.FuncLit:
		w.funcs = append(w.funcs, n)
	}
	w.visit(n)
	return true
}

// parent returns the node i levels above the current one, or nil.
func (w *walker) parent(i int) ast.Node {
	if j := len(w.stack) - 1 - i; j >= 0 {
		return w.stack[j]
	}
	return nil
}

// visit dispatches one node. A generated or excluded file still feeds the
// value graph, whose values its code may set, but reports nothing: report
// drops findings outside analyzed files.
func (w *walker) visit(n ast.Node) {
	ix := w.ix
	switch n := n.(type) {
	case *ast.ImportSpec:
		if !w.skipped {
			ix.seen.imports = append(ix.seen.imports, n)
		}
	case *ast.Ident:
		// The walk meets identifiers in the order of their positions, as
		// libUses holds them: the next one is the only candidate.
		for len(w.libUses) > 0 && w.libUses[0].Pos() < n.Pos() {
			w.libUses = w.libUses[1:]
		}
		if len(w.libUses) > 0 && w.libUses[0] == n {
			w.libUses = w.libUses[1:]
			ix.visitIdent(w, n)
		}
	case *ast.CallExpr:
		ix.visitCall(w.decl, n)
	case *ast.CompositeLit:
		ix.visitCompositeLit(n)
	case *ast.AssignStmt:
		ix.visitAssign(n)
	case *ast.ValueSpec:
		ix.visitValueSpec(n)
	case *ast.ReturnStmt:
		if len(w.funcs) > 0 {
			ix.flow.Return(w.funcs[len(w.funcs)-1], n)
		}
	case *ast.RangeStmt:
		ix.flow.Range(n)
	case *ast.SendStmt:
		ix.flow.Send(n)
	case *ast.FuncDecl:
		ix.visitFuncDecl(n)
	case *ast.FuncLit:
		ix.flow.Func(n, nil, n.Type)
	case *ast.Field:
		if _, inStruct := w.parent(2).(*ast.StructType); inStruct { // Field in a FieldList in a StructType
			ix.visitField(n)
		}
	}
}

// visitFuncDecl indexes a function.
func (ix *index) visitFuncDecl(fd *ast.FuncDecl) {
	fn, ok := ix.info.Defs[fd.Name].(*types.Func)
	if !ok || fd.Body == nil {
		return
	}
	ix.flow.Func(fd, fn, fd.Type)
	res := fn.Signature().Results()
	ix.seen.funcs[fn] = &funcState{decl: fd, summarize: res.Len() > 0 && mayHoldKey(res.At(0).Type())}
	if res.Len() > 0 && canHoldSecret(res.At(0).Type()) {
		ix.seen.named = append(ix.seen.named, namedValue{name: fd.Name.Name, fn: fn, how: "returned by " + fd.Name.Name})
		ix.seen.fallbackFns = append(ix.seen.fallbackFns, fn)
	}
}

// visitAssign indexes assignments and records the names they bind.
func (ix *index) visitAssign(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
		return
	}
	if len(as.Lhs) == len(as.Rhs) {
		for i := range as.Lhs {
			ix.bind(as.Lhs[i], as.Rhs[i])
		}
		return
	}
	if len(as.Rhs) == 1 {
		for i, lhs := range as.Lhs {
			ix.flow.AssignTuple(lhs, as.Rhs[0], i)
			ix.noteVar(lhs)
		}
	}
}

func (ix *index) visitValueSpec(vs *ast.ValueSpec) {
	if len(vs.Values) == len(vs.Names) {
		for i, name := range vs.Names {
			ix.bind(name, vs.Values[i])
		}
	} else if len(vs.Values) == 1 {
		for i, name := range vs.Names {
			ix.flow.AssignTuple(name, vs.Values[0], i)
			ix.noteVar(name)
		}
	}
	for _, name := range vs.Names {
		if v, ok := ix.info.Defs[name].(*types.Var); ok && v.Parent() == ix.pass.Pkg.Scope() {
			ix.seen.globalVars = append(ix.seen.globalVars, v)
		}
	}
}

// noteVar makes a variable assigned a call's result a place whose literals
// are a read setting's fallbacks, if it is read from one.
func (ix *index) noteVar(lhs ast.Expr) {
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
		if v, ok := ix.info.ObjectOf(id).(*types.Var); ok && canHoldSecret(v.Type()) {
			ix.seen.fallbackObjs = append(ix.seen.fallbackObjs, v)
		}
	}
}

// markUsesJWT records that the package uses a JWT library.
func (ix *index) markUsesJWT() {
	ix.seen.usesJWT = true
}
