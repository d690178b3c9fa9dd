package recipe

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/jwtssot/jwtssot/internal/fix"
)

// A Replacement is a replacements entry of the configuration: the library
// function Symbol ("github.com/golang-jwt/jwt/v5.Parse") and the auth
// module's function Use ("example.com/app/internal/auth.ParseToken").
type Replacement struct {
	Symbol, Use string
	// SymbolPkg and SymbolName split Symbol into its package path and
	// member; UsePkg and UseName split Use. A method's member holds a dot.
	SymbolPkg, SymbolName string
	UsePkg, UseName       string
}

// synthesized says what a recipe made from a replacement stands for.
type synthesized struct {
	symbol, use string
}

// A useDecl is the declaration of a replacement's use function, read from
// the source of the scanned module: its package's name, the package-level
// names of that package (to qualify its own types) and the imports of its
// file.
type useDecl struct {
	pkgName  string
	fn       *ast.FuncDecl
	fset     *token.FileSet
	file     *ast.File
	declared map[string]bool
}

// synthesize makes a recipe file of one pair from a replacement whose use
// is a function of the scanned module: the before calls the library's
// function with the use function's parameters, the after calls the use
// function with the same, both of the use function's signature. A call of
// the library function whose arguments are assignable to the use
// function's parameters and whose results are the use function's results
// then matches, and is rewritten into a call of the use function: no
// recipe needs writing for an auth API that takes what the library's
// function takes. It returns nil, with the reason, when the replacement is
// not of that shape: a package or a method, a use that is not a function
// of a package it can find, a generic function, a type it cannot name.
func synthesize(fset *token.FileSet, rep Replacement, decl *useDecl, opts Options) (*File, string) {
	if strings.Contains(rep.SymbolName, ".") || rep.SymbolName == "" {
		return nil, "the symbol is not a function"
	}
	src, reason := synthSource(rep, decl)
	if reason != "" {
		return nil, reason
	}
	f, err := ParseFile(fset, "replacements: "+rep.Symbol, src, opts)
	if err != nil {
		return nil, err.Error()
	}
	for _, r := range f.Recipes {
		r.synth = &synthesized{symbol: rep.Symbol, use: rep.Use}
	}
	return f, ""
}

// synthSource writes the recipe file's text.
func synthSource(rep Replacement, decl *useDecl) ([]byte, string) {
	ft := decl.fn.Type
	if ft.TypeParams != nil {
		return nil, "the use function is generic"
	}
	q := &sigQualifier{decl: decl, aliases: map[string]string{}, useQ: decl.pkgName}
	params, args, reason := q.params(ft.Params)
	if reason != "" {
		return nil, reason
	}
	results, reason := q.results(ft.Results)
	if reason != "" {
		return nil, reason
	}
	if q.aliases[q.useQ] != "" || q.useQ == "jwtssot_lib" {
		return nil, "the use function's package name is taken in the recipe"
	}
	var b bytes.Buffer
	b.WriteString("package jwtssotreplacements\n\nimport (\n")
	fmt.Fprintf(&b, "\tjwtssot_lib %s\n", strconv.Quote(rep.SymbolPkg))
	for path, alias := range q.paths {
		fmt.Fprintf(&b, "\t%s %s\n", alias, strconv.Quote(path))
	}
	fmt.Fprintf(&b, "\t%s\n)\n\n", strconv.Quote(rep.UsePkg))
	body := func(call string) string {
		if results == "" {
			return "{ " + call + " }"
		}
		return "{ return " + call + " }"
	}
	fmt.Fprintf(&b, "func before(%s) %s %s\n\n", params, results, body("jwtssot_lib."+rep.SymbolName+"("+args+")"))
	fmt.Fprintf(&b, "func after(%s) %s %s\n", params, results, body(q.useQ+"."+rep.UseName+"("+args+")"))
	return b.Bytes(), ""
}

// A sigQualifier rewrites the types of the use function's signature for
// the recipe file: a type of the use function's own package is qualified
// with its name, one of an imported package with an alias of that import.
type sigQualifier struct {
	decl    *useDecl
	useQ    string
	aliases map[string]string // qualifier in the use's file -> alias
	paths   map[string]string // import path -> alias
}

// params renders the parameters as p0 T0, p1 T1, ... and the arguments
// that pass them on (p0, p1...).
func (q *sigQualifier) params(fl *ast.FieldList) (string, string, string) {
	var ps, as []string
	for _, f := range fl.List {
		n := max(len(f.Names), 1)
		typ, reason := q.typeText(f.Type)
		if reason != "" {
			return "", "", reason
		}
		for range n {
			name := fmt.Sprintf("p%d", len(ps))
			ps = append(ps, name+" "+typ)
			if _, variadic := f.Type.(*ast.Ellipsis); variadic {
				name += "..."
			}
			as = append(as, name)
		}
	}
	return strings.Join(ps, ", "), strings.Join(as, ", "), ""
}

func (q *sigQualifier) results(fl *ast.FieldList) (string, string) {
	if fl == nil || len(fl.List) == 0 {
		return "", ""
	}
	var rs []string
	for _, f := range fl.List {
		typ, reason := q.typeText(f.Type)
		if reason != "" {
			return "", reason
		}
		for range max(len(f.Names), 1) {
			rs = append(rs, typ)
		}
	}
	return "(" + strings.Join(rs, ", ") + ")", ""
}

