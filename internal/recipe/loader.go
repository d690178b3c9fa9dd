package recipe

import (
	"errors"
	"go/token"
	"strings"
	"sync"
)

// A Loader reads recipe files, and makes recipes of replacements, once per
// run: an analyzer instance holds one and asks it for the set of each
// package's configuration. The set of the same files and replacements is
// made once however many packages ask for it, so a package's analysis
// costs no parse of a recipe. It is safe for concurrent use.
type Loader struct {
	read func(string) ([]byte, error)

	mu   sync.Mutex
	sets map[string]*setEntry
}

type setEntry struct {
	once sync.Once
	set  *Set
	err  error
}

// NewLoader returns a loader that reads files with read (the project's
// opener of input files, which refuses what is not a regular file).
func NewLoader(read func(string) ([]byte, error)) *Loader {
	return &Loader{read: read, sets: map[string]*setEntry{}}
}

// A Request is what one configuration asks of the loader.
type Request struct {
	// Files are the recipe files, absolute.
	Files []string
	// Replacements are the configuration's; those whose use is a function
	// of the module give recipes too (synth.go). BaseDir and BasePath
	// locate the module: a directory and its import path.
	Replacements      []Replacement
	BaseDir, BasePath string
	// Libraries keys the JWT libraries in effect, which IsLibrary
	// matches: the same files read with other libraries are checked again.
	Libraries string
	IsLibrary func(importPath string) bool
}

func (r Request) key() string {
	var b strings.Builder
	for _, f := range r.Files {
		b.WriteString(f + "\x00")
	}
	b.WriteString("\x01" + r.Libraries + "\x01" + r.BaseDir + "\x00" + r.BasePath + "\x01")
	for _, rep := range r.Replacements {
		b.WriteString(rep.Symbol + "\x00" + rep.Use + "\x00")
	}
	return b.String()
}

// Load returns the set of the request's recipes: those of its files, in
// their order, then those made from its replacements. A recipe file that
// cannot be read or holds a bad recipe is an error naming the file, line
// and column of each problem; a replacement that gives no recipe is no
// error (its message still names the auth API). A request without files
// or replacements gives a nil set.
func (l *Loader) Load(req Request) (*Set, error) {
	if len(req.Files) == 0 && len(req.Replacements) == 0 {
		return nil, nil
	}
	l.mu.Lock()
	e := l.sets[req.key()]
	if e == nil {
		e = &setEntry{}
		l.sets[req.key()] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.set, e.err = l.load(req) })
	return e.set, e.err
}

func (l *Loader) load(req Request) (*Set, error) {
	fset := token.NewFileSet()
	opts := Options{IsLibrary: req.IsLibrary}
	var files []*File
	var errs []error
	for _, name := range req.Files {
		src, err := l.read(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := ParseFile(fset, name, src, opts)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, f)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s := NewSet(files...)
	for _, rep := range req.Replacements {
		if strings.Contains(rep.SymbolName, ".") || rep.SymbolName == "" {
			continue // a method or a package: no recipe (synthesize says why)
		}
		s.addLazy(rep.SymbolPkg+"."+rep.SymbolName, func() *File {
			decl, reason := findUse(rep, req.BaseDir, req.BasePath)
			if reason != "" {
				return nil
			}
			f, _ := synthesize(token.NewFileSet(), rep, decl, opts)
			return f
		})
	}
	if len(files) == 0 && len(s.lazy) == 0 {
		return nil, nil
	}
	return s, nil
}
