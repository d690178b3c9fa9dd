package analyzer_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/analyzer"
)

// moduleRoot is where DocFiles' paths start, seen from the package directory.
const moduleRoot = ".."

const regenerate = "run `go run ./internal/gendocs` (or `go generate ./analyzer`) and commit the result"

// TestDocsUpToDate fails when a generated page on disk differs from what
// the rule and library tables generate, or when docs/rules holds a page of
// a rule that no longer exists.
func TestDocsUpToDate(t *testing.T) {
	files := analyzer.DocFiles()
	for p, want := range files {
		got, err := os.ReadFile(filepath.Join(moduleRoot, filepath.FromSlash(p)))
		if errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is missing: %s", p, regenerate)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s differs from the tables in analyzer/rules.go and analyzer/libraries.go (%s):\n%s",
				p, regenerate, firstDifference(string(got), want))
		}
	}
	pages, err := filepath.Glob(filepath.Join(moduleRoot, "docs", "rules", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range pages {
		if p := "docs/rules/" + filepath.Base(page); files[p] == "" {
			t.Errorf("%s documents no rule: %s (it deletes stale pages)", p, regenerate)
		}
	}
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n on disk:   %q\n generated: %q", i+1, gl, wl)
		}
	}
	return "(only line endings differ)"
}

