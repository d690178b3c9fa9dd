package trend

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/inputfile"
	"github.com/jwtssot/jwtssot/internal/report"
)

// ParseList splits the value of -reports: a comma-separated list of JSON
// report files, globs (reports/*.json) and directories (every *.json file
// in one), spaces around an item ignored. An empty item is an error: it is
// a typo, not a wish.
func ParseList(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("%w: -reports names no report; give a comma-separated list of JSON reports, globs or directories", ErrReports)
	}
	var items []string
	for i, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return nil, fmt.Errorf("%w: -reports %q: item %d is empty", ErrReports, s, i+1)
		}
		items = append(items, item)
	}
	return items, nil
}

// Expand turns the items of -reports into files, in the order given: a
// glob or a directory stands for its matches, sorted in natural order (so
// that report-9.json comes before report-10.json); a file named twice
// counts once, where it first appears. A name that matches nothing is an
// error.
func Expand(items []string) ([]string, error) {
	var files []string
	add := func(names ...string) {
		for _, n := range names {
			if !slices.Contains(files, n) {
				files = append(files, n)
			}
		}
	}
	for _, item := range items {
		pattern := item
		if fi, err := os.Stat(item); err == nil && fi.IsDir() {
			pattern = filepath.Join(item, "*.json")
		} else if err == nil || !hasMeta(item) {
			add(item) // FromReports says what is wrong with it, if anything
			continue
		}
		matches, err := filepath.Glob(pattern)
		if err != nil {
			return nil, fmt.Errorf("%w: -reports %s: %w", ErrReports, item, err)
		}
		var regular []string
		for _, m := range matches {
			// A directory that matches *.json is not a report; a named
			// pipe or a device is kept, for FromReports to refuse.
			if fi, err := os.Stat(m); err == nil && !fi.IsDir() {
				regular = append(regular, m)
			}
		}
		if len(regular) == 0 {
			return nil, fmt.Errorf("%w: -reports %s matches no file", ErrReports, item)
		}
		slices.SortFunc(regular, naturalCompare)
		add(regular...)
	}
	return files, nil
}

func hasMeta(s string) bool { return strings.ContainsAny(s, `*?[`) }

// naturalCompare orders strings as people number files: runs of digits
// compare by value, so "r9" < "r10"; of two equal values, the one written
// with fewer leading zeros comes first, so that the order is total.
func naturalCompare(a, b string) int {
	i, j := 0, 0
	zeros := 0 // the first difference in leading zeros, a tie-break
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			ei, ej := i, j
			for ei < len(a) && isDigit(a[ei]) {
				ei++
			}
			for ej < len(b) && isDigit(b[ej]) {
				ej++
			}
			na, nb := strings.TrimLeft(a[i:ei], "0"), strings.TrimLeft(b[j:ej], "0")
			if c := cmpInt(len(na), len(nb)); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			if zeros == 0 {
				zeros = cmpInt(ei-i, ej-j)
			}
			i, j = ei, ej
			continue
		}
		if a[i] != b[j] {
			return cmpInt(int(a[i]), int(b[j]))
		}
		i++
		j++
	}
	if c := cmpInt(len(a)-i, len(b)-j); c != 0 {
		return c
	}
	if zeros != 0 {
		return zeros
	}
	return strings.Compare(a, b)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// reportFile is the kind of input file a JSON report is, for the opener.
var reportFile = inputfile.Kind{Noun: "JSON report", Is: "a file written by jwtssot -format json", MaxSize: 256 << 20, MaxText: "256 MiB"}

// FromReports counts the violations of each JSON report, in the order of
// files. A file that is not a jwtssot JSON report is left out with a
// warning; a file that does not exist, or is no regular file (a named pipe
// would block the run), is an error.
func FromReports(files []string, warn Warn) (*report.Trend, error) {
	t := &report.Trend{Source: report.TrendReports, Points: []report.TrendPoint{}, Skipped: []report.TrendSkip{}}
	for _, f := range files {
		label := strings.TrimSuffix(filepath.Base(f), ".json")
		data, err := reportFile.Read(f)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrReports, err)
		}
		p, err := countReport(data)
		if err != nil {
			t.Skipped = append(t.Skipped, report.TrendSkip{Label: label, File: filepath.ToSlash(f), Reason: err.Error()})
			warn.warn(fmt.Sprintf("-trend: skipping report %s: %v", f, err))
			continue
		}
		p.Label, p.File = label, filepath.ToSlash(f)
		t.Points = append(t.Points, p)
	}
	if len(t.Points) == 0 {
		return nil, fmt.Errorf("%w: none of the %d files given with -reports is a jwtssot JSON report", ErrNoVersion, len(files))
	}
	return t, nil
}

// countReport counts a JSON report's violations by rule. A report written
// with -baseline lists only the new violations; the known ones it only
// counts (baseline.known), and so does the point.
func countReport(data []byte) (report.TrendPoint, error) {
	var r struct {
		Version *int `json:"version"`
		Tool    struct {
			Name string `json:"name"`
		} `json:"tool"`
		Violations *[]struct {
			Rule string `json:"rule"`
		} `json:"violations"`
		Baseline *struct {
			Known int `json:"known"`
		} `json:"baseline"`
	}
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&r); err != nil {
		return report.TrendPoint{}, fmt.Errorf("not a jwtssot JSON report (%w)", err)
	}
	switch {
	case r.Tool.Name != "jwtssot" || r.Version == nil || r.Violations == nil:
		return report.TrendPoint{}, errors.New("not a jwtssot JSON report (jwtssot -format json writes one)")
	case *r.Version != report.SchemaVersion:
		return report.TrendPoint{}, fmt.Errorf("a JSON report of version %d; this jwtssot reads version %d", *r.Version, report.SchemaVersion)
	}
	by := map[string]int{}
	for _, v := range *r.Violations {
		by[v.Rule]++
	}
	known := 0
	if r.Baseline != nil {
		known = max(r.Baseline.Known, 0)
	}
	return point(by, known), nil
}
