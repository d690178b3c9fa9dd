package load

import "golang.org/x/tools/go/packages"

// DependsOn returns a function that reports whether p imports the package
// of a path, directly or not: what a driver gives an analysis pass so that
// AllPackageFacts holds the facts of p's dependencies only. The closure of
// p's imports is walked on the first question, then kept.
func DependsOn(p *packages.Package) func(path string) bool {
	var deps map[string]bool
	return func(path string) bool {
		if deps == nil {
			deps = map[string]bool{}
			var visit func(*packages.Package)
			visit = func(q *packages.Package) {
				for _, imp := range q.Imports {
					if !deps[imp.PkgPath] {
						deps[imp.PkgPath] = true
						visit(imp)
					}
				}
			}
			visit(p)
		}
		return deps[path]
	}
}
