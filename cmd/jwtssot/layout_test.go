package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jwtssot/jwtssot/internal/jwtop"
	"github.com/jwtssot/jwtssot/internal/report"
)

// bigReport is a report the size of a real backend's: hundreds of
// findings and JWT operations in dozens of packages, with the long package
// paths and function names of a monorepo, and implementations that differ
// on every setting. It is synthetic: the layout is what is tested, not a
// scan.
func bigReport() *report.Report {
	services := []string{"billing-reconciliation", "identity-federation", "notification-dispatcher", "partner-integrations", "subscription-lifecycle", "warehouse-fulfillment"}
	layers := []string{"internal/transport/httpapi/v2/handlers", "internal/adapters/legacyauth/compat", "pkg/middleware/authentication", "internal/workers/asyncjobs/consumers", "cmd/migrate-tokens"}
	types := []string{"SubscriptionWebhookHandler", "PartnerCallbackVerifier", "LegacySessionTokenBridge", "InvoiceNotificationConsumer"}
	methods := []string{"handleInvoicePaymentFailedNotification", "verifyPartnerCallbackSignature", "refreshLegacySessionFromCookie", "issueServiceToServiceAccessToken", "parseBearerTokenFromAuthorizationHeader"}
	algs := [][]string{{"HS256"}, {"HS256", "RS256"}, {"RS256", "ES256", "PS256"}, nil}
	keys := []struct{ source, detail string }{{"env", "PARTNER_INTEGRATIONS_WEBHOOK_SIGNING_SECRET"}, {"field", "Config.LegacySessionSigningKeyMaterial"}, {"parameter", "partnerintegrations.NewCallbackVerifierWithRotatingKeys"}, {"literal", ""}, {"auth module", ""}, {"keyfunc", ""}}
	rules := []string{"call", "call", "import", "secret-access", "hardcoded-secret", "call"}
	var vs []report.Violation
	var sites []report.Site
	n := 0
	for _, svc := range services {
		for _, layer := range layers {
			pkg := "github.com/acme-platform/commerce-backend/services/" + svc + "/" + layer
			dir := "services/" + svc + "/" + layer
			for k := range 4 {
				fn := fmt.Sprintf("(*%s).%s", types[(n+k)%len(types)], methods[(n+k)%len(methods)])
				file := fmt.Sprintf("%s/%s_%d.go", dir, strings.ToLower(types[(n+k)%len(types)]), k)
				rule := rules[(n+k)%len(rules)]
				vs = append(vs, report.Violation{
					Rule: rule, File: file, Line: 40 + k, Column: 9, EndLine: 40 + k, EndColumn: 40,
					Package: pkg, Function: fn, Symbol: "github.com/golang-jwt/jwt/v5.ParseWithClaims",
					Message:    fmt.Sprintf("call of jwt.ParseWithClaims outside the auth packages (./internal/platform/authentication/...); use github.com/acme-platform/commerce-backend/internal/platform/authentication.ValidateAccessTokenWithAudience instead (jwtssot/%s)", rule),
					SourceLine: "\ttoken, err := jwt.ParseWithClaims(rawBearerTokenFromAuthorizationHeader, &claims, verifier.rotatingKeyfuncForPartnerCallbacks)",
				})
				key := keys[(n+k)%len(keys)]
				sites = append(sites, report.Site{
					File: file, Line: 40 + k, Column: 9, Package: pkg, Function: fn, InAuth: n%11 == 0,
					Facts: jwtop.Facts{
						Op: []jwtop.Op{jwtop.Parse, jwtop.Sign, jwtop.Verify, jwtop.Decode}[(n+k)%4], Library: "github.com/golang-jwt/jwt",
						Symbol: "(*github.com/golang-jwt/jwt/v5.Parser).ParseWithClaims", Algorithms: algs[(n+k)%len(algs)],
						AlgorithmsRestricted: (n+k)%4 != 3, AnyAlgorithm: (n+k)%4 == 3,
						Claims: jwtop.Claims{
							ExpirationRequired: k%2 == 0, Audience: []string{"", `"commerce-backend-partner-api"`, "cfg.Authentication.ExpectedAudience"}[k%3],
							Issuer: []string{"", `"https://identity.acme-platform.example/realms/partners"`}[k%2], Leeway: []string{"", "5m0s", "cfg.ClockSkewTolerance"}[k%3],
						},
						KeySource: jwtop.KeySource(key.source), KeyDetail: key.detail,
					}})
			}
			n++
		}
	}
	// More findings, for a table hundreds of rows long.
	for i := range 180 {
		v := vs[i%len(vs)]
		v.Line += 100 + i
		vs = append(vs, v)
	}
	r := &report.Report{Version: report.SchemaVersion, Tool: report.Tool{Name: "jwtssot", Version: "devel"}, Violations: vs, Errors: []report.PackageError{}}
	report.Sort(r.Violations)
	report.Fingerprint(r.Violations)
	r.Summary.Packages, r.Summary.Files = 412, 3180
	r.Summarize()
	r.Summary.Auth = []report.AuthScope{{Dir: ".", Config: ".jwtssot.yaml", Patterns: []string{"./internal/platform/authentication/..."}}}
	r.Inventory = report.NewInventory(sites)
	return r
}

