package fix

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strconv"
	"strings"
	"unicode"
)

// tidyImports makes the imports of a fixed Go file consistent with its
// uses, whatever subset of the fixes was applied (fixes made to go
// together may have been split by a conflict): an import that the edits
// delete but the file still uses is kept; an import they add that the file
// does not use is not added; an import the file used before and no
// longer does is deleted. Uses are judged from the syntax: the names that
// the file leaves unresolved.
func (p *planner) tidyImports(src []byte, edits []Edit, out []byte) ([]byte, error) {
	fset := token.NewFileSet()
	oldF, err := parser.ParseFile(fset, "old.go", src, parser.ParseComments)
	if err != nil {
		return out, nil // the file did not parse before the fixes: leave it to the parse check
	}
	oldUsed, oldSpecs := unresolved(oldF), p.specs(oldF)
	// A round can bring back imports deleted with one still in use; the
	// next judges them.
	for range 3 {
		newF, err := parser.ParseFile(fset, "new.go", out, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		newUsed, newSpecs := unresolved(newF), p.specs(newF)
		n := len(edits)
		changed := false
		for key, s := range oldSpecs {
			if _, kept := newSpecs[key]; !kept && newUsed[p.nameOf(s)] {
				edits = dropDeletions(edits, fset, s)
				changed = true
			}
		}
		for key, s := range newSpecs {
			if _, had := oldSpecs[key]; !had && !newUsed[p.nameOf(s)] {
				edits = dropAddition(edits, s.Path.Value)
				changed = true
			}
		}
		for key, s := range oldSpecs {
			if _, kept := newSpecs[key]; kept && oldUsed[p.nameOf(s)] && !newUsed[p.nameOf(s)] {
				if del, ok := deletion(fset, src, oldF, s); ok && !overlapsAny(del, edits[:n]) {
					edits = append(edits, del)
					changed = true
				}
			}
		}
		if !changed {
			return out, nil
		}
		out = apply(src, edits)
	}
	return out, nil
}

// specs are a file's imports by name as written and path.
func (p *planner) specs(f *ast.File) map[string]*ast.ImportSpec {
	m := map[string]*ast.ImportSpec{}
	for _, s := range f.Imports {
		name := ""
		if s.Name != nil {
			name = s.Name.Name
		}
		m[name+" "+s.Path.Value] = s
	}
	return m
}

// nameOf is the name an import declares ("." and "_" are never unused).
func (p *planner) nameOf(s *ast.ImportSpec) string {
	if s.Name != nil {
		if s.Name.Name == "." {
			return "_"
		}
		return s.Name.Name
	}
	ip, err := strconv.Unquote(s.Path.Value)
	if err != nil {
		return "_"
	}
	if p.opts.PackageName != nil {
		if n := p.opts.PackageName(ip); n != "" {
			return n
		}
	}
	return AssumedName(ip)
}

// unresolved is the set of names the parser could not resolve in the
// file: package qualifiers among them, and never a name a local
// declaration hides.
func unresolved(f *ast.File) map[string]bool {
	m := map[string]bool{"_": true}
	for _, id := range f.Unresolved {
		m[id.Name] = true
	}
	return m
}

// dropDeletions removes the edits that delete the import s (in the old
// file) without writing it again.
func dropDeletions(edits []Edit, fset *token.FileSet, s *ast.ImportSpec) []Edit {
	start, end := fset.Position(s.Pos()).Offset, fset.Position(s.End()).Offset
	var out []Edit
	for _, e := range edits {
		if e.Start <= start && end <= e.End && !strings.Contains(e.New, s.Path.Value) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// dropAddition removes the line of an inserted import of quoted path.
func dropAddition(edits []Edit, quoted string) []Edit {
	out := append([]Edit(nil), edits...)
	for i, e := range out {
		lines := strings.SplitAfter(e.New, "\n")
		for j, l := range lines {
			if strings.Contains(l, quoted) && strings.HasSuffix(l, "\n") {
				lines[j] = ""
			}
		}
		out[i].New = strings.Join(lines, "")
	}
	return out
}

// deletion is the edit that deletes the import s from the old file: its
// lines, or the whole declaration when it is the declaration's only one.
func deletion(fset *token.FileSet, src []byte, f *ast.File, s *ast.ImportSpec) (Edit, bool) {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gd.Specs {
			if spec != s {
				continue
			}
			from, to := ast.Node(s), ast.Node(s)
			if s.Comment != nil {
				to = s.Comment
			}
			if s.Doc != nil {
				from = s.Doc
			}
			if len(gd.Specs) == 1 {
				from, to = gd, gd
				if gd.Doc != nil {
					from = gd.Doc
				}
			}
			start := lineStartOf(src, fset.Position(from.Pos()).Offset)
			end := nextLineOf(src, fset.Position(to.End()).Offset)
			return Edit{Start: start, End: end}, true
		}
	}
	return Edit{}, false
}

func overlapsAny(e Edit, edits []Edit) bool {
	for _, o := range edits {
		if overlap(o, e) {
			return true
		}
	}
	return false
}

func lineStartOf(src []byte, off int) int {
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}

func nextLineOf(src []byte, off int) int {
	for off < len(src) && src[off] != '\n' {
		off++
	}
	if off < len(src) {
		off++
	}
	return off
}

// AssumedName is the package name an import path suggests, as goimports
// assumes it: the last element, without a major version suffix (/v5) or a
// go- prefix, up to the first character that cannot be in an identifier
// (yaml for gopkg.in/yaml.v3).
func AssumedName(importPath string) string {
	base := path.Base(importPath)
	if strings.HasPrefix(base, "v") {
		if _, err := strconv.Atoi(base[1:]); err == nil && path.Dir(importPath) != "." {
			base = path.Base(path.Dir(importPath))
		}
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexFunc(base, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }); i >= 0 {
		base = base[:i]
	}
	return base
}
