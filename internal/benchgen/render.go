package benchgen

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"text/template"
)

// The generated files are text/template files, written as the Go (or YAML,
// or go.mod) they produce:
//
//	templates/module/<path>.tmpl       the files every module has, at <path>
//	templates/service/<kind>.go.tmpl   a service package's <kind>.go; the data
//	                                   is a service
//
// Every template can call module, the generated module's path. The .go
// files are gofmt'd after rendering, so the templates need not align
// columns; TestTemplatesVet renders each one and vets the result.
//
//go:embed all:templates
var templateFS embed.FS

// templates holds every file under templates/, named by its path there
// ("service/model.go.tmpl").
var templates = template.Must(parseTemplates(templateFS))

func parseTemplates(fsys fs.FS) (*template.Template, error) {
	root := template.New("").Option("missingkey=error").Funcs(template.FuncMap{
		"module": func() string { return modulePath },
	})
	err := fs.WalkDir(fsys, "templates", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".tmpl") {
			return err
		}
		text, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		_, err = root.New(strings.TrimPrefix(name, "templates/")).Parse(string(text))
		return err
	})
	return root, err
}

// moduleTemplates lists the templates of the files every module has, in
// path order, with the path each one writes.
func moduleTemplates() (names, paths []string) {
	for _, t := range templates.Templates() {
		if strings.HasPrefix(t.Name(), "module/") {
			names = append(names, t.Name())
		}
	}
	slices.Sort(names)
	for _, name := range names {
		paths = append(paths, strings.TrimSuffix(strings.TrimPrefix(name, "module/"), ".tmpl"))
	}
	return names, paths
}

// modulePackages counts the Go packages under templates/module/: the auth
// module and the platform packages.
func modulePackages() int {
	dirs := map[string]bool{}
	_, paths := moduleTemplates()
	for _, p := range paths {
		if strings.HasSuffix(p, ".go") {
			dirs[path.Dir(p)] = true
		}
	}
	return len(dirs)
}

// render executes the template name with data.
func render(name string, data any) (string, error) {
	var b strings.Builder
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("templates/%s: %w", name, err)
	}
	return b.String(), nil
}

// service is what a service package's templates see.
type service struct {
	Name   string // package name: "invoice07"
	Word   string // entity word: "invoice"
	Entity string // entity type: "Invoice"
	Domain string // "billing"
	Dir    string // "svc/billing/invoice07"
	Mult   int    // Score's factor and
	Add    int    // addend, which differ per package
	Deps   []dep
	Fields []field
	JWT    forms
}

// dep is a service package that a service package imports: its entity holds
// a pointer to the dep's entity, and its Score adds the dep's.
type dep struct {
	Name, Word, Entity, Path string
	Rel                      string // the entity's field: "RelInvoice07"
	Step, Mod                int    // Score adds Name.Score(v+Step) % Mod
}

// forms are the package's JWT forms (the form bits of plan).
type forms struct{ Direct, Foreign, Hardcoded, Env bool }

func (p *pkg) service() *service {
	s := &service{
		Name: p.name, Word: p.word, Entity: p.entity, Domain: p.domain, Dir: p.dir,
		Mult: p.mult, Add: p.add, Fields: p.fields,
		JWT: forms{
			Direct:    p.jwt&formDirect != 0,
			Foreign:   p.jwt&formForeign != 0,
			Hardcoded: p.jwt&formHardcoded != 0,
			Env:       p.jwt&formEnv != 0,
		},
	}
	for i, d := range p.deps {
		s.Deps = append(s.Deps, dep{
			Name: d.name, Word: d.word, Entity: d.entity, Path: d.path(),
			Rel:  "Rel" + strings.ToUpper(d.name[:1]) + d.name[1:],
			Step: i + 1, Mod: 97 + i*4,
		})
	}
	return s
}

// Table is the store's SQL table.
func (s *service) Table() string { return s.Domain + "_" + s.Name }

// columns lists the SQL columns of the entity, in Scan order.
func (s *service) columns() []string {
	cols := []string{"id", "tenant_id", "status"}
	for _, f := range s.Fields {
		cols = append(cols, f.Key())
	}
	return append(cols, "created_at", "updated_at")
}

// ColumnList is the store's column list: "id, tenant_id, ...".
func (s *service) ColumnList() string { return strings.Join(s.columns(), ", ") }

// Placeholders are the upsert's parameters: "$1, $2, ...", one per column.
func (s *service) Placeholders() string {
	ps := make([]string, len(s.columns()))
	for i := range ps {
		ps[i] = "$" + strconv.Itoa(i+1)
	}
	return strings.Join(ps, ", ")
}

// UpsertSet updates every column but the key: "status = EXCLUDED.status, ...".
func (s *service) UpsertSet() string {
	var set []string
	for _, c := range s.columns()[2:] {
		set = append(set, c+" = EXCLUDED."+c)
	}
	return strings.Join(set, ", ")
}

// HasJSONFields reports whether the store encodes a field as JSON.
func (s *service) HasJSONFields() bool {
	for _, f := range s.Fields {
		if f.JSON() {
			return true
		}
	}
	return false
}

// ChecksUTF8 reports whether the batch check tests a string field for valid
// UTF-8: every string field but Reference, which has a pattern.
func (s *service) ChecksUTF8() bool {
	for _, f := range s.Fields {
		if f.Type == "string" && f.Name != "Reference" {
			return true
		}
	}
	return false
}
