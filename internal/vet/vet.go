// Package vet speaks go vet's protocol for one analyzer: the go command runs
// the tool once per package, with a JSON config naming the package's files,
// its dependencies' compiled export data and the files (vetx) in which the
// tool left each dependency's facts.
//
// x/tools' unitchecker speaks the same protocol, but since it type-checks
// every package it is run on from source and writes its types into the
// vetx file, the go command must run it on every dependency, the standard
// library included: a first go vet of a small module cost 200 processes that
// each type-checked a standard package. jwtssot's facts are only about the
// scanned modules' packages, so this driver type-checks a package only when
// it is one of them, against the compiler's export data of its imports, and
// writes facts alone in its vetx files; for any other package it writes an
// empty vetx file and returns at once.
//
// Main is the whole protocol, which the jwtssot command only dispatches to
// (IsInvocation): it answers the go command's -V=full with an ID that
// covers the config files in effect and -flags with the flags, refuses
// once per run a bad analyzer flag or one whose file go vet's cache key
// cannot hold (protocol.go), and runs the analyzer on the package of the
// .cfg file (Run), applying its fixes for go fix (fix.go).
package vet

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"

	"github.com/jwtssot/jwtssot/internal/driver"
	"github.com/jwtssot/jwtssot/internal/inputfile"
	"github.com/jwtssot/jwtssot/internal/typesinfo"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// Config is the go command's vet config (cmd/go/internal/work.vetConfig),
// the fields this driver reads: a plain record, as the go command writes it.
type Config struct {
	ID                        string
	Compiler                  string
	Dir                       string
	ImportPath                string
	GoFiles                   []string
	NonGoFiles                []string
	IgnoredFiles              []string
	ModulePath                string
	ModuleVersion             string
	ImportMap                 map[string]string
	PackageFile               map[string]string
	Standard                  map[string]bool
	PackageVetx               map[string]string
	VetxOnly                  bool
	VetxOutput                string
	Stdout                    string
	GoVersion                 string
	SucceedOnTypecheckFailure bool
	// FixArchive is where go fix wants the fixed files, as a zip archive
	// (fix.go).
	FixArchive string
}

// Options are go vet's own flags, which the go command passes through.
type Options struct {
	JSON    bool
	Context int  // -c: lines of context around a diagnostic, -1 for none
	Fix     bool // -fix: apply the fixes instead of printing the diagnostics (fix.go)
	Diff    bool // -diff: with -fix, print the fixes as a unified diff
}

// Flags declares go vet's flags and the analyzer's (prefixed with its name)
// on fs, as unitchecker does, so that -flags lists the same names.
func Flags(fs *flag.FlagSet, a *analysis.Analyzer, o *Options) {
	fs.Bool("V", false, "print version and exit")
	fs.Bool("all", false, "no effect (deprecated)")
	fs.IntVar(&o.Context, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&o.Diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.Bool("flags", false, "print analyzer flags in JSON")
	fs.BoolVar(&o.JSON, "json", false, "emit JSON output")
	fs.BoolVar(&o.Fix, "fix", false, "apply the suggested fixes (those of the migration recipes)")
	fs.Bool(a.Name, true, fmt.Sprintf("enable %q analysis", a.Name))
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, a.Name+"."+f.Name, f.Usage) })
}

