package recipe

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"sync"

	"golang.org/x/tools/go/types/typeutil"
)

// A Set holds the recipes of one or more files, indexed by the function
// or method their patterns call. A call is tried against the recipes of
// its callee in the order of the files and of the recipes in each: the
// first that matches wins.
type Set struct {
	byKey map[string][]*Recipe
	n     int
	// lazy are recipes made on the first call of their callee (those of
	// replacements, whose use function is read from source): a run whose
	// code never calls a replaced function reads nothing for it.
	lazy map[string][]*lazyRecipes
}

// lazyRecipes are the recipes of one file made on first use.
type lazyRecipes struct {
	once    sync.Once
	make    func() *File
	recipes []*Recipe
}

func (l *lazyRecipes) get() []*Recipe {
	l.once.Do(func() {
		if f := l.make(); f != nil {
			l.recipes = f.Recipes
		}
	})
	return l.recipes
}

// addLazy adds the recipes make makes, for calls of the callee key, once
// one is tried.
func (s *Set) addLazy(key string, make func() *File) {
	if s.lazy == nil {
		s.lazy = map[string][]*lazyRecipes{}
	}
	s.lazy[key] = append(s.lazy[key], &lazyRecipes{make: make})
}

// NewSet indexes the recipes of files.
func NewSet(files ...*File) *Set {
	s := &Set{byKey: map[string][]*Recipe{}}
	for _, f := range files {
		for _, r := range f.Recipes {
			s.byKey[r.key] = append(s.byKey[r.key], r)
			s.n++
		}
	}
	return s
}

// Len is the number of recipes of files in the set (not counting those
// made on first use).
func (s *Set) Len() int { return s.n }

// A Refusal says why a call that a recipe's pattern matches gets no fix:
// the rewrite would change what the code does, or not compile.
type Refusal struct {
	Recipe *Recipe
	Reason string
}

func (e *Refusal) Error() string {
	return fmt.Sprintf("recipe %s matches, but %s", e.Recipe, e.Reason)
}

// Match tries the recipes of the call's callee on the call, a call in the
// target's file. It returns the first match; or, when no recipe matched
// but one's pattern did and its rewrite is unsafe there, a *Refusal that
// says why; or neither.
func (s *Set) Match(t *Target, call *ast.CallExpr) (*Match, error) {
	key := calleeKey(t.Info, call)
	if key == "" {
		return nil, nil
	}
	recipes := s.byKey[key]
	for _, l := range s.lazy[key] {
		recipes = append(slices.Clip(recipes), l.get()...)
	}
	var refusal error
	for _, r := range recipes {
		m, err := match(t, r, call)
		if m != nil {
			return m, nil
		}
		if err != nil && refusal == nil {
			refusal = err
		}
	}
	return nil, refusal
}

// Covers reports whether some recipe of the set is for the function or
// method the call calls: a cheap test, before a file is read to match.
func (s *Set) Covers(info *types.Info, call *ast.CallExpr) bool {
	key := calleeKey(info, call)
	if key == "" {
		return false
	}
	fits := func(rs []*Recipe) bool {
		return slices.ContainsFunc(rs, func(r *Recipe) bool { return r.arityFits(call) })
	}
	if fits(s.byKey[key]) {
		return true
	}
	for _, l := range s.lazy[key] {
		if fits(l.get()) {
			return true
		}
	}
	return false
}

// calleeKey indexes the call's callee as a recipe's key does: "path.Func"
// for a function, ".Method" for a method; "" for no function.
func calleeKey(info *types.Info, call *ast.CallExpr) string {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	if fn.Signature().Recv() == nil {
		return fn.Pkg().Path() + "." + fn.Name()
	}
	return "." + fn.Name()
}
