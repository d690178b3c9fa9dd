package fix

import (
	"fmt"
	"sort"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Preview shows a fix alone as the hunks of a unified diff of its file
// src (the file of its edits), with context lines of context around each
// change and no file header: what a report shows next to the finding.
// Imports are not tidied nor the file formatted, as Compute does: the
// preview is the fix's own edits.
func (f *Fix) Preview(src []byte, context int) (string, error) {
	if len(f.Edits) == 0 {
		return "", nil
	}
	file := f.Edits[0].File
	edits := make([]udiff.Edit, 0, len(f.Edits))
	for _, e := range f.Edits {
		if e.File != file {
			return "", fmt.Errorf("the fix edits %s and %s", SafeName(file), SafeName(e.File))
		}
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return "", fmt.Errorf("an edit lies outside %s", SafeName(file))
		}
		edits = append(edits, udiff.Edit{Start: e.Start, End: e.End, New: e.New})
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	d, err := udiff.ToUnified("a", "b", string(src), edits, context)
	if err != nil {
		return "", err
	}
	// Drop the "--- a" and "+++ b" lines.
	for range 2 {
		if _, rest, ok := strings.Cut(d, "\n"); ok && (strings.HasPrefix(d, "---") || strings.HasPrefix(d, "+++")) {
			d = rest
		}
	}
	return d, nil
}
