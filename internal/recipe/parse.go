package recipe

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/jwtssot/jwtssot/internal/fix"
)

// Options say how recipe files are read.
type Options struct {
	// IsLibrary reports whether an import path is a JWT library's: a
	// before pattern must call one of its functions or methods. Nil
	// accepts any imported package.
	IsLibrary func(importPath string) bool
}

// A File is a recipe file read from its syntax alone: every recipe in it
// passed the checks that need no type information. Check adds a full type
// check when the file's imports can be loaded.
type File struct {
	// Name is the file's name as given to ParseFile.
	Name    string
	Recipes []*Recipe

	fset *token.FileSet
	syn  *ast.File
	src  []byte
	// imports maps each qualifier the file uses to its import path.
	imports map[string]string
	// names holds the package name of an import path, where the file
	// shows it (an import without a name is named by its package).
	names map[string]string
	// declared are the names the file declares at package level, which
	// the scanned code cannot see.
	declared map[string]bool
}

// declaredNames lists the names a file declares at package level.
func declaredNames(f *ast.File) map[string]bool {
	names := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				names[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					names[s.Name.Name] = true
				case *ast.ValueSpec:
					for _, id := range s.Names {
						names[id.Name] = true
					}
				}
			}
		}
	}
	return names
}

// maxRecipeFile bounds what ParseFile reads: a recipe file is a handful of
// functions, and a larger input is a mistake (a binary, a generated file).
const maxRecipeFile = 1 << 20

// ParseFile reads the recipe file name with content src. It returns every
// problem it finds as an ErrorList, each naming file:line:col and why.
func ParseFile(fset *token.FileSet, name string, src []byte, opts Options) (*File, error) {
	if len(src) > maxRecipeFile {
		return nil, &Error{Pos: token.Position{Filename: name}, Msg: fmt.Sprintf("a recipe file must be under %d bytes", maxRecipeFile)}
	}
	syn, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.AllErrors|parser.SkipObjectResolution)
	if err != nil {
		return nil, syntaxErrors(name, err)
	}
	if opts.IsLibrary == nil {
		opts.IsLibrary = func(string) bool { return true }
	}
	f := &File{Name: name, fset: fset, syn: syn, src: src, declared: declaredNames(syn)}
	var errs ErrorList
	f.readImports(&errs)
	for _, p := range f.pairs(&errs) {
		if r := compile(f, p, opts, &errs); r != nil {
			f.Recipes = append(f.Recipes, r)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	if len(f.Recipes) == 0 {
		return nil, &Error{Pos: fset.Position(syn.Package), Msg: "no recipes: declare pairs of functions beforeX and afterX"}
	}
	return f, nil
}

// syntaxErrors turns the parser's errors into recipe errors.
func syntaxErrors(name string, err error) error {
	var list scanner.ErrorList
	if !errors.As(err, &list) {
		return &Error{Pos: token.Position{Filename: name}, Msg: err.Error()}
	}
	var errs ErrorList
	for _, e := range list {
		errs = append(errs, &Error{Pos: e.Pos, Msg: e.Msg})
	}
	return errs.err()
}

// readImports maps each package qualifier of the file to its import path.
// An import without a name is named by its package, which the syntax does
// not show: it is matched to the qualifiers the file uses by the name its
// path suggests (jwt for .../jwt/v5), as goimports assumes.
func (f *File) readImports(errs *ErrorList) {
	f.imports, f.names = map[string]string{}, map[string]string{}
	var unnamed []*ast.ImportSpec
	for _, spec := range f.syn.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			errs.errorf(f.fset, spec.Pos(), "malformed import path %s", spec.Path.Value)
			continue
		}
		switch {
		case spec.Name == nil:
			unnamed = append(unnamed, spec)
		case spec.Name.Name == ".":
			errs.errorf(f.fset, spec.Pos(), "dot import of %q: a recipe names each package it uses, so import it with a name", p)
		case spec.Name.Name == "_":
			// A blank import adds no name.
		default:
			f.imports[spec.Name.Name] = p
		}
	}
	if len(unnamed) > 0 {
		f.nameUnnamedImports(unnamed, errs)
	}
}

