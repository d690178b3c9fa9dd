// Package fix applies the fixes an analysis suggests to the files of the
// scanned modules, safely: a fix is applied whole or not at all; one whose
// edits overlap another's is left out and reported with the finding it
// conflicts with; a generated file, a file outside the scanned modules and
// a file the caller refuses (an auth package's, a file with build errors)
// are never edited; the imports a set of fixes leaves unused are removed
// and those it deletes while still in use are kept; a file that was gofmt
// clean stays so; nothing is written unless asked, and then atomically.
//
// Compute makes a Plan; the plan's Write, WriteDiff or WriteArchive (for
// go fix's archive of fixed files) carries it out.
package fix

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// An Edit replaces the bytes [Start, End) of a file with New.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// A Fix is the edits of one finding's suggested fix, applied all or none.
type Fix struct {
	// Finding names the finding, for reports: "pay.go:12:3: call of
	// jwt.Parse (jwtssot/call)".
	Finding string
	Edits   []Edit
	// sizes are the sizes of the files when they were analyzed: a file
	// that changed since is not edited.
	sizes map[string]int
}

// FromSuggested converts an analysis.SuggestedFix, whose positions are in
// fset, into a Fix.
func FromSuggested(fset *token.FileSet, finding string, sf analysis.SuggestedFix) (Fix, error) {
	f := Fix{Finding: finding, sizes: map[string]int{}}
	for _, e := range sf.TextEdits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		file := fset.File(e.Pos)
		if file == nil || fset.File(end) != file {
			return Fix{}, fmt.Errorf("%s: an edit of the fix %q is not within one file", finding, sf.Message)
		}
		start, stop := file.Offset(e.Pos), file.Offset(end)
		if start > stop {
			return Fix{}, fmt.Errorf("%s: an edit of the fix %q ends before it starts", finding, sf.Message)
		}
		f.Edits = append(f.Edits, Edit{File: file.Name(), Start: start, End: stop, New: string(e.NewText)})
		f.sizes[file.Name()] = file.Size()
	}
	return f, nil
}

// Rename names the fix's files anew (by their real paths, say), keeping
// what it knows of each: the size it had when it was analyzed.
func (f *Fix) Rename(name func(string) string) {
	sizes := map[string]int{}
	for old, n := range f.sizes {
		sizes[name(old)] = n
	}
	f.sizes = sizes
	for i := range f.Edits {
		f.Edits[i].File = name(f.Edits[i].File)
	}
}

// files lists the files the fix edits, in the order of its edits.
func (f *Fix) files() []string {
	var names []string
	seen := map[string]bool{}
	for _, e := range f.Edits {
		if !seen[e.File] {
			seen[e.File] = true
			names = append(names, e.File)
		}
	}
	return names
}

// A Skip is a fix that is not applied, and why.
type Skip struct {
	Finding string
	File    string
	Reason  string
}

// String is the skip as a report line: "fix of FINDING not applied:
// REASON", every part escaped for a terminal.
func (s Skip) String() string {
	return "fix of " + SafeText(s.Finding) + " not applied: " + SafeText(s.Reason)
}

// A FileChange is a file the plan changes.
type FileChange struct {
	Name     string
	Old, New []byte
	// Findings are those whose fixes changed the file.
	Findings []string
}
