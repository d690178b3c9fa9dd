// Package baseline records a scan's violations and compares later scans
// with them: the ratchet that lets a migration fail CI only on new JWT code
// outside the SSOT while the known violations are removed one by one.
package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/jwtssot/jwtssot/internal/atomicfile"
	"github.com/jwtssot/jwtssot/internal/inputfile"
	"github.com/jwtssot/jwtssot/internal/report"
)

// Version is the baseline file format's version. Version 1's fingerprints
// named files relative to the directory the scan ran in; version 2's name
// them by module and path in the module.
const Version = 2

// File is a baseline as stored: the violations' fingerprints, with enough
// context for a reviewer to read the file's diff.
type File struct {
	Version    int     `json:"version"`
	Tool       string  `json:"tool"`
	Violations []Entry `json:"violations"`
}

// Entry is one recorded violation.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Function    string `json:"function,omitempty"`
	Symbol      string `json:"symbol,omitempty"`
	Message     string `json:"message"`
}

// Write records vs in name, atomically.
func Write(name string, vs []report.Violation) error {
	f := File{Version: Version, Tool: "jwtssot", Violations: []Entry{}}
	for _, v := range vs {
		f.Violations = append(f.Violations, Entry{
			Fingerprint: v.Fingerprint, Rule: v.Rule, File: v.File,
			Function: v.Function, Symbol: v.Symbol, Message: v.Message,
		})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return err
	}
	return atomicfile.Write(name, buf.Bytes(), 0o644)
}

// MaxSize is the most a baseline file may hold: a million violations.
const MaxSize = 256 << 20

// Read loads a baseline, with errors that name the file and the fix. It
// reads through jwtssot's one opener of input files, which refuses what is
// not a regular file (a named pipe would block the run) or is too large.
func Read(name string) (*File, error) {
	kind := inputfile.Kind{Noun: "baseline", Is: "a JSON file written by jwtssot -write-baseline", MaxSize: MaxSize, MaxText: "256 MiB",
		NotFound: "create it with -write-baseline " + name}
	data, err := kind.Read(name)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// Parse decodes a baseline file's content, to compare a scan with.
func Parse(name string, data []byte) (*File, error) {
	f, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	switch {
	case f.Version == 1:
		return nil, fmt.Errorf("baseline %s was written by an older jwtssot, whose fingerprints depended on the directory "+
			"the scan ran in; rewrite it with -write-baseline %s", name, name)
	case f.Version != Version:
		return nil, fmt.Errorf("baseline %s has version %d, this jwtssot reads version %d; rewrite it with -write-baseline %s", name, f.Version, Version, name)
	}
	for i, e := range f.Violations {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: violation %d has no fingerprint; rewrite it with -write-baseline %s", name, i+1, name)
		}
	}
	return f, nil
}

// ParseHistory decodes a version of a baseline from its history, to count
// its violations by rule (the trend): every version this jwtssot has
// written counts, version 1 included, whose fingerprints no longer match a
// scan but whose rules and files are what they were.
func ParseHistory(name string, data []byte) (*File, error) {
	f, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	if f.Version < 1 || f.Version > Version {
		return nil, fmt.Errorf("baseline %s has version %d, this jwtssot reads versions 1 to %d", name, f.Version, Version)
	}
	return f, nil
}

func decode(name string, data []byte) (*File, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("baseline %s is not a jwtssot baseline (%w); rewrite it with -write-baseline %s", name, err, name)
	}
	return &f, nil
}

// Apply keeps in vs only the violations the baseline does not know and
// counts the known, new and fixed ones. Each baseline entry matches at most
// one violation, so a second copy of a known violation is new.
func (f *File) Apply(name string, vs []report.Violation) ([]report.Violation, *report.BaselineStats) {
	remaining := map[string]int{}
	for _, e := range f.Violations {
		remaining[e.Fingerprint]++
	}
	stats := &report.BaselineStats{File: name}
	var fresh []report.Violation
	for _, v := range vs {
		if remaining[v.Fingerprint] > 0 {
			remaining[v.Fingerprint]--
			stats.Known++
			continue
		}
		fresh = append(fresh, v)
	}
	stats.New = len(fresh)
	for _, n := range remaining {
		stats.Fixed += n
	}
	if fresh == nil {
		fresh = []report.Violation{}
	}
	return fresh, stats
}
