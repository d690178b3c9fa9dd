package flow

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"
)

// testPkg is a type-checked package of one file, with its engine fed the
// way the analyzer's walk feeds it.
type testPkg struct {
	t     *testing.T
	fset  *token.FileSet
	file  *ast.File
	info  *types.Info
	pkg   *types.Package
	e     *Engine
	lines []string
}

// fakeOracle treats a call of a function named getenv (declared without a
// body) as a setting read by its first argument, and knows no other
// package.
type fakeOracle struct{ info *types.Info }

func (o fakeOracle) Read(call *ast.CallExpr) (Source, bool) {
	if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "getenv" {
		return Source{NameArg: 0}, true
	}
	return Source{}, false
}
func (fakeOracle) Transform(fn *types.Func) (Transform, bool) {
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "cmp.Or":
		return Transform{Class: AsIs}, true
	case "strings.TrimSpace":
		return Transform{Class: AsIs, Args: []int{0}}, true
	}
	return Transform{}, false
}
func (fakeOracle) Summary(*types.Func) *Summary              { return nil }
func (fakeOracle) VarValues(*types.Var) Values               { return Values{} }
func (fakeOracle) FieldValues(*types.Var, types.Type) Values { return Values{} }
func (fakeOracle) Origin(obj types.Object) string            { return obj.Name() }
func (fakeOracle) Field(FieldRef) *types.Var                 { return nil }

func load(t *testing.T, src string) *testPkg {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", "package p\n\n"+src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances: map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{Error: func(err error) { t.Fatal(err) }}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, info)
	p := &testPkg{t: t, fset: fset, file: f, info: info, pkg: pkg}
	p.e = New(info, pkg, fakeOracle{info})
	p.feed()
	return p
}

// feed indexes the file as the analyzer's walk does.
func (p *testPkg) feed() {
	var stack []ast.Node
	ast.Inspect(p.file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncDecl:
			if fn, ok := p.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				p.e.Func(n, fn, n.Type)
			}
		case *ast.FuncLit:
			p.e.Func(n, nil, n.Type)
		case *ast.ReturnStmt:
			for i := len(stack) - 1; i >= 0; i-- {
				if _, ok := stack[i].(*ast.FuncDecl); ok {
					p.e.Return(stack[i], n)
					break
				}
				if _, ok := stack[i].(*ast.FuncLit); ok {
					p.e.Return(stack[i], n)
					break
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					p.e.Assign(n.Lhs[i], n.Rhs[i])
				}
			} else if len(n.Rhs) == 1 {
				for i, l := range n.Lhs {
					p.e.AssignTuple(l, n.Rhs[0], i)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if len(n.Values) == len(n.Names) {
					p.e.Assign(name, n.Values[i])
				} else if len(n.Values) == 1 {
					p.e.AssignTuple(name, n.Values[0], i)
				}
			}
		case *ast.RangeStmt:
			p.e.Range(n)
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok {
				if fn, ok := p.info.Uses[id].(*types.Func); ok {
					p.e.Call(n, fn)
				}
			}
		}
		return true
	})
}

// arg returns the argument of the call of sink on the line holding marker.
func (p *testPkg) arg(marker string) ast.Expr {
	p.t.Helper()
	var found ast.Expr
	ast.Inspect(p.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found != nil {
			return true
		}
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "sink" && p.lineHas(call.Pos(), marker) {
			found = call.Args[0]
		}
		return true
	})
	if found == nil {
		p.t.Fatalf("no call of sink on a line with %q", marker)
	}
	return found
}

func (p *testPkg) lineHas(pos token.Pos, marker string) bool {
	return strings.Contains(p.lines[p.fset.Position(pos).Line-1], marker)
}

// lits returns the values of the literals n may hold, sorted. It asks both
// Literals and a Collector, and fails the test if they disagree: every
// test of the literals found checks both.
func (p *testPkg) lits(n Node) []string {
	p.t.Helper()
	var out []string
	p.e.Literals(n, map[*node]bool{}, func(l *Lit) { out = append(out, l.Value) })
	slices.Sort(out)
	out = slices.Compact(out)
	if col := values(p.e.NewCollector(1<<20, func(*Lit) bool { return true }).Literals(n)); !slices.Equal(col, out) {
		p.t.Errorf("Collector: %v, Literals: %v", col, out)
	}
	return out
}

