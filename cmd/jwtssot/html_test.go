package main

import (
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/jwtssot/jwtssot/internal/htmlcheck"
)

// TestHTMLReport checks the app module's HTML report: well-formed,
// self-contained, every finding listed, and the secret redacted.
func TestHTMLReport(t *testing.T) {
	dir := module(t, "app")
	r := jwtssot(t, dir, "-format", "html", "./...")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	page := r.stdout
	if err := htmlcheck.WellFormed(page); err != nil {
		t.Error(err)
	}
	if err := htmlcheck.SelfContained(page); err != nil {
		t.Error(err)
	}
	if strings.Contains(page, "handlers-dev-secret") {
		t.Error("the hardcoded secret is in the HTML report")
	}
	rep := decodeReport(t, jwtssot(t, dir, "-format", "json", "./..."))
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	findings := byID(doc, "findings")
	if findings == nil {
		t.Fatal("no findings section")
	}
	rows := findAll(findings, "tr", "")
	if got := len(rows) - 1; got != len(rep.Violations) {
		t.Errorf("%d table rows, want one a violation (%d)", got, len(rep.Violations))
	}
	text := textOf(rows...) // <wbr> in the names is no text
	for _, v := range rep.Violations {
		if !strings.Contains(text, fmt.Sprintf("%s:%d:%d", v.File, v.Line, v.Column)) {
			t.Errorf("no row for %s:%d:%d", v.File, v.Line, v.Column)
		}
	}
}

// TestHTMLReportClean: a module without violations still gets a page.
func TestHTMLReportClean(t *testing.T) {
	r := jwtssot(t, module(t, "clean"), "-format", "html", "./...")
	if r.code != 0 {
		t.Fatalf("exit %d, want 0\n%s", r.code, r.stderr)
	}
	if err := htmlcheck.WellFormed(r.stdout); err != nil {
		t.Error(err)
	}
	for _, want := range []string{"jwtssot: no JWT violations outside the SSOT", "No findings.", "Nothing to chart"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the clean report does not say %q", want)
		}
	}
}