func TestRuleMetadata(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range analyzer.Rules {
		if ids[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		ids[r.ID] = true
		if r.Title == "" || r.Summary == "" || r.Text == "" || r.Why == "" || r.Bad == "" || r.Good == "" ||
			r.NotFlagged == "" || len(r.Messages) == 0 {
			t.Errorf("rule %s lacks documentation: %+v", r.ID, r)
		}
		if got := analyzer.RuleByID(r.ID); got == nil || got.Title != r.Title {
			t.Errorf("RuleByID(%q) = %v", r.ID, got)
		}
		if want := analyzer.DocsURL + "/" + r.ID + ".md"; r.DocURL() != want {
			t.Errorf("%s.DocURL() = %s, want %s", r.ID, r.DocURL(), want)
		}
		md := r.Markdown()
		if head := "# " + r.ID + " — " + r.Title + "\n"; !strings.HasPrefix(md, head) {
			t.Errorf("%s: page starts %q, want %q", r.ID, md[:min(len(md), 80)], head)
		}
		for _, want := range []string{"`//jwtssot:ignore", "## Bad", "## Good", "## Why", "(jwtssot/" + r.ID + ")"} {
			if r.ID == analyzer.RuleDirective && want == "`//jwtssot:ignore" {
				continue
			}
			if !strings.Contains(md, want) {
				t.Errorf("%s: page lacks %q", r.ID, want)
			}
		}
		if r.ID != analyzer.RuleDirective && !strings.Contains(md, "//nolint:jwtssot") {
			t.Errorf("%s: page does not explain //nolint:jwtssot", r.ID)
		}
		for _, m := range r.Messages {
			if body, rule := analyzer.SplitMessage(m); rule != r.ID || body == m {
				t.Errorf("%s: message %q does not end with %q", r.ID, m, analyzer.RuleTag(r.ID))
			}
		}
	}
	if analyzer.RuleByID("nope") != nil {
		t.Error("RuleByID found a rule that does not exist")
	}
	if got := analyzer.RuleIDs(); !slices.Equal(got, []string{"import", "call", "hardcoded-secret", "secret-access", "directive"}) {
		t.Errorf("RuleIDs() = %v", got)
	}
}

func TestLibrariesDoc(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(moduleRoot, "docs", "libraries.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lib := range analyzer.BuiltinLibraries {
		if !strings.Contains(string(data), "`"+lib.Path+"`") {
			t.Errorf("docs/libraries.md does not list %s: %s", lib.Path, regenerate)
		}
		if lib.Note == "" {
			t.Errorf("library %s has no note", lib.Path)
		}
	}
}

// exampleAuth is the auth module the rules' examples call.
const exampleAuth = `package auth

import (
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	Role string
}

func key() []byte { return []byte(os.Getenv("JWT_SECRET")) }

func ValidateToken(raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) { return key(), nil })
	return c, err
}

func NewToken(sub string) *jwt.Token {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, &Claims{RegisteredClaims: jwt.RegisteredClaims{Subject: sub}})
}

func IssueToken(sub string) (string, error) { return NewToken(sub).SignedString(key()) }

func Expired(c *Claims) bool {
	exp, _ := c.GetExpirationTime()
	return exp != nil && exp.Unix < time.Now().Unix()
}
`

// flagged matches the marks of Bad examples: "// flagged: call, import". A
// mark alone on its line is about the next line.
var flagged = regexp.MustCompile(`// flagged: ([a-z-]+(?:, [a-z-]+)*)`)

// TestRuleExamples analyzes each rule's Bad and Good examples in a module
// example.com/app whose auth packages are ./internal/auth/...: Bad must be
// reported exactly on the lines it marks, with the messages the rule
// quotes, and Good must not be reported at all.
func TestRuleExamples(t *testing.T) {
	gopath := t.TempDir()
	copyStubs(t, gopath)
	files := map[string]string{
		"src/example.com/app/.jwtssot.yaml":         "auth: [./internal/auth/...]\n",
		"src/example.com/app/internal/auth/auth.go": exampleAuth,
	}
	dirOf := map[string]string{} // rule/kind -> package directory
	for _, r := range analyzer.Rules {
		for kind, src := range map[string]string{"bad": r.Bad, "good": r.Good} {
			dir := "src/example.com/app/examples/" + r.ID + "/" + kind
			if strings.HasPrefix(src, "package auth\n") {
				dir = "src/example.com/app/internal/auth/examples/" + r.ID + "/" + kind
			}
			dirOf[r.ID+"/"+kind] = dir
			files[dir+"/example.go"] = src
		}
	}
	writeFiles(t, gopath, files)
	pkgs := loadGOPATH(t, gopath, "example.com/app/...")
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]diag{} // file -> diagnostics
	for _, d := range analyze(t, a, pkgs) {
		rel, _ := filepath.Rel(gopath, d.File)
		got[filepath.ToSlash(rel)] = append(got[filepath.ToSlash(rel)], d)
	}
	if ds := got["src/example.com/app/internal/auth/auth.go"]; len(ds) > 0 {
		t.Errorf("the examples' auth module is reported: %v", ds)
	}
	for _, r := range analyzer.Rules {
		bad := dirOf[r.ID+"/bad"] + "/example.go"
		good := dirOf[r.ID+"/good"] + "/example.go"
		for _, d := range got[good] {
			t.Errorf("%s: Good example reported on line %d: %s", r.ID, d.Line, d.Message)
		}

		want := map[int][]string{}
		lines := strings.Split(r.Bad, "\n")
		for i, line := range lines {
			m := flagged.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			at := i + 1
			if strings.HasPrefix(strings.TrimSpace(line), "//") {
				at++ // a mark alone on its line
			}
			want[at] = append(want[at], strings.Split(m[1], ", ")...)
		}
		have := map[int][]string{}
		var messages []string
		for _, d := range got[bad] {
			have[d.Line] = append(have[d.Line], d.Rule)
			messages = append(messages, d.Message)
		}
		for _, m := range []map[int][]string{want, have} {
			for _, rules := range m {
				slices.Sort(rules)
			}
		}
		if !reflect.DeepEqual(have, want) {
			t.Errorf("%s: Bad example reported on lines %v, marked %v; messages:\n%s",
				r.ID, have, want, strings.Join(messages, "\n"))
		}
		if !slices.ContainsFunc(got[bad], func(d diag) bool { return d.Rule == r.ID }) {
			t.Errorf("%s: Bad example yields no %s finding", r.ID, r.ID)
		}
		for _, m := range r.Messages {
			if !slices.Contains(messages, m) {
				t.Errorf("%s: the Bad example does not yield the message the docs quote:\n%s\nit yields:\n%s",
					r.ID, m, strings.Join(messages, "\n"))
			}
		}
	}
}