// values returns the literals' values, sorted, once each.
func values(lits []*Lit) []string {
	var out []string
	for _, l := range lits {
		out = append(out, l.Value)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func loadMarked(t *testing.T, src string) *testPkg {
	t.Helper()
	p := load(t, src)
	p.lines = strings.Split("package p\n\n"+src, "\n")
	return p
}

func TestCallsBindTheirOwnArguments(t *testing.T) {
	p := loadMarked(t, `
func getenv(string) string

func or(key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func sink(k []byte) {}

func use() {
	sink([]byte(or("JWT_SECRET", "dev-secret"))) // first
	sink([]byte(or("PORT", "8080")))            // second
}
`)
	first := p.e.Trace(p.arg("first"), Value)
	if got := p.lits(first); !slices.Equal(got, []string{"dev-secret"}) {
		t.Errorf("first call holds %v, want only its own default", got)
	}
	var reads []string
	for _, r := range p.e.Reads(first) {
		reads = append(reads, r.Name)
	}
	if !slices.Equal(reads, []string{"JWT_SECRET"}) {
		t.Errorf("first call reads %v, want JWT_SECRET (bound from the parameter)", reads)
	}
	second := p.e.Trace(p.arg("second"), Value)
	if got := p.lits(second); !slices.Equal(got, []string{"8080"}) {
		t.Errorf("second call holds %v", got)
	}
}

func TestParamsReachASink(t *testing.T) {
	p := loadMarked(t, `
func sink(k []byte) {}

func signWith(key []byte, other string) {
	k := key
	if len(k) == 0 {
		k = []byte("fallback-key")
	}
	sink(k) // here
}
`)
	n := p.e.Trace(p.arg("here"), Value)
	params := p.e.Params(n)
	if len(params) != 1 || params[0].Fn.Name() != "signWith" || params[0].Index != 0 || params[0].Mode != Value {
		t.Errorf("params = %v, want signWith's parameter 0", params)
	}
	if got := p.lits(n); !slices.Equal(got, []string{"fallback-key"}) {
		t.Errorf("lits = %v", got)
	}
}

// Recursion is a cycle of the graph: it is walked once, and the literals
// and parameters that go around it are found.
func TestRecursionTerminates(t *testing.T) {
	p := loadMarked(t, `
func sink(k string) {}

func even(n int, k string) string {
	if n == 0 {
		return k
	}
	if n > 9 {
		return odd(n-1, "from-even")
	}
	return odd(n-1, k)
}

func odd(n int, k string) string {
	if n == 0 {
		return "from-odd"
	}
	return even(n-1, k)
}

func fib(n int, k string) string {
	if n < 2 {
		return k
	}
	return fib(n-1, k) + fib(n-2, k)
}

func self(v string, depth int) string {
	if depth > 5 {
		return v
	}
	return self(v+"x", depth+1)
}

func use() {
	sink(even(3, "seed")) // mutual
	sink(fib(40, "fib-seed")) // fib
	sink(self("self-seed", 0)) // self
}
`)
	for marker, want := range map[string][]string{
		"mutual": {"from-even", "from-odd", "seed"},
		"fib":    {"fib-seed"},
		"self":   {"self-seed"},
	} {
		n := p.e.Trace(p.arg(marker), Value)
		if got := p.lits(n); !slices.Equal(got, want) {
			t.Errorf("%s: lits = %v, want %v", marker, got, want)
		}
	}
	if p.e.Overflowed() {
		t.Error("a query overflowed its budget")
	}
}

// A Collector answers every question from one walk: the nodes of a cycle
// share their answer, asked in any order, and an answer keeps at most the
// collector's limit of literals that it admits.
func TestCollectorSharesOneWalk(t *testing.T) {
	p := loadMarked(t, `
func sink(k string) {}

func even(n int, k string) string {
	if n == 0 {
		return k
	}
	return odd(n-1, "from-even")
}

func odd(n int, k string) string {
	if n == 0 {
		return "from-odd"
	}
	return even(n-1, k)
}

func use() {
	sink(odd(3, "odd-seed")) // odd
	sink(even(3, "even-seed")) // even
	sink(even(3, "")) // empty
}
`)
	odd, even, empty := p.e.Trace(p.arg("odd"), Value), p.e.Trace(p.arg("even"), Value), p.e.Trace(p.arg("empty"), Value)
	c := p.e.NewCollector(8, func(l *Lit) bool { return l.Value != "" })
	for _, q := range []struct {
		n    Node
		want []string
	}{
		{even, []string{"even-seed", "from-even", "from-odd"}},
		{odd, []string{"from-even", "from-odd", "odd-seed"}},
		{empty, []string{"from-even", "from-odd"}},             // "" is not admitted
		{even, []string{"even-seed", "from-even", "from-odd"}}, // asked again: the same answer
	} {
		if got := values(c.Literals(q.n)); !slices.Equal(got, q.want) {
			t.Errorf("Literals = %v, want %v", got, q.want)
		}
	}
	if got := len(p.e.NewCollector(1, func(*Lit) bool { return true }).Literals(even)); got != 1 {
		t.Errorf("a collector of limit 1 returned %d literals", got)
	}
	if c.Literals(nil) != nil {
		t.Error("a nil node holds no literal")
	}
}

// A parameter assigned to a package-level variable holds every argument of
// every call: the variable's value comes from them.
func TestGlobalsBindEveryCaller(t *testing.T) {
	p := loadMarked(t, `
var key []byte

func setKey(k []byte) { key = k }

func sink(k []byte) {}

func use() {
	setKey([]byte("from-caller-1"))
	setKey([]byte("from-caller-2"))
	sink(key) // here
}
`)
	n := p.e.Trace(p.arg("here"), Value)
	if got := p.lits(n); !slices.Equal(got, []string{"from-caller-1", "from-caller-2"}) {
		t.Errorf("lits = %v", got)
	}
	if ps := p.e.Params(n); len(ps) != 0 {
		t.Errorf("a global's parameters leaked: %v", ps)
	}
}

func TestContainers(t *testing.T) {
	p := loadMarked(t, `
var keys = map[string][]byte{"a": []byte("map-value")}

func sink(k []byte) {}

func lookup(kid string) {
	if k, ok := keys[kid]; ok {
		sink(k) // commaok
	}
	sink(keys[kid]) // index
	for _, k := range [][]byte{[]byte("ranged-value")} {
		sink(k) // range
	}
	list := []string{}
	list = append(list, "appended-value")
	for _, s := range list {
		sink([]byte(s)) // append
	}
}
`)
	for marker, want := range map[string][]string{
		"commaok": {"map-value"},
		"index":   {"map-value"},
		"range":   {"ranged-value"},
		"append":  {"appended-value"},
	} {
		if got := p.lits(p.e.Trace(p.arg(marker), Value)); !slices.Equal(got, want) {
			t.Errorf("%s: lits = %v, want %v", marker, got, want)
		}
	}
}

func TestKeyfuncs(t *testing.T) {
	p := loadMarked(t, `
type keyfunc func(string) (interface{}, error)

func sink(kf keyfunc) {}

func static(key []byte) keyfunc {
	return func(string) (interface{}, error) { return key, nil }
}

func named(string) (interface{}, error) { return []byte("named-func-key"), nil }

func call(lookup func(string) ([]byte, error)) keyfunc {
	return func(kid string) (interface{}, error) {
		k, err := lookup(kid)
		return k, err
	}
}

func use() {
	sink(static([]byte("factory-key"))) // factory
	sink(named) // named
	sink(func(string) (interface{}, error) { return []byte("literal-key"), nil }) // literal
}

func forward(lookup func(string) ([]byte, error)) {
	sink(call(lookup)) // forward
}
`)
	for marker, want := range map[string][]string{
		"factory": {"factory-key"},
		"named":   {"named-func-key"},
		"literal": {"literal-key"},
	} {
		if got := p.lits(p.e.Trace(p.arg(marker), Keyfunc)); !slices.Equal(got, want) {
			t.Errorf("%s: lits = %v, want %v", marker, got, want)
		}
	}
	ps := p.e.Params(p.e.Trace(p.arg("forward"), Keyfunc))
	if len(ps) != 1 || ps[0].Fn.Name() != "forward" || ps[0].Mode != Keyfunc {
		t.Errorf("forward's lookup reaches the sink as %v, want its parameter 0 as a keyfunc", ps)
	}
}

// TestLinear: a chain of n helpers and a file of n calls cost a number of
// steps proportional to n (the budget is never reached); the benchmarks
// measure the time.
func TestLinear(t *testing.T) {
	for _, n := range []int{100, 2000} {
		var b strings.Builder
		b.WriteString("func sink(k string) {}\n")
		for i := range n {
			fmt.Fprintf(&b, "func h%d(k string) string { if k == \"\" { return h%d(\"x\") }; if len(k) > %d { return k }; return h%d(k) }\n",
				i, (i+7)%n, i, (i+1)%n)
		}
		b.WriteString("func use() {\n")
		for i := range n {
			fmt.Fprintf(&b, "\tsink(h%d(\"seed-%d\")) // c%d\n", i, i, i)
		}
		b.WriteString("}\n")
		p := loadMarked(t, b.String())
		var sinks []ast.Expr
		ast.Inspect(p.file, func(x ast.Node) bool {
			if call, ok := x.(*ast.CallExpr); ok {
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "sink" {
					sinks = append(sinks, call.Args[0])
				}
			}
			return true
		})
		seen := map[*node]bool{}
		count := 0
		for _, arg := range sinks {
			p.e.Literals(p.e.Trace(arg, Value), seen, func(*Lit) { count++ })
		}
		if count != 2*n || p.e.Overflowed() { // every seed, and every "x"
			t.Errorf("n=%d: %d literals found, overflow %v", n, count, p.e.Overflowed())
		}
	}
}
