package recipe

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A Set holds the recipes of one or more files, indexed by the function
// or method their patterns call. A call is tried against the recipes of
// its callee in the order of the files and of the recipes in each: the
// first that matches wins.
type Set struct {
	byKey map[string][]*Recipe
	n     int
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

// Len is the number of recipes in the set.
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
	fn, _ := typeutil.Callee(t.Info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil, nil
	}
	key := "." + fn.Name()
	if fn.Signature().Recv() == nil {
		key = fn.Pkg().Path() + "." + fn.Name()
	}
	var refusal error
	for _, r := range s.byKey[key] {
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
