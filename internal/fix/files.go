package fix

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
)

// file reads a file the first time a fix names it, and says whether it may
// be edited.
func (p *planner) file(name string) *fileState {
	if st := p.files[name]; st != nil {
		return st
	}
	st := &fileState{name: name}
	p.files[name] = st
	src, err := p.opts.ReadFile(name)
	switch {
	case err != nil:
		st.refused = "cannot read " + SafeName(name) + ": " + err.Error()
	case !p.inRoots(name):
		st.refused = SafeName(name) + " is outside the scanned modules"
	case strings.HasSuffix(name, ".go") && isGenerated(name, src):
		st.refused = SafeName(name) + " is generated"
	case p.opts.Refuse != nil:
		if why := p.opts.Refuse(name); why != "" {
			st.refused = why
		}
	}
	st.src = src
	return st
}

// isGenerated reports whether a Go file says it is generated, by the
// comment https://go.dev/s/generatedcode describes.
func isGenerated(name string, src []byte) bool {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly|parser.ParseComments)
	return err == nil && ast.IsGenerated(f)
}

// inRoots reports whether a file is in one of the roots, after symlinks.
func (p *planner) inRoots(name string) bool {
	file := resolved(name)
	for _, root := range p.opts.Roots {
		rel, err := filepath.Rel(resolved(root), file)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return true
		}
	}
	return false
}

// resolved is a name made absolute, with its symlinks resolved as far as
// they exist.
func resolved(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.Clean(name)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	dir, base := filepath.Split(abs)
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(r, base)
	}
	return abs
}
