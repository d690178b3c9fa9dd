package benchgen

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
)

// modulePath is the generated module's path.
const modulePath = "example.com/mono"

// Options are the command's flags: what Generate writes, and where.
type Options struct {
	Out      string  // -out: the directory to write the module into
	Packages int     // -packages: the number of service packages, at least 1
	JWTShare float64 // -jwt-share: the percentage of service packages with JWT code
	Seed     uint64  // -seed: the same seed writes the same module
	Force    bool    // -force: replace the content of a non-empty Out
	Root     string  // -root: the jwtssot repository, whose StubDir the module gets
}

// Summary is what the command prints: the size of the module and the
// findings a jwtssot run should report.
type Summary struct {
	packages    int // service packages
	allPackages int // with the auth and platform packages
	jwtPackages int
	files       int // .go files of the module, not of the stub library
	lines       int
	layers      int
	planted     findings
}

// findings counts diagnostics by rule.
type findings struct {
	imports, calls, secrets, access int
}

func (f *findings) add(g findings) {
	f.imports += g.imports
	f.calls += g.calls
	f.secrets += g.secrets
	f.access += g.access
}

func (f findings) total() int { return f.imports + f.calls + f.secrets + f.access }

// String renders s on one line, as benchgen prints it.
func (s Summary) String() string {
	return fmt.Sprintf("benchgen: %d service packages (%d in all, %d layers), %d with JWT code; %d files, %d lines; "+
		"expected violations %d (import %d, call %d, hardcoded-secret %d, secret-access %d)",
		s.packages, s.allPackages, s.layers, s.jwtPackages, s.files, s.lines,
		s.planted.total(), s.planted.imports, s.planted.calls, s.planted.secrets, s.planted.access)
}

// Generate writes the module o describes into o.Out.
func Generate(o Options) (Summary, error) {
	if o.Packages < 1 {
		return Summary{}, errors.New("-packages must be at least 1")
	}
	if !(o.JWTShare >= 0 && o.JWTShare <= 100) { // NaN too
		return Summary{}, errors.New("-jwt-share must be between 0 and 100")
	}
	stub, err := readStub(o.Root)
	if err != nil {
		return Summary{}, err
	}
	if err := prepareDir(o.Out, o.Force); err != nil {
		return Summary{}, err
	}
	return write(o.Out, stub, plan(o))
}

// write writes the module of the service packages pkgs, with the JWT
// library's stub, into the empty directory dir.
func write(dir string, stub []stubFile, pkgs []*pkg) (Summary, error) {
	w := &writer{root: dir}
	names, paths := moduleTemplates()
	for i, name := range names {
		w.template(paths[i], name, nil)
	}
	for _, f := range stub {
		w.raw("third_party/jwt/"+f.name, string(f.data))
	}
	s := Summary{packages: len(pkgs), allPackages: len(pkgs) + modulePackages(), layers: layers(len(pkgs))}
	for _, p := range pkgs {
		if p.jwt != 0 {
			s.jwtPackages++
		}
		svc := p.service()
		for _, k := range p.kinds() {
			w.template(filepath.Join(p.dir, k+".go"), "service/"+k+".go.tmpl", svc)
		}
		s.planted.add(p.planted())
	}
	if w.err != nil {
		return Summary{}, w.err
	}
	s.files, s.lines = w.files, w.lines
	return s, nil
}

// prepareDir makes dir an empty directory.
func prepareDir(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0 && !force:
		return fmt.Errorf("%s is not empty (use -force to replace its content)", dir)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// writer writes files under root and counts the module's Go files and lines.
type writer struct {
	root         string
	files, lines int
	err          error
}

func (w *writer) raw(rel, content string) {
	if w.err != nil {
		return
	}
	path := filepath.Join(w.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(path, []byte(content), 0o644)
}

// template renders the template name with data into rel. A .go file is
// gofmt'd, so that a template mistake fails here with the file's name, and
// counted; any other file is written as rendered.
func (w *writer) template(rel, name string, data any) {
	if w.err != nil {
		return
	}
	src, err := render(name, data)
	if err != nil {
		w.err = err
		return
	}
	if !strings.HasSuffix(rel, ".go") {
		w.raw(rel, src)
		return
	}
	out, err := format.Source([]byte(src))
	if err != nil {
		w.err = fmt.Errorf("generated %s (templates/%s) does not parse: %w", rel, name, err)
		return
	}
	w.files++
	w.lines += bytes.Count(out, []byte("\n"))
	w.raw(rel, string(out))
}
