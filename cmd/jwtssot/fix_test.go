package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/txtar"

	"github.com/jwtssot/jwtssot/internal/txtartest"
)

// The end-to-end tests of -fix: on copies of the demo and of corpora, each
// with recipes for its scattered pattern, jwtssot -fix must leave a module
// that builds and vets, whose re-scan reports none of the fixed findings
// and every other one; a second -fix must change nothing; go fix
// -fixtool=jwtssot (and golangci-lint --fix, when JWTSSOT_GOLANGCI_LINT
// names a build with the plugin) must write the same files.

// fixReport is the part of the JSON report the fix tests read.
type fixReport struct {
	Violations []fixViolation
	Summary    struct{ Fixable, Unfixable int }
}

type fixViolation struct {
	Rule, File, Function, Symbol, Message string
	Line, Column                          int
	Fix                                   *struct {
		Message string
		Edits   []fixEdit
	}
	NoFix string `json:"no_fix"`
}

type fixEdit struct {
	File         string
	Line, Column int
	EndLine      int `json:"end_line"`
	EndColumn    int `json:"end_column"`
	New          string
}

func scanJSON(t *testing.T, dir string) fixReport {
	t.Helper()
	r := jwtssot(t, dir, "-format", "json", "./...")
	if r.code > 1 {
		t.Fatalf("scan: exit %d\n%s", r.code, r.stderr)
	}
	var rep fixReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("JSON report: %v\n%s", err, r.stdout)
	}
	return rep
}

// key is what identifies a finding across a rewrite that moves lines and
// changes the code around it: its rule, file and function.
func (v fixViolation) key() string { return v.Rule + " " + v.File + " " + v.Function }

// inside reports whether the finding starts in the text one of the edits
// replaces: the rewrite removes it with that text (a keyfunc's secret
// read, an import the fixes delete).
func (v fixViolation) inside(edits []fixEdit) bool {
	before := func(l1, c1, l2, c2 int) bool { return l1 < l2 || l1 == l2 && c1 < c2 }
	for _, e := range edits {
		if e.File == v.File && !before(v.Line, v.Column, e.Line, e.Column) && before(v.Line, v.Column, e.EndLine, e.EndColumn) {
			return true
		}
	}
	return false
}

// snapshot reads every file of a tree, by its path in the tree.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameTree fails the test where two trees differ.
func sameTree(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s is missing", what, name)
		} else if g != w {
			t.Errorf("%s: %s differs:\n%s\nwant:\n%s", what, name, g, w)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s is new", what, name)
		}
	}
}

