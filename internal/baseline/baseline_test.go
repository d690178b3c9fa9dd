package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/report"
)

func violations(fps ...string) []report.Violation {
	var vs []report.Violation
	for _, fp := range fps {
		vs = append(vs, report.Violation{Rule: "call", File: "a.go", Fingerprint: fp, Message: "m (jwtssot/call)"})
	}
	return vs
}

func TestWriteReadApply(t *testing.T) {
	name := filepath.Join(t.TempDir(), "baseline.json")
	if err := Write(name, violations("a", "b", "b", "c")); err != nil {
		t.Fatal(err)
	}
	f, err := Read(name)
	if err != nil {
		t.Fatal(err)
	}
	// b appears twice in the baseline, three times now: one is new.
	// c is gone: fixed. d is new.
	fresh, stats := f.Apply(name, violations("a", "b", "b", "b", "d"))
	if stats.Known != 3 || stats.New != 2 || stats.Fixed != 1 {
		t.Errorf("stats = %+v, want known 3, new 2, fixed 1", stats)
	}
	if len(fresh) != 2 || fresh[0].Fingerprint != "b" || fresh[1].Fingerprint != "d" {
		t.Errorf("fresh = %+v", fresh)
	}
	entries, err := os.ReadDir(filepath.Dir(name))
	if err != nil || len(entries) != 1 {
		t.Errorf("the atomic write left files behind: %v", entries)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ content, want string }{
		{"", "is not a jwtssot baseline"},
		{"{]", "is not a jwtssot baseline"},
		{`{"version": 2, "tool": "jwtssot", "violations": [], "extra": 1}`, "unknown field"},
		{`{"version": 3, "tool": "jwtssot", "violations": []}`, "has version 3"},
		{`{"version": 1, "tool": "jwtssot", "violations": []}`, "written by an older jwtssot"},
		{`{"version": 2, "tool": "jwtssot", "violations": [{"rule": "call"}]}`, "violation 1 has no fingerprint"},
	}
	for i, tt := range tests {
		name := filepath.Join(dir, "b"+string(rune('0'+i))+".json")
		if err := os.WriteFile(name, []byte(tt.content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Read(name)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), name) {
			t.Errorf("Read(%q) = %v, want an error naming the file and containing %q", tt.content, err, tt.want)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "-write-baseline") {
		t.Errorf("missing baseline: %v, want a hint to write one", err)
	}
}

// FuzzParse: a baseline is user input (a committed file that may be edited
// or merged by hand); parsing it must never panic, and what parses must
// apply cleanly.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"version": 2, "tool": "jwtssot", "violations": [{"fingerprint": "ab", "rule": "call", "file": "a.go", "message": "m"}]}`))
	f.Add([]byte(`{"version": 2, "violations": null}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"version": 1e400}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("fuzz.json", data)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.json") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		fresh, stats := b.Apply("fuzz.json", violations("ab", "cd"))
		if stats.Known+stats.New != 2 || len(fresh) != stats.New || stats.Fixed < 0 || stats.Fixed > len(b.Violations) {
			t.Errorf("inconsistent stats %+v for %d fresh", stats, len(fresh))
		}
	})
}
