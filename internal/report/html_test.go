package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/htmlcheck"
	"github.com/jwtssot/jwtssot/internal/jwtop"
)

const testSecret = "handlers-dev-secret"

// sampleReport is a report as a scan of a small app gives it, with an
// inventory built by hand (the analyzer computes it elsewhere) and a
// trend.
func sampleReport() *Report {
	r := &Report{
		Version: SchemaVersion,
		Tool:    Tool{Name: "jwtssot", Version: "devel"},
		Violations: []Violation{
			{Rule: "import", File: "internal/handlers/login.go", Line: 7, Column: 2, EndLine: 7, EndColumn: 42,
				Package: "example.com/app/internal/handlers", Message: "import of JWT library github.com/golang-jwt/jwt/v5 outside the auth packages (jwtssot/import)",
				SourceLine: "\tjwtlib \"github.com/golang-jwt/jwt/v5\""},
			{Rule: "hardcoded-secret", File: "internal/handlers/login.go", Line: 10, Column: 20, EndLine: 10, EndColumn: 41,
				Package: "example.com/app/internal/handlers", Message: `hardcoded JWT secret "ha"… (19 characters) used as the key of (*jwt.Token).SignedString (jwtssot/hardcoded-secret)`,
				SourceLine: `const signingKey = "` + testSecret + `"`},
			{Rule: "call", File: "internal/handlers/login.go", Line: 17, Column: 19, EndLine: 17, EndColumn: 35,
				Package: "example.com/app/internal/handlers", Function: "(*Server).login", Symbol: "(*github.com/golang-jwt/jwt/v5.Token).SignedString",
				Message:    "call of (*jwt.Token).SignedString outside the auth packages (jwtssot/call)",
				SourceLine: "\tsigned, _ := tok.SignedString([]byte(signingKey))"},
			{Rule: "call", File: "internal/orders/orders.go", Line: 11, Column: 14, EndLine: 11, EndColumn: 23,
				Package: "example.com/app/internal/orders", Function: "user", Symbol: "github.com/golang-jwt/jwt/v5.Parse",
				Message:    "call of jwt.Parse outside the auth packages (jwtssot/call)",
				SourceLine: "\ttok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) {"},
			{Rule: "secret-access", File: "internal/orders/orders.go", Line: 12, Column: 17, EndLine: 12, EndColumn: 41,
				Package: "example.com/app/internal/orders", Function: "user", Symbol: "os.Getenv",
				Message:    "JWT secret JWT_SECRET read with os.Getenv outside the auth packages (jwtssot/secret-access)",
				SourceLine: "\t\treturn []byte(os.Getenv(\"JWT_SECRET\")), nil"},
		},
		Errors: []PackageError{},
		Inventory: &Inventory{
			Version: InventoryVersion,
			Sites: []Site{
				{File: "internal/auth/auth.go", Line: 20, Column: 9, Package: "example.com/app/internal/auth", Function: "Validate", InAuth: true,
					Facts: jwtop.Facts{Op: jwtop.Parse, Library: "github.com/golang-jwt/jwt", Symbol: "github.com/golang-jwt/jwt/v5.ParseWithClaims",
						Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, Claims: jwtop.Claims{ExpirationRequired: true, Issuer: "auth.example.com"},
						KeySource: jwtop.KeyEnv, KeyDetail: "JWT_SECRET"}},
				{File: "internal/orders/orders.go", Line: 11, Column: 14, Package: "example.com/app/internal/orders", Function: "user",
					Facts: jwtop.Facts{Op: jwtop.Parse, Library: "github.com/golang-jwt/jwt", Symbol: "github.com/golang-jwt/jwt/v5.Parse",
						KeySource: jwtop.KeyEnv, KeyDetail: "JWT_SECRET"}},
				{File: "internal/handlers/login.go", Line: 17, Column: 19, Package: "example.com/app/internal/handlers", Function: "(*Server).login",
					Facts: jwtop.Facts{Op: jwtop.Sign, Library: "github.com/golang-jwt/jwt", Symbol: "(*github.com/golang-jwt/jwt/v5.Token).SignedString",
						Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, KeySource: jwtop.KeyLiteral, KeyDetail: testSecret}},
			},
			Implementations: []Implementation{
				{Package: "example.com/app/internal/auth", Function: "Validate", InAuth: true, Sites: []int{0},
					Settings: map[string]string{"algorithms": "HS256", "signature": "verified", "expiration": "required", "issuer": "auth.example.com"}},
				{Package: "example.com/app/internal/orders", Function: "user", Sites: []int{1},
					Settings: map[string]string{"algorithms": "any", "signature": "verified", "expiration": "not required"}},
				{Package: "example.com/app/internal/handlers", Function: "(*Server).login", Sites: []int{2},
					Settings: map[string]string{}},
			},
			Differences: []Difference{
				{Setting: "algorithms", Values: []DifferenceValue{
					{Package: "example.com/app/internal/auth", Function: "Validate", Value: "HS256", File: "internal/auth/auth.go", Line: 20},
					{Package: "example.com/app/internal/orders", Function: "user", Value: "any", File: "internal/orders/orders.go", Line: 11},
				}},
				{Setting: "expiration", Values: []DifferenceValue{
					{Package: "example.com/app/internal/auth", Function: "Validate", Value: "required", File: "internal/auth/auth.go", Line: 20},
					{Package: "example.com/app/internal/orders", Function: "user", Value: "not required", File: "internal/orders/orders.go", Line: 11},
				}},
			},
		},
		Trend: sampleTrend(),
	}
	r.Summary.Packages, r.Summary.Files = 5, 7
	r.Summarize()
	return r
}

