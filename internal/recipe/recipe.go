package recipe

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// A Recipe is one before/after pair, checked and compiled from its syntax:
// the before's expression is a pattern, the after's a template.
type Recipe struct {
	// Name is what the two functions' names share after before and after
	// ("Parse" for beforeParse and afterParse).
	Name string
	// Callee is the function or method the pattern calls, by import path:
	// "github.com/golang-jwt/jwt/v5.Parse",
	// "(*github.com/golang-jwt/jwt/v5.Token).SignedString", or
	// "(...).Parse" for a method called on the result of another call.
	Callee string

	file   *File
	before half // the pattern
	after  half // the template
	// wildcards are the parameters, by position; before's and after's
	// parameters at the same position are the same wildcard.
	wildcards []*wildcard
	// results are the before's result types.
	results []ast.Expr
	// paths are the import paths the template names, by qualifier.
	paths map[string]string
	// key indexes the recipe: "path.Func" for a function, ".Method" for a
	// method.
	key string
	// synth is set on a recipe made from a replacement (synth.go).
	synth *synthesized
}

// A half is the before or the after of a recipe.
type half struct {
	fn   *ast.FuncDecl
	expr ast.Expr // the operand of its body's statement
	// uses map each use of a parameter in expr to its wildcard.
	uses map[*ast.Ident]*wildcard
}

// A wildcard is a parameter of a recipe: it matches any expression whose
// type is assignable to its own.
type wildcard struct {
	name     string
	index    int
	typ      ast.Expr // as written in the before
	variadic bool
	// usesBefore and usesAfter count its occurrences.
	usesBefore, usesAfter int
	// order is the rank of its first occurrence in the before (-1 when
	// unused), for the evaluation order check.
	order int
}

// Pos is the position of the recipe's before function.
func (r *Recipe) Pos() token.Position { return r.file.fset.Position(r.before.fn.Pos()) }

// String names the recipe as its user does: "beforeParse/afterParse", or
// for one made from a replacement, "replacement of SYMBOL by USE".
func (r *Recipe) String() string {
	if r.synth != nil {
		return "replacement of " + r.synth.symbol + " by " + r.synth.use
	}
	return r.before.fn.Name.Name + "/" + r.after.fn.Name.Name
}

// fixMessage is the message of the fixes the recipe makes.
func (r *Recipe) fixMessage() string {
	if r.synth != nil {
		return "call " + r.synth.use + " instead (replacements)"
	}
	return "apply recipe " + r.String()
}

// FileName is the name of the recipe file the recipe is in, "" for one
// made from a replacement.
func (r *Recipe) FileName() string {
	if r.synth != nil {
		return ""
	}
	return r.file.Name
}

// compile checks a pair and compiles it into a recipe; it adds an error for
// each problem and returns nil if there was one.
func compile(f *File, p *pair, opts Options, errs *ErrorList) *Recipe {
	n := len(*errs)
	r := &Recipe{Name: p.name, file: f, before: half{fn: p.before}, after: half{fn: p.after}}
	r.checkSignatures(errs)
	r.before.expr = r.body(p.before, errs)
	r.after.expr = r.body(p.after, errs)
	if len(*errs) > n {
		return nil
	}
	r.bindWildcards()
	r.checkPattern(errs)
	r.checkTemplate(errs)
	if len(*errs) > n {
		return nil
	}
	r.checkCallee(opts, errs)
	r.checkWildcardUse(errs)
	if len(*errs) > n {
		return nil
	}
	return r
}

// checkSignatures refuses a pair whose signatures differ in a type:
// parameters by position (their names do not matter), then results.
func (r *Recipe) checkSignatures(errs *ErrorList) {
	fset := r.file.fset
	for _, fd := range []*ast.FuncDecl{r.before.fn, r.after.fn} {
		if fd.Type.TypeParams != nil {
			errs.errorf(fset, fd.Pos(), "%s has type parameters: a recipe's types must be concrete", fd.Name.Name)
			return
		}
	}
	bt, at := r.before.fn.Type, r.after.fn.Type
	r.compareTypes(fieldTypes(bt.Params), fieldTypes(at.Params), "parameter", errs)
	r.compareTypes(fieldTypes(bt.Results), fieldTypes(at.Results), "result", errs)
	r.results = fieldTypes(bt.Results)
}

func (r *Recipe) compareTypes(bs, as []ast.Expr, what string, errs *ErrorList) {
	fset, b, a := r.file.fset, r.before.fn.Name.Name, r.after.fn.Name.Name
	if len(bs) != len(as) {
		errs.errorf(fset, r.after.fn.Pos(), "%s and %s differ in type: %s has %s, %s has %d", b, a, b, plural(len(bs), what), a, len(as))
		return
	}
	for i := range bs {
		cb, errb := canonicalType(bs[i], r.file)
		ca, erra := canonicalType(as[i], r.file)
		switch {
		case errb != nil:
			errs.errorf(fset, bs[i].Pos(), "%s", errb)
		case erra != nil:
			errs.errorf(fset, as[i].Pos(), "%s", erra)
		case cb != ca:
			errs.errorf(fset, as[i].Pos(), "%s and %s differ in type: %s %d is %s in %s and %s in %s",
				b, a, what, i+1, types.ExprString(bs[i]), b, types.ExprString(as[i]), a)
		}
	}
}

