// Package recipe reads migration recipes written in Go, matches them
// against the calls of a type-checked package, and turns each match into
// an analysis.SuggestedFix.
//
// # Recipe files
//
// A recipe file is a Go file that compiles, with pairs of functions: a
// before, which shows the code to replace, and an after, which shows what
// replaces it. Keep it out of the build with //go:build ignore:
//
//	//go:build ignore
//
//	package recipes
//
//	import (
//		"example.com/app/internal/auth"
//		"github.com/golang-jwt/jwt/v5"
//	)
//
//	func beforeParse(s string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(s, kf) }
//	func afterParse(s string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.ParseToken(s) }
//
// The two functions of a pair are named before and after followed by the
// same name, which is empty or starts with an upper-case letter, a digit
// or an underscore (beforeParse and afterParse; before and after); other
// declarations of the file are ignored. Their signatures must be the same
// types, parameter by parameter and result by result; the parameters'
// names may differ. Each body is a single statement: a return of one
// expression (a call returning all the results counts as one), or, for a
// pair without results, an expression statement.
//
// # Wildcards
//
// A parameter is a wildcard: in the before it matches any expression of a
// type assignable to the parameter's, and in the after it stands for what
// it matched. Parameters pair by position, so the after may name them
// differently. A variadic parameter (o ...jwt.ParserOption) passed on
// last with o... matches whatever arguments remain: none, several, or one
// slice spread with ...; the after passes them on as they were.
//
// # What a before may be
//
// The before's expression must be a call of a JWT library's function
// (jwt.Parse, generic ones with or without type arguments) or method: a
// method called on a parameter of a library type (t.SignedString(k)), or
// on the result of a library call (jwt.NewParser().Parse(s, kf)). Inside
// it, every name is a parameter, a name of an imported package or a
// predeclared one: the code the recipe rewrites cannot see the recipe
// file's own declarations. A recipe is refused, with the file, line and
// column and the reason, when its pair differs in type; when a before has
// no after or an after no before; when a body is not a single return or
// expression statement; when a before is not a call of a library symbol,
// calls a parameter, or holds a function literal (a recipe rewrites
// expressions, not statements; an after may not hold one either, whose
// local names could capture the code's); when a parameter binds nothing
// (unused in the before); when a type cannot be resolved from the syntax
// (an interface or struct literal type: name the type); when it is a
// generic function or a method; when the file dot-imports a package.
//
// # Matching
//
// A call matches when the function or method it calls is the pattern's
// (the same object, by import path: a renamed or dot import, or a local
// variable named jwt, changes nothing), each wildcard's argument has a type
// assignable to the wildcard's, and the rest of the pattern is the same:
// names by the object they denote, constants by value (jwt.WithAudience(aud)
// matches jwt.WithAudience("api") when aud is the constant "api"), types by
// identity, type arguments written or inferred. A method on a wildcard
// matches the very method its type has; on an interface type, any method
// the call dispatches to, so a recipe on jwt.Claims matches c.GetSubject()
// on jwt.MapClaims. Go's implicit & and * on a method's receiver are made
// explicit: with t of type jwt.Token, t.SignedString(k) matches a recipe
// on *jwt.Token and the after gets &t. The call's results must have the
// recipe's result types; a recipe without results matches only a call
// whose results are discarded, a statement of its own.
//
// # What a rewrite may change
//
// A fix must not change what the code does. Three rules follow, checked
// at each match; a match that breaks one gets no fix, and the reason:
//
//   - A wildcard used twice in a before matches only where both places hold
//     the same side-effect-free expression (the same variable, constant or
//     field path): jwt.F(next(), next()) may see two different values, and
//     never matches a pattern F(x, x).
//   - An after that drops a wildcard, or uses it more than once, is applied
//     only where what the wildcard matched is free of side effects, since
//     the rewrite would evaluate it never or twice.
//   - Bindings with side effects must keep their order.
//
// Free of side effects are: a name; a literal, function literals included
// (making a closure runs nothing); a field or qualified name of such; a
// composite literal, an address (&x), a conversion, a unary or binary
// operation of such. A call, a receive and a type assertion (which may
// panic) are not.
//
// # Fixes
//
// Fixes computes the fixes of all the matches of one file at once. The
// after's text is the recipe's, its wildcards replaced by the text they
// matched (comments and all, moved to the new indentation, parenthesized
// where the after's operators bind tighter), its package qualifiers by the
// file's: an import of the package the file has (unless a local
// declaration hides its name at the call), or a new import, named as the
// package unless the name is taken in the file, then numbered (auth2). An
// import whose every use the file's fixes remove is deleted, and each fix
// that removes one of its uses carries the same deletion: the fixes are
// made to be applied together, as jwtssot -fix and golangci-lint --fix do.
// A fix that would leave a local variable unused (the only reads of a key
// were in a dropped function literal) is refused. A match inside another
// match's call gets the outer call's fix, which rewrites both. Every edit
// is one gofmt leaves as it is.
//
// # Two layers
//
// ParseFile checks a recipe file from its syntax alone, with each package
// qualifier resolved to its import path: that is all an analysis pass
// needs, and all it can have under go vet, where only the scanned
// package's dependencies have export data. File.Check (with an importer)
// and File.Load (with go/packages) add the type check, which reports what
// the syntax cannot show: a body that does not compile, an after of
// another type than its before, a before that converts rather than calls.
package recipe
