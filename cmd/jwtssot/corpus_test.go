package main

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The corpora are realistic backends, labelled line by line, written from
// the rules' specification alone by someone who had not seen the analyzer:
// the nearest thing to the held-out modules jwtssot is judged on. They use
// the real JWT libraries and frameworks, so the first run downloads them
// from the module proxy.
var corpora = []string{"fleet", "shopapi", "ledger", "relay", "harbor", "streamline", "clinic", "campus", "voyage", "harvest"}

// label is where the labels expect (or leave open) one rule's findings.
type label struct {
	file string
	line int
	rule string
}

var (
	expectLabel = regexp.MustCompile(`//.*\bEXPECT:\s*([a-z -]+)`)
	ambigLabel  = regexp.MustCompile(`//.*\bAMBIG:\s*([a-z-]+)`)
)

// corpusLabels reads the // EXPECT: and // AMBIG: labels of the module in
// dir: how many findings of each rule each line must have, and which
// (line, rule) pairs are left out of the score.
func corpusLabels(t *testing.T, dir string) (map[label]int, map[label]bool) {
	t.Helper()
	want, ambig := map[label]int{}, map[label]bool{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := expectLabel.FindStringSubmatch(line); m != nil {
				for _, rule := range strings.Fields(m[1]) {
					want[label{filepath.ToSlash(rel), i + 1, rule}]++
				}
			}
			if m := ambigLabel.FindStringSubmatch(line); m != nil {
				ambig[label{filepath.ToSlash(rel), i + 1, m[1]}] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return want, ambig
}

// TestCorpora scores the standalone scan and go vet against the corpora's
// labels: every rule must have a precision and a recall of 1, in both
// modes. A failure lists each finding too many and each one missing.
func TestCorpora(t *testing.T) {
	t.Parallel() // processes only, on fixtures of their own or shared read-only
	for _, name := range corpora {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := fixture(t, filepath.Join("..", "..", "testdata", "corpus", name+".txtar"))
			want, ambig := corpusLabels(t, dir)
			rules := map[string]bool{}
			for l := range want {
				rules[l.rule] = true
			}
			for _, rule := range []string{"import", "call", "hardcoded-secret", "secret-access"} {
				if !rules[rule] {
					t.Fatalf("the %s corpus expects no %s finding: its labels are not being read", name, rule)
				}
			}

			std := jwtssot(t, dir, "-format", "json", "./...")
			rep := decodeReport(t, std)
			if std.code != 1 || len(rep.Errors) > 0 {
				t.Fatalf("standalone exit %d, want 1; package errors: %v\nstderr: %s", std.code, rep.Errors, std.stderr)
			}
			scoreCorpus(t, "standalone", want, ambig, rep.findings())

			vet := goVet(t, dir, "-json", "./...")
			got := vetFindings(t, dir, vet.json())
			if len(got) == 0 {
				t.Fatalf("go vet reported nothing (exit %d):\n%s", vet.code, vet.stderr)
			}
			scoreCorpus(t, "go vet", want, ambig, got)
		})
	}
}

// scoreCorpus compares findings with the labels, rule by rule, logs each
// rule's precision and recall and fails on any difference.
func scoreCorpus(t *testing.T, mode string, want map[label]int, ambig map[label]bool, findings []finding) {
	t.Helper()
	got := map[label]int{}
	for _, f := range findings {
		got[label{f.File, f.Line, f.Rule}]++
	}
	type tally struct{ tp, fp, fn int }
	byRule := map[string]*tally{}
	var wrong []string
	seen := map[label]bool{}
	for _, m := range []map[label]int{want, got} {
		for l := range m {
			if seen[l] || ambig[l] {
				continue
			}
			seen[l] = true
			tl := byRule[l.rule]
			if tl == nil {
				tl = &tally{}
				byRule[l.rule] = tl
			}
			w, g := want[l], got[l]
			tl.tp += min(w, g)
			switch {
			case g > w:
				tl.fp += g - w
				wrong = append(wrong, fmt.Sprintf("%s:%d: %d %s finding(s) too many", l.file, l.line, g-w, l.rule))
			case w > g:
				tl.fn += w - g
				wrong = append(wrong, fmt.Sprintf("%s:%d: %d %s finding(s) missing", l.file, l.line, w-g, l.rule))
			}
		}
	}
	for _, rule := range slices.Sorted(maps.Keys(byRule)) {
		tl := byRule[rule]
		t.Logf("%s %-16s %3d found, %d too many, %d missing: precision %.3f, recall %.3f", mode, rule,
			tl.tp, tl.fp, tl.fn, ratio(tl.tp, tl.tp+tl.fp), ratio(tl.tp, tl.tp+tl.fn))
	}
	if len(wrong) > 0 {
		slices.Sort(wrong)
		t.Errorf("%s disagrees with the labels:\n%s", mode, strings.Join(wrong, "\n"))
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
