package recipe

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"
)

// Check type-checks the recipe file against its imports, which imp
// provides: the errors of the bodies (an after that returns another type,
// a method the type does not have), and what the syntax could not tell:
// that the two signatures are identical types and that each before calls
// a library's function or method (not a conversion to a library type). It
// also learns the package names of the file's imports, which the fixes'
// new imports then use. Without Check, a recipe whose body does not
// compile makes fixes that do not either: the standalone scan checks
// every recipe file; go vet, which cannot load packages, does not.
func (f *File) Check(imp types.Importer, opts Options) error {
	if opts.IsLibrary == nil {
		opts.IsLibrary = func(string) bool { return true }
	}
	var errs ErrorList
	info := &types.Info{
		Types:     map[ast.Expr]types.TypeAndValue{},
		Defs:      map[*ast.Ident]types.Object{},
		Uses:      map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{},
	}
	conf := types.Config{
		Importer: imp,
		Error: func(err error) {
			var te types.Error
			if errors.As(err, &te) && !te.Soft {
				errs = append(errs, &Error{Pos: te.Fset.Position(te.Pos), Msg: te.Msg})
			}
		},
	}
	pkg, _ := conf.Check("jwtssot.recipes/"+f.syn.Name.Name, f.fset, []*ast.File{f.syn}, info)
	if len(errs) > 0 {
		return errs.err()
	}
	f.learnNames(info)
	for _, r := range f.Recipes {
		r.checkTypes(pkg, info, opts, &errs)
	}
	return errs.err()
}

// learnNames records the package name of every import of the file.
func (f *File) learnNames(info *types.Info) {
	for _, spec := range f.syn.Imports {
		var obj types.Object
		if spec.Name != nil {
			obj = info.Defs[spec.Name]
		} else {
			obj = info.Implicits[spec]
		}
		if pn, ok := obj.(*types.PkgName); ok {
			f.names[pn.Imported().Path()] = pn.Imported().Name()
		}
	}
}

func (r *Recipe) checkTypes(pkg *types.Package, info *types.Info, opts Options, errs *ErrorList) {
	fset := r.file.fset
	b := pkg.Scope().Lookup(r.before.fn.Name.Name).(*types.Func)
	a := pkg.Scope().Lookup(r.after.fn.Name.Name).(*types.Func)
	if !types.Identical(b.Signature(), a.Signature()) {
		errs.errorf(fset, r.after.fn.Pos(), "%s and %s differ in type: %s and %s", b.Name(), a.Name(), b.Signature(), a.Signature())
	}
	call := ast.Unparen(r.before.expr).(*ast.CallExpr)
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	switch {
	case !ok:
		errs.errorf(fset, call.Pos(), "%s must return a call of a JWT library's function or method; %s is not a function call", b.Name(), types.ExprString(call.Fun))
	case fn.Pkg() == nil || !opts.IsLibrary(fn.Pkg().Path()):
		errs.errorf(fset, call.Pos(), "%s calls %s, which is not declared in a JWT library", b.Name(), fn.FullName())
	}
}

// Load type-checks the recipe file as Check does, with its imports loaded
// by go/packages from dir (the directory of the module the file belongs
// to) in the environment env (nil for the process's).
func (f *File) Load(ctx context.Context, dir string, env []string, opts Options) error {
	var paths []string
	specOf := map[string]*ast.ImportSpec{}
	for _, spec := range f.syn.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err == nil && specOf[p] == nil {
			paths = append(paths, p)
			specOf[p] = spec
		}
	}
	cfg := &packages.Config{Context: ctx, Mode: packages.NeedName | packages.NeedTypes, Dir: dir, Env: env}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		return &ImportError{&Error{Pos: f.fset.Position(f.syn.Package), Msg: fmt.Sprintf("cannot load the recipe file's imports: %v", err)}}
	}
	byPath := map[string]*types.Package{}
	var errs ErrorList
	noSum := false
	for _, p := range pkgs {
		if len(p.Errors) > 0 && specOf[p.PkgPath] != nil {
			errs.errorf(f.fset, specOf[p.PkgPath].Pos(), "cannot load %q: %s", p.PkgPath, p.Errors[0].Msg)
			noSum = noSum || strings.Contains(p.Errors[0].Msg, "missing go.sum entry")
			continue
		}
		if p.Types != nil {
			byPath[p.PkgPath] = p.Types
		}
	}
	if len(errs) > 0 && noSum {
		return &ImportError{errs.err()}
	}
	if len(errs) > 0 {
		return errs.err()
	}
	return f.Check(importerFunc(func(path string) (*types.Package, error) {
		if p := byPath[path]; p != nil {
			return p, nil
		}
		return nil, fmt.Errorf("package %q was not loaded", path)
	}), opts)
}

// An ImportError says that Load could not load the recipe file's imports
// because of the module (the go command failed, go.sum lacks an entry): a
// problem the scan reports for its own packages, rather than one of the
// recipes, whose type check it leaves undone. An import of a package that
// does not exist is the recipe's error.
type ImportError struct{ Err error }

func (e *ImportError) Error() string { return e.Err.Error() }
func (e *ImportError) Unwrap() error { return e.Err }

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