// PrintFlags writes the flags in JSON, for the go command's -flags query.
func PrintFlags(w io.Writer, fs *flag.FlagSet) error {
	type jsonFlag struct {
		Name  string
		Bool  bool
		Usage string
	}
	var flags []jsonFlag
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "fix" {
			return
		}
		b, ok := f.Value.(interface{ IsBoolFlag() bool })
		flags = append(flags, jsonFlag{f.Name, ok && b.IsBoolFlag(), f.Usage})
	})
	data, err := json.MarshalIndent(flags, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// vetConfig is the kind of file the go command gives a vet tool: its
// JSON config, which lists a package's files (a package of thousands of
// files stays far below the limit).
var vetConfig = inputfile.Kind{Noun: "vet config file", Is: "a JSON file", MaxSize: 64 << 20, MaxText: "64 MiB"}

// ReadConfig reads a vet config file, through the one opener of input
// files: a name that is no regular file (a named pipe given by hand) is
// refused, never waited on.
func ReadConfig(name string) (*Config, error) {
	data, err := vetConfig.Read(name)
	if err != nil {
		return nil, err
	}
	cfg := new(Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode JSON config file %s: %w", name, err)
	}
	if len(cfg.GoFiles) == 0 {
		return nil, fmt.Errorf("package has no files: %s", cfg.ImportPath)
	}
	return cfg, nil
}

// scanned reports whether the package is one of the scanned modules'
// packages: not of the standard library (in GOROOT) nor of a dependency
// module (which has a version).
func scanned(cfg *Config) bool {
	if cfg.ModuleVersion != "" {
		return false
	}
	goroot := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return !strings.HasPrefix(cfg.Dir+string(filepath.Separator), goroot)
}

// An AnalysisError is the analyzer's own failure on a package (a bad
// config), as opposed to a package that does not type-check.
type AnalysisError struct{ Err error }

func (e *AnalysisError) Error() string { return e.Err.Error() }
func (e *AnalysisError) Unwrap() error { return e.Err }

// Run analyzes the package of cfg, writes its vetx file, and prints the
// diagnostics of a package that is not VetxOnly to stdout (JSON) or stderr
// (text). It returns the exit status the go command expects: 1 when text
// diagnostics were printed or the package failed, else 0.
func Run(a *analysis.Analyzer, cfg *Config, o Options, stdout, stderr io.Writer) (int, error) {
	driver.Register(a)
	facts := driver.NewFacts()
	if !scanned(cfg) {
		return 0, writeVetx(cfg, facts)
	}
	fset := token.NewFileSet()
	pkg, files, info, err := typeCheck(fset, cfg)
	if err != nil {
		if cfg.SucceedOnTypecheckFailure {
			return 0, writeVetx(cfg, facts)
		}
		return 1, err
	}
	for _, vetx := range sortedValues(cfg.PackageVetx) {
		data, err := os.ReadFile(vetx)
		if err != nil {
			return 1, fmt.Errorf("reading facts: %w", err)
		}
		if err := facts.Decode(data); err != nil {
			return 1, fmt.Errorf("reading facts from %s: %w", vetx, err)
		}
	}
	res, err := facts.Run(a, &driver.Package{
		Fset: fset, Files: files, Types: pkg, TypesInfo: info, Sizes: types.SizesFor("gc", build.Default.GOARCH),
		Module:     &analysis.Module{Path: cfg.ModulePath, Version: cfg.ModuleVersion, GoVersion: cfg.GoVersion},
		OtherFiles: cfg.NonGoFiles, IgnoredFiles: cfg.IgnoredFiles,
	})
	if err != nil {
		return 1, &AnalysisError{err}
	}
	if err := writeVetx(cfg, facts); err != nil {
		return 1, err
	}
	if cfg.VetxOnly {
		return 0, nil
	}
	if o.Fix {
		return 0, applyFixes(cfg, o, fset, res.Diagnostics, stdout, stderr)
	}
	if o.JSON {
		return 0, printJSON(stdout, fset, cfg.ID, a.Name, res.Diagnostics)
	}
	for _, d := range res.Diagnostics {
		printPlain(stderr, fset, o.Context, d)
	}
	if len(res.Diagnostics) > 0 {
		return 1, nil
	}
	return 0, nil
}

func sortedValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// writeVetx writes the facts for the package's importers; the go command
// caches the file with the package's vet result.
func writeVetx(cfg *Config, facts *driver.Facts) error {
	if cfg.VetxOutput == "" {
		return nil
	}
	data, err := facts.Encode()
	if err != nil {
		return fmt.Errorf("writing facts: %w", err)
	}
	return os.WriteFile(cfg.VetxOutput, data, 0o666)
}

// typeCheck parses the package's files and type-checks them against the
// compiler's export data of their imports.
func typeCheck(fset *token.FileSet, cfg *Config) (*types.Package, []*ast.File, *types.Info, error) {
	var files []*ast.File
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, nil, err
		}
		files = append(files, f)
	}
	imports := map[string]*types.Package{}
	importer := typesinfo.Importer(func(path string) (*types.Package, error) {
		resolved, ok := cfg.ImportMap[path]
		if !ok {
			resolved = path
		}
		if resolved == "unsafe" {
			return types.Unsafe, nil
		}
		if p, ok := imports[resolved]; ok && p.Complete() {
			return p, nil
		}
		file, ok := cfg.PackageFile[resolved]
		if !ok {
			return nil, fmt.Errorf("no export data for %q", resolved)
		}
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer func() { _ = f.Close() }()    // read only
		r, err := gcexportdata.NewReader(f) //nolint:staticcheck // reads compiler archives as the go command writes them
		if err != nil {
			return nil, fmt.Errorf("reading export data of %s: %w", resolved, err)
		}
		return gcexportdata.Read(r, fset, imports, resolved)
	})
	info := typesinfo.New()
	tc := &types.Config{
		Importer:  importer,
		Sizes:     types.SizesFor("gc", build.Default.GOARCH),
		GoVersion: cfg.GoVersion,
	}
	pkg, err := tc.Check(cfg.ImportPath, fset, files, info)
	if err != nil {
		return nil, nil, nil, err
	}
	return pkg, files, info, nil
}

