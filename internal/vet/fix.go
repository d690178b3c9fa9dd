package vet

import (
	"fmt"
	"go/token"
	"io"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/jwtssot/jwtssot/internal/fix"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// applyFixes is go fix's and go vet -fix's mode (-fix): the package's
// fixes, planned as jwtssot -fix plans them (internal/fix: each fix whole
// or not at all, conflicts left out, generated files and files outside
// the package's directory never edited, imports tidied), go into the
// archive go fix gives (FixArchive), which the go command writes out once
// every package is analyzed; with -diff they are printed as a unified
// diff on stdout instead; without an archive (an older go vet -fix) the
// files are written in place, atomically. A fix left out is said on
// stderr; the others are still applied, as jwtssot -fix does.
func applyFixes(cfg *Config, o Options, fset *token.FileSet, diags []analysis.Diagnostic, stdout, stderr io.Writer) error {
	var fixes []fix.Fix
	for _, d := range diags {
		if len(d.SuggestedFixes) == 0 {
			continue
		}
		f, err := fix.FromSuggested(fset, fset.Position(d.Pos).String(), d.SuggestedFixes[0])
		if err != nil {
			return err
		}
		fixes = append(fixes, f)
	}
	plan := fix.Compute(fixes, fix.Options{Roots: []string{cfg.Dir}})
	for _, sk := range plan.Skipped {
		fmt.Fprintf(stderr, "jwtssot: %s\n", visible.Text(sk.String()))
	}
	switch {
	case cfg.FixArchive != "":
		f, err := os.Create(cfg.FixArchive)
		if err != nil {
			return fmt.Errorf("creating the fix archive: %w", err)
		}
		if err := plan.WriteArchive(f, cfg.ID); err != nil {
			_ = f.Close() // the error above is the one to report
			return fmt.Errorf("writing the fix archive: %w", err)
		}
		return f.Close()
	case o.Diff:
		return plan.WriteDiff(stdout, fix.DiffOptions{})
	}
	return plan.Write()
}