// layoutProblems is the script the test runs in the page (from the
// DevTools protocol: the page's own policy forbids scripts). It returns
// what a reader could not see: a table wider than its box where the box
// does not scroll (a column clipped), a table box that scrolls without a
// cue, a cell whose text runs out of it, a names column so narrow that
// names wrap a few letters a line, the page itself wider than the window. A wide table may scroll inside its box, but only where scroll is
// allowed (the phone).
const layoutProblems = `(() => {
  const out = {problems: [], scrolling: [], tables: 0};
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) {
    out.problems.push("the page is " + doc.scrollWidth + " px wide in a window of " + window.innerWidth);
  }
  for (const table of document.querySelectorAll("table")) {
    out.tables++;
    const box = table.parentElement;
    let heading = box;
    while (heading && !/^H[23]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    const name = "the table under " + JSON.stringify(heading ? heading.textContent : "?") + " (" + table.scrollWidth + " px in " + box.clientWidth + ")";
    const style = getComputedStyle(box);
    if (table.scrollWidth > box.clientWidth + 1) {
      if (!/(auto|scroll)/.test(style.overflowX)) {
        out.problems.push(name + " is " + table.scrollWidth + " px wide in a box of " + box.clientWidth + " that does not scroll: columns are clipped");
      } else {
        out.scrolling.push(name);
        if (!box.classList.contains("table-wrap") || !/gradient/.test(style.backgroundImage)) {
          out.problems.push(name + " scrolls without a cue at its edge");
        }
      }
    }
    const names = table.querySelector("td.loc");
    if (names && names.clientWidth < 140) {
      out.problems.push(name + ": the names column is " + names.clientWidth + " px wide, so names wrap a few letters a line");
    }
    for (const cell of table.querySelectorAll("td, th")) {
      if (cell.scrollWidth > cell.clientWidth + 1) {
        out.problems.push(name + ": a cell's text runs out of it (" + cell.scrollWidth + " > " + cell.clientWidth + "): " + cell.textContent.slice(0, 80));
        break;
      }
    }
  }
  return out;
})()`

// TestHTMLLayout renders a real-sized report and opens it in headless
// Chromium at 1280 and 1920 pixels and on a phone's width: at the desktop
// widths every table fits its box, with no column clipped and no scrolling;
// on the phone a wide table scrolls inside its own box, with a cue at its
// edge, and the page itself never scrolls sideways. No cell's text may run
// out of its cell at any width: names wrap at their package path's
// boundaries. The screenshots are kept in $JWTSSOT_SCREENSHOT_DIR when
// that is set.
func TestHTMLLayout(t *testing.T) {
	path := findChromium(t)
	out := t.TempDir()
	if dir := os.Getenv("JWTSSOT_SCREENSHOT_DIR"); dir != "" {
		var err error
		if out, err = filepath.Abs(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	r := bigReport()
	if err := report.Write(&buf, "html", r, report.Options{}); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(out, "large-report.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := len(r.Inventory.Implementations); n < 100 || len(r.Violations) < 300 {
		t.Fatalf("the report has %d implementations and %d findings: not real-sized", n, len(r.Violations))
	}

	b := startBrowser(t, path)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	for _, tc := range []struct {
		name       string
		vp         viewport
		mayScroll  bool
		wantScroll bool
	}{
		{"1280", viewport{Width: 1280, Height: 1000}, false, false},
		{"1920", viewport{Width: 1920, Height: 1080}, false, false},
		{"phone", viewport{Width: 390, Height: 844, Mobile: true}, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := b.open(ctx, "file://"+page, tc.vp)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = tab.close(ctx) }()
			var got struct {
				Problems, Scrolling []string
				Tables              int
			}
			if err := tab.eval(ctx, layoutProblems, &got); err != nil {
				t.Fatal(err)
			}
			if got.Tables < 3 {
				t.Fatalf("%d tables on the page, want the implementations, operations and findings", got.Tables)
			}
			for _, p := range got.Problems {
				t.Error(p)
			}
			if len(got.Scrolling) > 0 && !tc.mayScroll {
				t.Errorf("tables scroll sideways at %d px: %q", tc.vp.Width, got.Scrolling)
			}
			if tc.wantScroll && len(got.Scrolling) == 0 {
				t.Errorf("no table scrolls at %d px: the check would not see a missing cue", tc.vp.Width)
			}
			for _, e := range tab.page.Errors {
				t.Errorf("console error: %s", e)
			}
			// The page, and the implementations table, for a look.
			top, err := tab.screenshot(ctx, false)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, "large-report-"+tc.name+"-top.png"), top, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := tab.eval(ctx, `document.getElementById("implementations").scrollIntoView(), true`, new(bool)); err != nil {
				t.Fatal(err)
			}
			shot, err := tab.screenshot(ctx, false)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(out, "large-report-"+tc.name+".png")
			if err := os.WriteFile(name, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", name)
		})
	}
}