// corpusWithRecipes extracts a corpus and adds, as a migration would, the
// auth module's API its recipes call (a file of the auth package), the
// recipes of its scattered pattern, the subject read from claims, and a
// replacement whose use needs no recipe (a claim's time).
func corpusWithRecipes(name, module string) func(t *testing.T) string {
	return func(t *testing.T) string {
		dir := txtartest.Extract(t, filepath.Join("..", "..", "testdata", "corpus", name+".txtar"))
		writeFile(t, filepath.Join(dir, "internal", "auth", "migration.go"), `package auth

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Subject reads the subject of a token's claims.
func Subject(c jwt.Claims) (string, error) { return c.GetSubject() }

// NumericDate is a claim's time, to the second.
func NumericDate(t time.Time) *jwt.NumericDate { return jwt.NewNumericDate(t) }
`)
		writeFile(t, filepath.Join(dir, "tools", "recipes.go"), `//go:build ignore

package recipes

import (
	"`+module+`/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

func beforeSubject(c jwt.Claims) (string, error) { return c.GetSubject() }
func afterSubject(c jwt.Claims) (string, error)  { return auth.Subject(c) }
`)
		cfg, err := os.ReadFile(filepath.Join(dir, ".jwtssot.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, ".jwtssot.yaml"), string(cfg)+`recipes: [./tools/recipes.go]
replacements:
  - symbol: github.com/golang-jwt/jwt/v5.NewNumericDate
    use: `+module+`/internal/auth.NumericDate
`)
		return dir
	}
}

// demoCopy is a copy of examples/demo, which ships its recipes.
func demoCopy(t *testing.T) string {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "examples", "demo"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFixEndToEnd is the "done when": -fix on the demo and on two
// corpora, each with the recipes of its scattered pattern.
func TestFixEndToEnd(t *testing.T) {
	t.Parallel()
	gcl := os.Getenv("JWTSSOT_GOLANGCI_LINT")
	for _, tc := range []struct {
		name     string
		setup    func(t *testing.T) string
		minFixed int
	}{
		{"demo", demoCopy, 5},
		{"fleet", corpusWithRecipes("fleet", "example.com/fleet"), 5},
		{"shopapi", corpusWithRecipes("shopapi", "example.com/shopapi"), 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := tc.setup(t)
			before := scanJSON(t, dir)
			var edits []fixEdit
			var fixedFindings []fixViolation
			for _, v := range before.Violations {
				if v.Fix != nil {
					fixedFindings = append(fixedFindings, v)
					edits = append(edits, v.Fix.Edits...)
				}
			}
			if len(fixedFindings) < tc.minFixed || before.Summary.Fixable != len(fixedFindings) {
				t.Fatalf("%d findings with a fix (summary: %d), want at least %d", len(fixedFindings), before.Summary.Fixable, tc.minFixed)
			}

			r := jwtssot(t, dir, "-fix", "./...")
			if r.code != 0 || !strings.Contains(r.stderr, fmt.Sprintf("fixed %d findings", len(fixedFindings))) {
				t.Fatalf("-fix: exit %d, want 0 and every finding with a fix fixed\n%s", r.code, r.stderr)
			}
			for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
				if out := runIn(t, dir, nil, "go", args...); out.code != 0 {
					t.Fatalf("go %s after -fix: exit %d\n%s%s", strings.Join(args, " "), out.code, out.stdout, out.stderr)
				}
			}

			// The re-scan: every finding but those fixed and those in the
			// text the fixes replaced, and nothing else.
			var want []string
			for _, v := range before.Violations {
				if v.Fix == nil && !v.inside(edits) {
					want = append(want, v.key())
				}
			}
			var got []string
			after := scanJSON(t, dir)
			for _, v := range after.Violations {
				got = append(got, v.key())
				if v.Fix != nil {
					t.Errorf("after -fix, %s:%d still has a fix", v.File, v.Line)
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("re-scan after -fix:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}

			fixedTree := snapshot(t, dir)
			r = jwtssot(t, dir, "-fix", "./...")
			if r.code != 0 || !strings.Contains(r.stderr, "no fixes to apply") {
				t.Errorf("a second -fix: exit %d\n%s", r.code, r.stderr)
			}
			sameTree(t, "a second -fix", snapshot(t, dir), fixedTree)

			other := tc.setup(t)
			if out := runIn(t, other, []string{"GOWORK=off"}, "go", "fix", "-fixtool="+os.Args[0], "./..."); out.code != 0 {
				t.Fatalf("go fix -fixtool: exit %d\n%s%s", out.code, out.stdout, out.stderr)
			}
			sameTree(t, "go fix -fixtool", snapshot(t, other), fixedTree)

			if gcl != "" {
				third := tc.setup(t)
				if _, errOut, code := golangciRun(t, gcl, third, nil, []string{"--fix", "./..."}); code > 1 {
					t.Fatalf("golangci-lint --fix: exit %d\n%s", code, errOut)
				}
				sameTree(t, "golangci-lint --fix", snapshot(t, third), fixedTree)
			}
		})
	}
}

// TestDocsQuoteRecipeErrors: each recipe error docs/config.md quotes (a
// line of a text block naming a Go file's line and column) is one the
// command-line script fix.txtar gets; TestDocsErrorQuotes does not look
// for a Go file's position.
func TestDocsQuoteRecipeErrors(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "script", "fix.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var golden []string
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".golden") {
			for _, line := range strings.Split(string(f.Data), "\n") {
				golden = append(golden, strings.TrimPrefix(line, "jwtssot: "))
			}
		}
	}
	position := regexp.MustCompile(`^[\w./-]+\.go:\d+:\d+: `)
	quoted := 0
	for _, b := range readDoc(t, "docs/config.md").blocks {
		for _, line := range b.text {
			if b.lang != "text" || !position.MatchString(line) {
				continue
			}
			quoted++
			if !slices.Contains(golden, line) {
				t.Errorf("docs/config.md quotes a recipe error fix.txtar does not get: %s", line)
			}
		}
	}
	if quoted == 0 {
		t.Error("docs/config.md quotes no recipe error: the check reads it wrong")
	}
}

// TestFixRefusals: -fix edits only what it may (testdata/modules/
// refusals.txtar): never the auth package, a generated file, a package
// that does not compile (exit status 3, said on stderr), nor a file two
// packages would fix differently (each fix reported, neither applied); a
// test file's name taken by a new import makes it auth2, and the package
// and its tests still build.
func TestFixRefusals(t *testing.T) {
	t.Parallel()
	dir := extract(t, "refusals")
	linked := os.Symlink(filepath.Join("..", "a", "claims.go"), filepath.Join(dir, "shared", "b", "claims.go")) == nil
	before := snapshot(t, dir)
	// The report says which call a recipe matches without a fix, and why.
	var rep fixReport
	if scan := jwtssot(t, dir, "-format", "json", "./..."); json.Unmarshal([]byte(scan.stdout), &rep) != nil {
		t.Fatalf("JSON report (exit %d):\n%s\n%s", scan.code, scan.stdout, scan.stderr)
	}
	var unfixed []string
	for _, v := range rep.Violations {
		if v.NoFix != "" {
			unfixed = append(unfixed, fmt.Sprintf("%s:%d: %s", v.File, v.Line, v.NoFix))
		}
	}
	wantUnfixed := []string{"lazy/lazy.go:11: recipe beforeParse/afterParse matches, but afterParse drops kf, and `keyfunc()` may have side effects"}
	if !slices.Equal(unfixed, wantUnfixed) || rep.Summary.Unfixable != 1 {
		t.Errorf("no_fix: %q, summary unfixable %d; want %q, 1", unfixed, rep.Summary.Unfixable, wantUnfixed)
	}
	r := jwtssot(t, dir, "-fix", "./...")
	if r.code != 3 {
		t.Fatalf("-fix: exit %d, want 3 (a package does not compile)\n%s", r.code, r.stderr)
	}
	after := snapshot(t, dir)
	var changed []string
	for name, text := range before {
		if after[name] != text {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	if want := []string{"ok/ok.go", "variants/variants.go"}; !slices.Equal(changed, want) {
		t.Errorf("-fix changed %q, want %q", changed, want)
	}
	if !strings.Contains(after["variants/variants.go"], `auth2 "example.com/mig/internal/auth"`) {
		t.Errorf("variants/variants.go imports the auth module as:\n%s", after["variants/variants.go"])
	}
	wantErr := []string{
		"jwtssot: package example.com/mig/broken could not be checked, and none of its files was fixed: broken/broken.go:9:15: undefined: undefined",
		"jwtssot: lazy/lazy.go:11:14: no fix: recipe beforeParse/afterParse matches, but afterParse drops kf, and `keyfunc()` may have side effects",
	}
	if linked {
		wantErr = append(wantErr,
			"jwtssot: fix of shared/a/claims.go:8:14 (call of (jwt.MapClaims).GetSubject) not applied: the file is in another package too, whose fix of the same call differs",
			"jwtssot: fix of shared/b/claims.go:8:14 (call of (jwt.MapClaims).GetSubject) not applied: the file is in another package too, whose fix of the same call differs",
			"jwtssot: fixed 2 findings in 2 files; 2 fixes not applied (above); 1 call that a recipe matches left as written (above)")
	} else {
		wantErr = append(wantErr, "jwtssot: fixed 2 findings in 2 files; 1 call that a recipe matches left as written (above)")
	}
	for _, w := range wantErr {
		if !strings.Contains(r.stderr, w+"\n") {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
	for _, args := range [][]string{{"build", "./ok", "./variants", "./shared/...", "./lazy"}, {"vet", "./ok", "./variants"}} {
		if out := runIn(t, dir, []string{"GOWORK=off", "GOFLAGS=-mod=mod"}, "go", args...); out.code != 0 {
			t.Errorf("go %s after -fix: exit %d\n%s%s", strings.Join(args, " "), out.code, out.stdout, out.stderr)
		}
	}
}

// appWithRecipes is the app module (testdata/modules/app.txtar) with
// recipes for its token parse and its subject reads, the auth module's
// function the second calls, and a parse the first matches but cannot
// fix: its keyfunc comes from a call, which the after would drop.
func appWithRecipes(t *testing.T) string {
	t.Helper()
	dir := extract(t, "app")
	writeFile(t, filepath.Join(dir, "internal", "orders", "partner.go"), `package orders

import "github.com/golang-jwt/jwt/v5"

func partnerKeys() jwt.Keyfunc { return nil }

// Partner checks a partner's token with the partner's keys.
func Partner(raw string) bool {
	_, err := jwt.Parse(raw, partnerKeys())
	return err == nil
}
`)
	writeFile(t, filepath.Join(dir, "internal", "auth", "subject.go"), `package auth

import "github.com/golang-jwt/jwt/v5"

// Subject reads the subject of a token's claims.
func Subject(c jwt.Claims) (string, error) { return c.GetSubject() }
`)
	writeFile(t, filepath.Join(dir, "tools", "recipes.go"), `//go:build ignore

package recipes

import (
	"example.com/app/internal/auth"
	"github.com/golang-jwt/jwt/v5"
)

func beforeParse(raw string, kf jwt.Keyfunc) (*jwt.Token, error) { return jwt.Parse(raw, kf) }
func afterParse(raw string, kf jwt.Keyfunc) (*jwt.Token, error)  { return auth.Validate(raw) }

func beforeSubject(c jwt.Claims) (string, error) { return c.GetSubject() }
func afterSubject(c jwt.Claims) (string, error)  { return auth.Subject(c) }
`)
	cfg, err := os.ReadFile(filepath.Join(dir, ".jwtssot.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, ".jwtssot.yaml"), string(cfg)+"recipes: [./tools/recipes.go]\n")
	return dir
}

// TestFixGolden compares each report format of the app module with
// recipes with its golden file: how many findings have a fix, and each
// fix (its edits in JSON and SARIF, its diff in HTML); and the output of
// -fix -diff. Run with -update to rewrite them, then review the diff.
func TestFixGolden(t *testing.T) {
	dir := appWithRecipes(t)
	formats := map[string]string{"text": "txt", "json": "json", "sarif": "sarif", "github": "github", "markdown": "md", "html": "html"}
	for format, ext := range formats {
		t.Run(format, func(t *testing.T) {
			r := jwtssot(t, dir, "-format", format, "./...")
			if r.code != 1 {
				t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
			}
			checkGolden(t, filepath.Join("testdata", "golden", "fix", "app."+ext), r.stdout)
			if format == "sarif" {
				validateSARIF(t, r.stdout)
			}
		})
	}
	t.Run("diff", func(t *testing.T) {
		r := jwtssot(t, dir, "-fix", "-diff", "./...")
		if r.code != 1 {
			t.Fatalf("-fix -diff: exit %d, want 1 (a diff)\n%s", r.code, r.stderr)
		}
		checkGolden(t, filepath.Join("testdata", "golden", "fix", "app.diff"), r.stdout+"\n"+r.stderr)
	})
}

// TestDemoDiff: docs/migration.md shows the demo's -fix -diff as it is
// (testdata/golden/fix/demo.diff).
func TestDemoDiff(t *testing.T) {
	r := jwtssot(t, demoCopy(t), "-fix", "-diff", "./...")
	if r.code != 1 {
		t.Fatalf("-fix -diff: exit %d, want 1\n%s", r.code, r.stderr)
	}
	golden := filepath.Join("testdata", "golden", "fix", "demo.diff")
	checkGolden(t, golden, r.stdout)
	doc := strings.Join(readDoc(t, "docs/migration.md").lines, "\n")
	if !strings.Contains(doc, "```diff\n"+r.stdout+"```") {
		t.Errorf("docs/migration.md does not show the demo's diff as -fix -diff prints it:\n%s", r.stdout)
	}
}

// validateSARIF validates a SARIF report against the SARIF 2.1.0 schema.
func validateSARIF(t *testing.T, report string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(report))
	if err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("the SARIF report with fixes does not validate: %v", err)
	}
}

// TestVetRefusesRecipesFlag: go vet refuses -jwtssot.recipes, whose file
// its cache key could not hold, once for the run, as it refuses
// -jwtssot.config.
func TestVetRefusesRecipesFlag(t *testing.T) {
	r := goVet(t, module(t, "app"), "-jwtssot.recipes=tools/recipes.go", "./...")
	const want = "jwtssot: -jwtssot.recipes=tools/recipes.go cannot be used with go vet: name the files in .jwtssot.yaml, whose recipes are part of go vet's cache key"
	if r.code == 0 || strings.Count(r.stderr, want) != 1 {
		t.Errorf("go vet -jwtssot.recipes: exit %d, want a failure saying once %q\n%s", r.code, want, r.stderr)
	}
}

// TestVetJSONFixes: go vet -json carries each finding's fix as x/tools'
// unitchecker writes one (suggested_fixes, edits by byte offset), and the
// edits, applied, give the files jwtssot -fix writes.
func TestVetJSONFixes(t *testing.T) {
	t.Parallel()
	dir := appWithRecipes(t)
	before := snapshot(t, dir)
	out := goVet(t, dir, "-json", "./...").json()
	type edit struct {
		Filename   string
		Start, End int
		New        string
	}
	edits := map[string][]edit{} // by file, each once
	fixes := 0
	dec := json.NewDecoder(strings.NewReader(stripComments(out)))
	for dec.More() {
		var doc map[string]map[string][]struct {
			SuggestedFixes []struct {
				Message string
				Edits   []edit
			} `json:"suggested_fixes"`
		}
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("go vet -json output: %v\n%s", err, out)
		}
		for _, byAnalyzer := range doc {
			for _, d := range byAnalyzer["jwtssot"] {
				for _, f := range d.SuggestedFixes {
					fixes++
					for _, e := range f.Edits {
						if !slices.Contains(edits[e.Filename], e) {
							edits[e.Filename] = append(edits[e.Filename], e)
						}
					}
				}
			}
		}
	}
	if fixes != 3 {
		t.Fatalf("go vet -json carries %d fixes, want the 3 of the report:\n%s", fixes, out)
	}
	got := map[string]string{}
	for file, es := range edits {
		rel, err := filepath.Rel(dir, file)
		if err != nil {
			t.Fatal(err)
		}
		src := []byte(before[filepath.ToSlash(rel)])
		slices.SortFunc(es, func(a, b edit) int { return b.Start - a.Start })
		for _, e := range es {
			src = slices.Concat(src[:e.Start], []byte(e.New), src[e.End:])
		}
		got[filepath.ToSlash(rel)] = string(src)
	}
	if r := jwtssot(t, dir, "-fix", "./..."); r.code != 0 {
		t.Fatalf("-fix: exit %d\n%s", r.code, r.stderr)
	}
	after := snapshot(t, dir)
	for name, text := range after {
		if text != before[name] && got[name] != text {
			t.Errorf("%s: go vet -json's edits give\n%s\nwant what -fix wrote:\n%s", name, got[name], text)
		}
	}
	for name := range got {
		if after[name] == before[name] {
			t.Errorf("go vet -json has edits of %s, which -fix left as it was", name)
		}
	}
}
