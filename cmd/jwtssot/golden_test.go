package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestGolden compares each report format on the app module with its golden
// file. Run with -update to rewrite them, then review the diff.
func TestGolden(t *testing.T) {
	dir := module(t, "app")
	formats := map[string]string{"text": "txt", "json": "json", "sarif": "sarif", "github": "github", "markdown": "md", "html": "html"}
	for format, ext := range formats {
		t.Run(format, func(t *testing.T) {
			r := jwtssot(t, dir, "-format", format, "./...")
			if r.code != 1 {
				t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
			}
			checkGolden(t, filepath.Join("testdata", "golden", "app."+ext), r.stdout)
		})
	}
}

// checkGolden compares got with the golden file, or rewrites it with
// -update (review the diff before committing it).
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update and review the diff)\ngot:\n%s", golden, got)
	}
}

// TestSARIFSchema validates the SARIF report against the official SARIF
// 2.1.0 schema, and checks what GitHub code scanning relies on.
func TestSARIFSchema(t *testing.T) {
	dir := module(t, "app")
	r := jwtssot(t, dir, "-format", "sarif", "./...")
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(r.stdout)))
	if err != nil {
		t.Fatalf("SARIF is not JSON: %v\n%s", err, r.stdout)
	}
	schemaJSON, err := os.ReadFile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
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
		t.Fatalf("SARIF report does not validate against the 2.1.0 schema: %v", err)
	}

	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	rules := map[string]bool{}
	for _, rule := range run.Tool.Driver.Rules {
		rules[rule.ID] = true
		if rule.HelpURI == "" {
			t.Errorf("rule %s has no helpUri", rule.ID)
		}
	}
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	for _, res := range run.Results {
		if !rules[res.RuleID] {
			t.Errorf("result of undeclared rule %q", res.RuleID)
		}
		if len(res.PartialFingerprints) == 0 {
			t.Errorf("result without partialFingerprints: %+v", res)
		}
		// Code scanning resolves %SRCROOT% to the checkout: a URI must be
		// relative to it (the repository root; here, outside any
		// repository, the scan root).
		for _, l := range res.Locations {
			a := l.PhysicalLocation.ArtifactLocation
			if a.URIBaseID != "%SRCROOT%" || a.URI == "" || strings.HasPrefix(a.URI, "/") || strings.Contains(a.URI, ":") || strings.HasPrefix(a.URI, "..") {
				t.Errorf("artifactLocation %+v: want a relative uri under %%SRCROOT%%", a)
			}
		}
	}
}

// sarifLog is the part of a SARIF report the tests read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID      string
					HelpURI string `json:"helpUri"`
				}
			}
		}
		Results []struct {
			RuleID              string            `json:"ruleId"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		}
	}
}