// printJSON writes the diagnostics as go vet -json does: a tree keyed by
// the package's ID and the analyzer's name, each diagnostic with its
// suggested fixes (a call a migration recipe rewrites), their edits as
// byte offsets in their files, as x/tools' unitchecker writes them.
func printJSON(w io.Writer, fset *token.FileSet, id, name string, diags []analysis.Diagnostic) error {
	type jsonDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
	}
	tree := map[string]map[string]any{}
	if len(diags) > 0 {
		list := make([]jsonDiagnostic, 0, len(diags))
		for _, d := range diags {
			list = append(list, jsonDiagnostic{
				Category:       d.Category,
				Posn:           fset.Position(d.Pos).String(),
				End:            fset.Position(cmp.Or(d.End, d.Pos)).String(),
				Message:        d.Message,
				SuggestedFixes: suggestedFixesJSON(fset, d.SuggestedFixes),
			})
		}
		tree[id] = map[string]any{name: list}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// printPlain writes a diagnostic as go vet does, with context lines.
func printPlain(w io.Writer, fset *token.FileSet, context int, d analysis.Diagnostic) {
	posn := fset.Position(d.Pos)
	// Shown with visible: a message quotes config text (a replacement's
	// use) and a file name may hold anything, but a finding is one line.
	fmt.Fprintf(w, "%s: %s\n", visible.Text(posn.String()), visible.Text(d.Message))
	if context < 0 {
		return
	}
	end := fset.Position(d.End)
	if !end.IsValid() {
		end = posn
	}
	data, _ := os.ReadFile(posn.Filename)
	lines := bytes.Split(data, []byte("\n"))
	for i := posn.Line - context; i <= end.Line+context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, visible.Code(string(lines[i-1])))
		}
	}
}

// jsonSuggestedFix and jsonTextEdit are a suggested fix as go vet -json
// writes it (x/tools' analysisflags.JSONSuggestedFix).
type jsonSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"` // byte offsets
	End      int    `json:"end"`
	New      string `json:"new"`
}

func suggestedFixesJSON(fset *token.FileSet, fixes []analysis.SuggestedFix) []jsonSuggestedFix {
	var out []jsonSuggestedFix
	for _, f := range fixes {
		jf := jsonSuggestedFix{Message: f.Message}
		for _, e := range f.TextEdits {
			start := fset.Position(e.Pos)
			jf.Edits = append(jf.Edits, jsonTextEdit{Filename: start.Filename, Start: start.Offset,
				End: fset.Position(cmp.Or(e.End, e.Pos)).Offset, New: string(e.NewText)})
		}
		out = append(out, jf)
	}
	return out
}