func renderString(t *testing.T, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "html", r, Options{}); err != nil {
		t.Fatal(err)
	}
	keep(t, buf.String())
	return buf.String()
}

// keep writes the page to $JWTSSOT_HTML_OUT/<test>.html, to look at.
func keep(t *testing.T, page string) {
	if dir := os.Getenv("JWTSSOT_HTML_OUT"); dir != "" {
		name := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".html")
		if err := os.WriteFile(name, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pages are the report's shapes the HTML writer must handle.
func pages(t *testing.T) map[string]string {
	full := sampleReport()

	noInventory := sampleReport()
	noInventory.Inventory, noInventory.Trend = nil, nil

	zero := &Report{Version: SchemaVersion, Tool: Tool{Name: "jwtssot", Version: "devel"}, Violations: []Violation{}, Errors: []PackageError{}}
	zero.Summarize()

	withBaseline := sampleReport()
	withBaseline.Violations = withBaseline.Violations[2:3]
	withBaseline.Baseline = &BaselineStats{File: ".jwtssot-baseline.json", Known: 4, New: 1, Fixed: 2}
	withBaseline.Secrets = SecretValues(sampleReport().Violations)
	withBaseline.Inventory = &Inventory{Version: InventoryVersion, Sites: []Site{}, Implementations: []Implementation{}, Differences: []Difference{}}
	withBaseline.Errors = []PackageError{{Package: "example.com/app/internal/broken", Message: "broken.go:3:13: undefined: x"}}
	withBaseline.Summarize()

	var trendOnly bytes.Buffer
	if err := WriteTrend(&trendOnly, "html", Tool{Name: "jwtssot", Version: "devel"}, full.Trend); err != nil {
		t.Fatal(err)
	}
	var oneCommit bytes.Buffer
	if err := WriteTrend(&oneCommit, "html", Tool{Name: "jwtssot", Version: "devel"}, &Trend{Source: TrendReports, Points: []TrendPoint{
		{Label: "ci-041", File: "reports/ci-041.json", Total: 12, ByRule: map[string]int{"call": 2}, Known: 10},
	}, Skipped: []TrendSkip{}}); err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"full":         renderString(t, full),
		"no inventory": renderString(t, noInventory),
		"zero":         renderString(t, zero),
		"baseline":     renderString(t, withBaseline),
		"trend only":   trendOnly.String(),
		"one report":   oneCommit.String(),
	}
}

// TestHTMLWellFormed checks every shape of page is well-formed: each
// element closed in order (an HTML5 parser would repair what a browser
// shows differently), one html, head and body, and self-contained.
func TestHTMLWellFormed(t *testing.T) {
	for name, page := range pages(t) {
		t.Run(name, func(t *testing.T) {
			keep(t, page)
			if err := htmlcheck.WellFormed(page); err != nil {
				t.Fatal(err)
			}
			if err := htmlcheck.SelfContained(page); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestHTMLEscapes: html/template escapes every value that comes from the
// code or the config, wherever the template puts it.
func TestHTMLEscapes(t *testing.T) {
	const evil = `<script>alert("x")</script>`
	r := sampleReport()
	r.Violations[3].Message = "call of " + evil + " outside the auth packages (jwtssot/call)"
	r.Violations[3].SourceLine = "\t" + evil + "</pre>"
	r.Violations[3].Function = evil
	r.Violations[3].Package = "example.com/" + evil
	r.Violations[3].File = evil + ".go"
	r.Inventory.Implementations[1].Settings["audience"] = evil
	r.Inventory.Differences[0].Values[1].Function = evil
	r.Trend.Points[1].Subject = evil
	r.Trend.Points[1].Label = evil
	r.Baseline = &BaselineStats{File: evil}
	r.Summarize()
	page := renderString(t, r)
	if strings.Contains(page, "<script") {
		t.Errorf("a <script> tag got through unescaped:\n%s", page)
	}
	if !strings.Contains(page, "&lt;script&gt;") {
		t.Error("the escaped form &lt;script&gt; is not in the page")
	}
	if err := htmlcheck.WellFormed(page); err != nil {
		t.Error(err)
	}
}

// TestHTMLRedactsSecrets: the secret is on the hardcoded-secret finding's
// line and in the inventory's key detail; the page names it only as the
// message does.
func TestHTMLRedactsSecrets(t *testing.T) {
	for name, page := range pages(t) {
		if strings.Contains(page, testSecret) || strings.Contains(page, "dev-secret") {
			t.Errorf("%s: the secret is in the page", name)
		}
	}
	page := renderString(t, sampleReport())
	if !strings.Contains(page, `<span class="redacted marked" title="secret redacted">&#34;ha&#34;… (19 characters)</span>`) {
		t.Errorf("no redacted secret in the code line:\n%s", page)
	}
}

func TestCodeLine(t *testing.T) {
	type seg = codeSeg
	for _, tc := range []struct {
		name    string
		v       Violation
		secret  bool
		secrets []string
		want    []seg
	}{
		{
			name: "mark",
			v:    Violation{Line: 1, Column: 6, EndLine: 1, EndColumn: 15, SourceLine: "x := jwt.Parse(s)"},
			want: []seg{{Text: "x := "}, {Text: "jwt.Parse", Mark: true}, {Text: "(s)"}},
		},
		{
			name:   "secret literal under the mark",
			v:      Violation{Rule: "hardcoded-secret", Line: 1, Column: 11, EndLine: 1, EndColumn: 31, SourceLine: `const k = "0123456789abcdefgh"`},
			secret: true,
			want:   []seg{{Text: "const k = "}, {Text: `"01"… (18 characters)`, Mark: true, Redacted: true}},
		},
		{
			name:   "short secret, and every literal of a secret line",
			v:      Violation{Rule: "call", Line: 1, Column: 1, EndLine: 1, EndColumn: 3, SourceLine: `f("abc", "0123456789", 'x')`},
			secret: true,
			want: []seg{{Text: "f(", Mark: true}, {Text: `"…" (3 characters)`, Redacted: true}, {Text: ", "},
				{Text: `"01"… (10 characters)`, Redacted: true}, {Text: ", 'x')"}},
		},
		{
			name:   "raw string going on to the next line",
			v:      Violation{Rule: "hardcoded-secret", Line: 1, Column: 9, EndLine: 3, EndColumn: 2, SourceLine: "var k = `0123456789"},
			secret: true,
			want:   []seg{{Text: "var k = "}, {Text: `"01"… (10 characters)`, Mark: true, Redacted: true}},
		},
		{
			name:    "a known secret on another line, in a comment too",
			v:       Violation{Rule: "call", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, SourceLine: `f("Bearer s3cr3t-value") // s3cr3t-value`},
			secrets: []string{"s3cr3t-value", "ab"},
			want: []seg{{Text: "f", Mark: true}, {Text: `("Bearer `}, {Text: `"s3"… (12 characters)`, Redacted: true},
				{Text: `") // `}, {Text: `"s3"… (12 characters)`, Redacted: true}},
		},
		{
			name: "end on another line",
			v:    Violation{Line: 1, Column: 3, EndLine: 2, EndColumn: 1, SourceLine: "a b"},
			want: []seg{{Text: "a "}, {Text: "b", Mark: true}},
		},
		{
			name: "columns past the line",
			v:    Violation{Line: 1, Column: 9, EndLine: 1, EndColumn: 12, SourceLine: "ab"},
			want: []seg{{Text: "ab"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := codeLine(tc.v, tc.secret, tc.secrets)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestSecretValues(t *testing.T) {
	vs := []Violation{
		{Rule: "hardcoded-secret", Line: 1, Column: 11, EndLine: 1, EndColumn: 24, SourceLine: `const k = "abcdefghijk" + "other"`},
		{Rule: "hardcoded-secret", Line: 1, Column: 9, EndLine: 2, EndColumn: 3, SourceLine: "var r = `raw-secret"},
		{Rule: "call", Line: 1, Column: 1, EndLine: 1, EndColumn: 30, SourceLine: `f("not a secret")`},
	}
	got := SecretValues(vs)
	if want := []string{"abcdefghijk", "raw-secret"}; !slices.Equal(got, want) {
		t.Errorf("SecretValues = %q, want %q", got, want)
	}
}

// TestHTMLInventory: the implementations side by side, the cells named by
// Differences highlighted and no other.
func TestHTMLInventory(t *testing.T) {
	v := newInventoryView(sampleReport().Inventory)
	if v.Outside != 2 || v.InAuth != 1 {
		t.Errorf("outside %d, in auth %d; want 2, 1", v.Outside, v.InAuth)
	}
	differs := map[string][]string{}
	for _, row := range v.Rows {
		for i, c := range row.Cells {
			if c.Differs {
				differs[row.Function] = append(differs[row.Function], v.Columns[i])
			}
		}
	}
	want := map[string][]string{
		"Validate": {"Algorithms", "Expiration required"},
		"user":     {"Algorithms", "Expiration required"},
	}
	if fmt.Sprint(differs) != fmt.Sprint(want) {
		t.Errorf("highlighted %v, want %v", differs, want)
	}
	if got := v.Rows[2].Cells[len(v.Columns)-1].Value; got != "literal (hardcoded)" {
		t.Errorf("key source of the signer %q", got)
	}
	if got := v.Sites[0].Claims; got != "exp required, iss auth.example.com" {
		t.Errorf("claims %q", got)
	}
	if got := v.Sites[1].Algorithms; got != "any (not restricted)" {
		t.Errorf("algorithms of an unrestricted parse %q", got)
	}
	if newInventoryView(nil) != nil {
		t.Error("no inventory gives a view")
	}
}

func TestHTMLHeadlines(t *testing.T) {
	r := sampleReport()
	got := map[string]int{}
	for _, h := range scanHeadlines(r) {
		got[h.Label] = h.Count
	}
	want := map[string]int{"Operations outside the SSOT": 2, "Implementations": 2, "Direct imports": 1, "Hardcoded secrets": 1, "Secret reads": 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("with an inventory: %v, want %v", got, want)
	}
	r.Inventory = nil
	for _, h := range scanHeadlines(r) {
		if h.Label == "Implementations" && h.Count != 2 {
			t.Errorf("without an inventory, implementations are the functions with findings: %d, want 2", h.Count)
		}
	}
}

func TestPackagesChartOther(t *testing.T) {
	by := map[string]int{}
	for i := range 14 {
		by[fmt.Sprintf("example.com/p%02d", i)] = i + 1
	}
	c := packagesChart(by)
	if len(c.Bars) != chartTopN+1 {
		t.Fatalf("%d bars, want %d", len(c.Bars), chartTopN+1)
	}
	last := c.Bars[chartTopN]
	if last.Label != "other (4 packages)" || last.Count != 1+2+3+4 || last.Class != "other" {
		t.Errorf("other bar %+v", last)
	}
	if c.Bars[0].Count != 14 || c.Bars[0].W <= last.W {
		t.Errorf("first bar %+v", c.Bars[0])
	}
}

func TestNiceStep(t *testing.T) {
	for top, want := range map[int]int{0: 1, 5: 1, 6: 2, 10: 2, 11: 5, 24: 5, 26: 10, 99: 20, 101: 50, 4000: 1000} {
		if got := niceStep(top); got != want {
			t.Errorf("niceStep(%d) = %d, want %d", top, got, want)
		}
	}
}

func TestShortSymbol(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/golang-jwt/jwt/v5.Parse":                 "jwt/v5.Parse",
		"(*github.com/golang-jwt/jwt/v5.Token).SignedString": "(*jwt/v5.Token).SignedString",
		"github.com/lestrrat-go/jwx/v2/jwt.Parse":            "jwt.Parse",
		"(github.com/golang-jwt/jwt/v5.Claims).GetSubject":   "(jwt/v5.Claims).GetSubject",
		"os.Getenv": "os.Getenv",
		"github.com/MicahParks/keyfunc/v3.NewDefaultCtx": "keyfunc/v3.NewDefaultCtx",
		"gopkg.in/square/go-jose.v2/jwt.ParseSigned":     "jwt.ParseSigned",
		"no-dot": "no-dot",
	} {
		if got := shortSymbol(in); got != want {
			t.Errorf("shortSymbol(%q) = %q, want %q", in, got, want)
		}
	}
}