// TestHTMLInBrowser renders the demo module's report with the binary and
// opens it in headless Chromium (Debian's chromium, which
// scripts/install-chromium.sh installs, as .ci/run does before the tests):
// the page must load without a console error, show the headline counts
// the JSON report gives, and be drawn; its screenshot is kept in
// $JWTSSOT_SCREENSHOT_DIR when that is set. A control page first proves
// that the browser reports the error a fetch from the page would make.
// Without chromium the test skips, unless JWTSSOT_REQUIRE_CHROMIUM=1 (as
// in CI) makes that a failure.
func TestHTMLInBrowser(t *testing.T) {
	path := findChromium(t)
	demo, err := filepath.Abs(filepath.Join("..", "..", "examples", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if dir := os.Getenv("JWTSSOT_SCREENSHOT_DIR"); dir != "" {
		if out, err = filepath.Abs(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	page := filepath.Join(out, "demo-report.html")
	control := filepath.Join(t.TempDir(), "control.html")
	if err := os.WriteFile(control, []byte(controlPage), 0o644); err != nil {
		t.Fatal(err)
	}

	// The scans run while the browser starts: the HTML report, and the
	// JSON report the counts are checked against.
	var wg sync.WaitGroup
	var htmlRun, jsonRun result
	wg.Add(2)
	go func() { defer wg.Done(); htmlRun = jwtssot(t, demo, "-format", "html", "-o", page, "./...") }()
	go func() { defer wg.Done(); jsonRun = jwtssot(t, demo, "-format", "json", "./...") }()
	b := startBrowser(t, path)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ctl, err := b.load(ctx, "file://"+control)
	if err != nil {
		t.Fatal(err)
	}
	if len(ctl.Errors) == 0 {
		t.Fatalf("chromium reported no error for a page whose fetch the Content-Security-Policy blocks: the check would see nothing (other messages: %q)", ctl.Other)
	}
	t.Logf("control page: %q", ctl.Errors)
	wg.Wait()
	if htmlRun.code != 1 || jsonRun.code != 1 {
		t.Fatalf("the demo's scan exits %d (html), %d (json), want 1\n%s%s", htmlRun.code, jsonRun.code, htmlRun.stderr, jsonRun.stderr)
	}

	run, err := b.load(ctx, "file://"+page)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range run.Errors {
		t.Errorf("console error: %s", e)
	}
	for _, m := range run.Other {
		t.Logf("console: %s", m)
	}
	shot := filepath.Join(out, "demo-report.png")
	if err := os.WriteFile(shot, run.Screenshot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
	checkScreenshot(t, shot)

	var rep struct {
		Summary struct {
			Total      int
			ByRule     map[string]int    `json:"by_rule"`
			ByFunction []json.RawMessage `json:"by_function"`
			ByPackage  map[string]int    `json:"by_package"`
		}
		Inventory *struct {
			Implementations []struct {
				InAuth bool `json:"in_auth"`
			}
		}
	}
	if err := json.Unmarshal([]byte(jsonRun.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	implementations := len(rep.Summary.ByFunction)
	if rep.Inventory != nil {
		implementations = 0
		for _, im := range rep.Inventory.Implementations {
			if !im.InAuth {
				implementations++
			}
		}
	}
	want := map[string]int{
		"Operations outside the SSOT": rep.Summary.ByRule["call"],
		"Implementations":             implementations,
		"Direct imports":              rep.Summary.ByRule["import"],
		"Hardcoded secrets":           rep.Summary.ByRule["hardcoded-secret"],
		"Secret reads":                rep.Summary.ByRule["secret-access"],
	}

	doc, err := html.Parse(strings.NewReader(run.DOM))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, c := range findAll(doc, "div", "card") {
		label := textOf(findAll(c, "div", "label")...)
		n, err := strconv.Atoi(textOf(findAll(c, "div", "n")...))
		if err != nil {
			t.Errorf("card %q: %v", label, err)
		}
		got[label] = n
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the browser shows the counts %v, want %v", got, want)
	}
	if h1 := textOf(findAll(doc, "h1", "")...); h1 != fmt.Sprintf("jwtssot: %d JWT violations outside the SSOT", rep.Summary.Total) {
		t.Errorf("heading %q", h1)
	}
	if bars, want := len(findAll(doc, "rect", "bar")), len(rep.Summary.ByRule)+min(len(rep.Summary.ByPackage), 11); bars != want {
		t.Errorf("%d bars in the charts, want %d", bars, want)
	}
	for _, secret := range []string{"dev-signing-key-change-me", "insecure-default-secret"} {
		if strings.Contains(run.DOM, secret) {
			t.Errorf("the page shows the secret %q", secret)
		}
	}
}

// controlPage makes the console error the check looks for: the
// Content-Security-Policy violation a fetch from the report would make.
const controlPage = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:">
<title>control</title></head><body><img src="https://example.invalid/x.png" alt=""><p>control</p></body></html>`

func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "chromium is not installed: run scripts/install-chromium.sh (Debian's chromium) to run the headless-browser check"
	if os.Getenv("JWTSSOT_REQUIRE_CHROMIUM") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// checkScreenshot requires a 1280x2000 PNG that is not blank.
func checkScreenshot(t *testing.T, name string) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer func() { _ = f.Close() }() // read only
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	b := img.Bounds()
	if b.Dx() != 1280 || b.Dy() != 2000 {
		t.Errorf("screenshot is %dx%d, want 1280x2000", b.Dx(), b.Dy())
	}
	colors := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colors[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	if len(colors) < 10 {
		t.Errorf("screenshot has %d colors: the page was not drawn", len(colors))
	}
}

// findAll returns the elements named tag (and of the given class, if not
// "") under n.
func findAll(n *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag && (class == "" || hasClass(n, class)) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// byID returns the element under n with the given id, or nil.
func byID(n *html.Node, id string) *html.Node {
	for _, a := range n.Attr {
		if a.Key == "id" && a.Val == id {
			return n
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := byID(c, id); m != nil {
			return m
		}
	}
	return nil
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+class+" ") {
			return true
		}
	}
	return false
}

// textOf is the text of the nodes, white space collapsed.
func textOf(nodes ...*html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