func (f *File) nameUnnamedImports(unnamed []*ast.ImportSpec, errs *ErrorList) {
	used := usedQualifiers(f.syn, f.declared)
	free := map[string]bool{}
	for q := range used {
		if _, named := f.imports[q]; !named {
			free[q] = true
		}
	}
	var left []*ast.ImportSpec
	for _, spec := range unnamed {
		p, _ := strconv.Unquote(spec.Path.Value)
		if q := fix.AssumedName(p); free[q] {
			f.imports[q], f.names[p] = p, q
			delete(free, q)
			continue
		}
		left = append(left, spec)
	}
	// One import and one qualifier left over: they go together whatever
	// the path suggests (gopkg.in/yaml.v3 is yaml).
	if len(left) == 1 && len(free) == 1 {
		p, _ := strconv.Unquote(left[0].Path.Value)
		for q := range free {
			f.imports[q], f.names[p] = p, q
		}
		return
	}
	for _, spec := range left {
		if len(free) > 0 {
			p, _ := strconv.Unquote(spec.Path.Value)
			errs.errorf(f.fset, spec.Pos(), "cannot tell from the syntax which name import %q declares: give it a name (import NAME %q)", p, p)
		}
	}
}

// usedQualifiers returns the names used as package qualifiers, X in
// X.Sel, anywhere in the file: those that are neither declared in the file
// nor a parameter or result of the function they are in.
func usedQualifiers(file *ast.File, declared map[string]bool) map[string]bool {
	used := map[string]bool{}
	for _, d := range file.Decls {
		local := map[string]bool{}
		if fd, ok := d.(*ast.FuncDecl); ok {
			for _, fl := range []*ast.FieldList{fd.Recv, fd.Type.Params, fd.Type.Results} {
				if fl == nil {
					continue
				}
				for _, f := range fl.List {
					for _, id := range f.Names {
						local[id.Name] = true
					}
				}
			}
		}
		ast.Inspect(d, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && !local[id.Name] && !declared[id.Name] {
					used[id.Name] = true
				}
			}
			return true
		})
	}
	return used
}

// A pair is a before function and its after, by the name they share.
type pair struct {
	name          string
	before, after *ast.FuncDecl
}

// pairs finds the recipe functions of the file and pairs them by name:
// beforeParse with afterParse, before with after. A function is a recipe
// half when its name is before or after, alone or followed by an upper-case
// letter, a digit or an underscore (so that a helper named afterwards is
// not one).
func (f *File) pairs(errs *ErrorList) []*pair {
	byName := map[string]*pair{}
	for _, d := range f.syn.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		half, name, ok := recipeHalf(fd.Name.Name)
		if !ok {
			continue
		}
		if fd.Recv != nil {
			errs.errorf(f.fset, fd.Pos(), "%s is a method: a recipe is a pair of plain functions", fd.Name.Name)
			continue
		}
		p := byName[name]
		if p == nil {
			p = &pair{name: name}
			byName[name] = p
		}
		slot := &p.before
		if half == "after" {
			slot = &p.after
		}
		if *slot != nil {
			errs.errorf(f.fset, fd.Pos(), "%s is declared twice", fd.Name.Name)
			continue
		}
		*slot = fd
	}
	var ps []*pair
	for _, p := range byName {
		switch {
		case p.before == nil:
			errs.errorf(f.fset, p.after.Pos(), "%s has no before%s: each after needs the before it replaces", p.after.Name.Name, p.name)
		case p.after == nil:
			errs.errorf(f.fset, p.before.Pos(), "%s has no after%s: each before needs an after of the same signature", p.before.Name.Name, p.name)
		default:
			ps = append(ps, p)
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].before.Pos() < ps[j].before.Pos() })
	return ps
}

// recipeHalf splits a function name into "before" or "after" and the
// recipe's name.
func recipeHalf(fn string) (half, name string, ok bool) {
	for _, h := range []string{"before", "after"} {
		rest, found := strings.CutPrefix(fn, h)
		if !found {
			continue
		}
		if rest == "" {
			return h, "", true
		}
		if r := []rune(rest)[0]; unicode.IsUpper(r) || unicode.IsDigit(r) || r == '_' {
			return h, rest, true
		}
	}
	return "", "", false
}