// body returns the expression of a recipe function's body: the operand of
// its only statement, a return with one operand (a call returning several
// results included) or, in a function without results, an expression
// statement.
func (r *Recipe) body(fd *ast.FuncDecl, errs *ErrorList) ast.Expr {
	fset, name := r.file.fset, fd.Name.Name
	if fd.Body == nil || len(fd.Body.List) != 1 {
		errs.errorf(fset, fd.Pos(), "the body of %s must be a single return statement (or, without results, a single expression statement)", name)
		return nil
	}
	hasResults := fd.Type.Results != nil && len(fd.Type.Results.List) > 0
	switch st := fd.Body.List[0].(type) {
	case *ast.ReturnStmt:
		if !hasResults {
			errs.errorf(fset, st.Pos(), "%s has no results: its body must be a single expression statement", name)
			return nil
		}
		if len(st.Results) != 1 {
			errs.errorf(fset, st.Pos(), "%s must return a single expression (a call that returns all the results)", name)
			return nil
		}
		return st.Results[0]
	case *ast.ExprStmt:
		if hasResults {
			errs.errorf(fset, st.Pos(), "%s has results: its body must be a return statement", name)
			return nil
		}
		return st.X
	}
	errs.errorf(fset, fd.Body.List[0].Pos(), "the body of %s must be a single return statement (or, without results, a single expression statement)", name)
	return nil
}

// bindWildcards makes a wildcard of each parameter and finds its uses in
// the before and the after. A body is one expression without function
// literals (checkPattern and checkTemplate refuse them), so nothing in it
// declares a name: a name is a parameter's if a parameter has it.
func (r *Recipe) bindWildcards() {
	r.before.uses, r.after.uses = map[*ast.Ident]*wildcard{}, map[*ast.Ident]*wildcard{}
	beforeNames, afterNames := paramNames(r.before.fn), paramNames(r.after.fn)
	types := fieldTypes(r.before.fn.Type.Params)
	for i, name := range beforeNames {
		w := &wildcard{index: i, order: -1, typ: types[i], name: name}
		_, w.variadic = w.typ.(*ast.Ellipsis)
		r.wildcards = append(r.wildcards, w)
	}
	order := 0
	ast.Inspect(r.before.expr, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if i := slices.Index(beforeNames, id.Name); i >= 0 && id.Name != "" {
				w := r.wildcards[i]
				r.before.uses[id] = w
				w.usesBefore++
				if w.order < 0 {
					w.order = order
					order++
				}
			}
		}
		return true
	})
	ast.Inspect(r.after.expr, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if i := slices.Index(afterNames, id.Name); i >= 0 && id.Name != "" {
				r.after.uses[id] = r.wildcards[i]
				r.wildcards[i].usesAfter++
			}
		}
		return true
	})
}

// paramNames lists the name of each parameter, "" for an unnamed or blank
// one.
func paramNames(fd *ast.FuncDecl) []string {
	var names []string
	for _, f := range fd.Type.Params.List {
		if len(f.Names) == 0 {
			names = append(names, "")
		}
		for _, id := range f.Names {
			if id.Name == "_" {
				names = append(names, "")
				continue
			}
			names = append(names, id.Name)
		}
	}
	return names
}

// checkWildcardUse refuses parameters that bind nothing: one the before
// does not use (so that the after, or nothing, uses a value nobody
// matched).
func (r *Recipe) checkWildcardUse(errs *ErrorList) {
	fset := r.file.fset
	for _, w := range r.wildcards {
		if w.usesBefore > 0 {
			continue
		}
		name := w.name
		if name == "" {
			name = fmt.Sprintf("#%d", w.index+1)
		}
		if w.usesAfter > 0 {
			errs.errorf(fset, r.after.fn.Pos(), "%s uses parameter %s, which %s does not: nothing in the matched call binds it", r.after.fn.Name.Name, name, r.before.fn.Name.Name)
			continue
		}
		errs.errorf(fset, r.before.fn.Pos(), "parameter %s of %s is not used: each parameter is a wildcard the before pattern must bind", name, r.before.fn.Name.Name)
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// arityFits reports whether the call passes as many arguments as the
// before's call could match: as many, or with a variadic wildcard passed
// on last, at least as many as the others.
func (r *Recipe) arityFits(call *ast.CallExpr) bool {
	pattern, ok := ast.Unparen(r.before.expr).(*ast.CallExpr)
	if !ok {
		return true
	}
	n := len(pattern.Args)
	if n > 0 && pattern.Ellipsis.IsValid() {
		if w := r.before.uses[fn2ident(pattern.Args[n-1])]; w != nil && w.variadic {
			return len(call.Args) >= n-1
		}
	}
	return len(call.Args) == n
}
