package trend

import (
	"strings"
	"testing"
)

// FuzzParseList: any -reports value either fails or gives non-empty,
// trimmed items without commas, which parse back to themselves.
func FuzzParseList(f *testing.F) {
	for _, s := range []string{"a.json", "a.json,b.json", " reports/*.json , x ", ",", "", "a,,b", "\t", "é,\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		items, err := ParseList(s)
		if err != nil {
			return
		}
		if len(items) == 0 {
			t.Fatalf("ParseList(%q): no items and no error", s)
		}
		for _, it := range items {
			if it == "" || it != strings.TrimSpace(it) || strings.Contains(it, ",") {
				t.Fatalf("ParseList(%q): bad item %q", s, it)
			}
		}
		again, err := ParseList(strings.Join(items, ","))
		if err != nil || strings.Join(again, ",") != strings.Join(items, ",") {
			t.Fatalf("ParseList(%q) = %q does not parse back: %q, %v", s, items, again, err)
		}
	})
}

// FuzzNaturalCompare: the order is total and antisymmetric, equal only
// for equal strings.
func FuzzNaturalCompare(f *testing.F) {
	f.Add("run-9.json", "run-10.json")
	f.Add("a01", "a1")
	f.Add("", "0")
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := naturalCompare(a, b), naturalCompare(b, a)
		if ab != -ba {
			t.Fatalf("naturalCompare(%q, %q) = %d but reversed %d", a, b, ab, ba)
		}
		if (ab == 0) != (a == b) {
			t.Fatalf("naturalCompare(%q, %q) = %d", a, b, ab)
		}
	})
}

// FuzzCountReport: any file given as a report is counted or refused,
// never a panic, and a count adds up.
func FuzzCountReport(f *testing.F) {
	f.Add([]byte(`{"version": 1, "tool": {"name": "jwtssot"}, "violations": [{"rule": "call"}], "baseline": {"known": 3}}`))
	f.Add([]byte(`{"version": 1, "tool": {"name": "jwtssot"}, "violations": null}`))
	f.Add([]byte(`{"version": 1, "tool": {"name": "jwtssot"}, "violations": [], "baseline": {"known": -4}}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := countReport(data)
		if err != nil {
			return
		}
		sum := p.Known
		for _, n := range p.ByRule {
			sum += n
		}
		if sum != p.Total || p.Known < 0 {
			t.Fatalf("countReport(%q) = %+v: total %d, known %d", data, p, sum, p.Known)
		}
	})
}

// FuzzParseLog: git's output, however odd (a subject or a name that looks
// like a record, a record cut short), gives commits with a hash, a short
// hash and a path.
func FuzzParseLog(f *testing.F) {
	f.Add(logMarker + "\x00aaaa\x002025-01-02T00:00:00Z\x00second\x00\n:100644 100644 b1 b2 R090\x00old.json\x00new.json\x00")
	f.Add(logMarker + "\x00bbbb\x00date\x00" + logMarker + "\x00\n:1 2 3 4 D\x00")
	f.Add(logMarker + "\x00\x00\x00\x00\n:\x00")
	f.Fuzz(func(t *testing.T, out string) {
		for _, c := range parseLog(out, "fallback.json") {
			if c.hash == "" || c.short == "" || c.path == "" && c.blob == "" {
				t.Fatalf("parseLog(%q): commit %+v", out, c)
			}
		}
	})
}
