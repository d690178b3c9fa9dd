package analyzer_test

import (
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/analyzer"
	"github.com/jwtssot/jwtssot/internal/rules"
)

// codeBlock returns the first fenced block of the given language in a
// section of the rule's page.
func codeBlock(t *testing.T, r rules.Rule, section, lang string) string {
	t.Helper()
	body := r.Section(section)
	start := strings.Index(body, "```"+lang+"\n")
	if start < 0 {
		t.Fatalf("docs/rules/%s.md: section %s has no %s block", r.ID, section, lang)
	}
	body = body[start+len("```"+lang+"\n"):]
	end := strings.Index(body, "```")
	if end < 0 {
		t.Fatalf("docs/rules/%s.md: section %s: unterminated %s block", r.ID, section, lang)
	}
	return body[:end]
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

// Issuer signs with the key it is given.
type Issuer struct{ key []byte }

func New(key string) *Issuer { return &Issuer{key: []byte(key)} }

func (i *Issuer) Issue(sub string) (string, error) { return NewToken(sub).SignedString(i.key) }

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
	for _, r := range rules.All() {
		for kind, src := range map[string]string{"bad": codeBlock(t, r, "Bad", "go"), "good": codeBlock(t, r, "Good", "go")} {
			dir := "src/example.com/app/examples/" + r.ID + "/" + kind
			if strings.HasPrefix(src, "package auth\n") {
				dir = "src/example.com/app/internal/auth/examples/" + r.ID + "/" + kind
			}
			dirOf[r.ID+"/"+kind] = dir
			if !rules.OnByDefault(r.ID) {
				// A rule that is off by default runs in its examples' own
				// config, which turns it on (and keeps the auth packages).
				files[dir+"/.jwtssot.yaml"] = "auth: [example.com/app/internal/auth/...]\nenable: [" + r.ID + "]\n"
			}
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
	for _, r := range rules.All() {
		bad := dirOf[r.ID+"/bad"] + "/example.go"
		good := dirOf[r.ID+"/good"] + "/example.go"
		for _, d := range got[good] {
			t.Errorf("%s: Good example reported on line %d: %s", r.ID, d.Line, d.Message)
		}

		want := map[int][]string{}
		lines := strings.Split(codeBlock(t, r, "Bad", "go"), "\n")
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
			for _, ids := range m {
				slices.Sort(ids)
			}
		}
		if !reflect.DeepEqual(have, want) {
			t.Errorf("%s: Bad example reported on lines %v, marked %v; messages:\n%s",
				r.ID, have, want, strings.Join(messages, "\n"))
		}
		if !slices.ContainsFunc(got[bad], func(d diag) bool { return d.Rule == r.ID }) {
			t.Errorf("%s: Bad example yields no %s finding", r.ID, r.ID)
		}
		for _, m := range strings.Split(strings.TrimSpace(codeBlock(t, r, "Message", "text")), "\n") {
			if !slices.Contains(messages, m) {
				t.Errorf("%s: the Bad example does not yield the message the docs quote:\n%s\nit yields:\n%s",
					r.ID, m, strings.Join(messages, "\n"))
			}
		}
	}
}