// typeText prints a type of the signature for the recipe file.
func (q *sigQualifier) typeText(e ast.Expr) (string, string) {
	var reason string
	e = rewriteType(e, func(x ast.Expr) ast.Expr {
		switch x := x.(type) {
		case *ast.SelectorExpr:
			id, ok := x.X.(*ast.Ident)
			if !ok {
				return x
			}
			alias, r := q.alias(id.Name)
			if r != "" {
				reason = r
			}
			return &ast.SelectorExpr{X: ast.NewIdent(alias), Sel: x.Sel}
		case *ast.Ident:
			switch {
			case q.decl.declared[x.Name]:
				return &ast.SelectorExpr{X: ast.NewIdent(q.useQ), Sel: ast.NewIdent(x.Name)}
			case types.Universe.Lookup(x.Name) == nil:
				reason = "the signature names " + x.Name + ", which is neither predeclared nor declared in the package"
			}
		}
		return x
	})
	if reason != "" {
		return "", reason
	}
	var b bytes.Buffer
	if err := printer.Fprint(&b, token.NewFileSet(), e); err != nil {
		return "", err.Error()
	}
	return b.String(), ""
}

// alias returns the recipe's name for a qualifier of the use's file.
func (q *sigQualifier) alias(qual string) (string, string) {
	if a, ok := q.aliases[qual]; ok {
		return a, ""
	}
	path := ""
	for _, spec := range q.decl.file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name := ""
		switch {
		case spec.Name != nil:
			name = spec.Name.Name
		default:
			name = fix.AssumedName(p)
		}
		if name == qual {
			path = p
		}
	}
	if path == "" {
		return "", "cannot tell which import the qualifier " + qual + " of the signature names"
	}
	if q.paths == nil {
		q.paths = map[string]string{}
	}
	a := fmt.Sprintf("jwtssot_t%d", len(q.aliases))
	q.aliases[qual] = a
	q.paths[path] = a
	return a, ""
}

// rewriteType returns a copy of the type expression e with f applied to
// each of its parts, innermost first.
func rewriteType(e ast.Expr, f func(ast.Expr) ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.StarExpr:
		return f(&ast.StarExpr{X: rewriteType(x.X, f)})
	case *ast.Ellipsis:
		return f(&ast.Ellipsis{Elt: rewriteType(x.Elt, f)})
	case *ast.ArrayType:
		return f(&ast.ArrayType{Len: x.Len, Elt: rewriteType(x.Elt, f)})
	case *ast.MapType:
		return f(&ast.MapType{Key: rewriteType(x.Key, f), Value: rewriteType(x.Value, f)})
	case *ast.ChanType:
		return f(&ast.ChanType{Dir: x.Dir, Value: rewriteType(x.Value, f)})
	case *ast.ParenExpr:
		return f(&ast.ParenExpr{X: rewriteType(x.X, f)})
	case *ast.FuncType:
		return f(&ast.FuncType{Params: rewriteFields(x.Params, f), Results: rewriteFields(x.Results, f)})
	case *ast.SelectorExpr, *ast.Ident:
		return f(x)
	}
	return f(e)
}

func rewriteFields(fl *ast.FieldList, f func(ast.Expr) ast.Expr) *ast.FieldList {
	if fl == nil {
		return nil
	}
	out := &ast.FieldList{}
	for _, field := range fl.List {
		out.List = append(out.List, &ast.Field{Names: field.Names, Type: rewriteType(field.Type, f)})
	}
	return out
}

// findUse reads the declaration of the use function of rep from the
// source of the module that holds baseDir, whose import path is basePath:
// the package directory is found from the import paths, its files (those
// the build context selects, no tests) are parsed, and the function is
// looked up among their declarations.
func findUse(rep Replacement, baseDir, basePath string) (*useDecl, string) {
	dir := packageDir(rep.UsePkg, baseDir, basePath)
	if dir == "" {
		return nil, "the use function's package is not in the scanned module"
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, "cannot read the use function's package: " + err.Error()
	}
	d := &useDecl{fset: token.NewFileSet(), declared: map[string]bool{}}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(d.fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		d.pkgName = f.Name.Name
		for name := range declaredNames(f) {
			d.declared[name] = true
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == rep.UseName {
				d.fn, d.file = fd, f
			}
		}
	}
	if d.fn == nil {
		return nil, "no function " + rep.UseName + " in " + rep.UsePkg
	}
	return d, ""
}

// packageDir finds the directory of the package importPath from a
// directory whose import path is known, or from the root of its module.
func packageDir(importPath, baseDir, basePath string) string {
	if dir, ok := below(importPath, baseDir, basePath); ok {
		return dir
	}
	for dir := baseDir; ; {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
			if dir, ok := below(importPath, dir, modfile.ModulePath(data)); ok {
				return dir
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// below maps importPath to a directory when it is basePath or below it.
func below(importPath, baseDir, basePath string) (string, bool) {
	if basePath == "" {
		return "", false
	}
	if importPath == basePath {
		return baseDir, true
	}
	if rest, ok := strings.CutPrefix(importPath, basePath+"/"); ok {
		return filepath.Join(baseDir, filepath.FromSlash(rest)), true
	}
	return "", false
}
