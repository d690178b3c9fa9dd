package fix

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"

	"github.com/jwtssot/jwtssot/internal/atomicfile"
)

// Write writes each changed file in place, atomically (a reader sees the
// old content or the new, never half of it), keeping its permissions. It
// writes every file it can and returns the errors of the others.
func (p *Plan) Write() error {
	var errs []error
	for _, fc := range p.Files {
		perm := os.FileMode(0o644)
		if fi, err := os.Stat(fc.Name); err == nil {
			perm = fi.Mode().Perm()
		}
		if err := atomicfile.Write(fc.Name, fc.New, perm); err != nil {
			errs = append(errs, fmt.Errorf("writing %s: %w", SafeName(fc.Name), err))
		}
	}
	return errors.Join(errs...)
}

// WriteArchive writes the changed files into a zip archive, each under its
// name, with comment as the archive's comment: go fix gives a fix tool
// such an archive to fill (vet config's FixArchive) and writes the files
// itself once every package is analyzed.
func (p *Plan) WriteArchive(w io.Writer, comment string) error {
	zw := zip.NewWriter(w)
	if err := zw.SetComment(comment); err != nil {
		return err
	}
	for _, fc := range p.Files {
		f, err := zw.Create(fc.Name)
		if err != nil {
			return err
		}
		if _, err := f.Write(fc.New); err != nil {
			return err
		}
	}
	return zw.Close()
}

// DiffOptions say how WriteDiff shows the changes.
type DiffOptions struct {
	// Name, if set, is the name shown for a file (relative to the working
	// directory, say); it is escaped as SafeName does.
	Name func(file string) string
	// Terminal escapes the control characters of the lines too, for a
	// terminal; a diff meant for patch or git apply keeps them.
	Terminal bool
}

// WriteDiff writes a unified diff of each changed file, in the form
// go fix -diff prints ("--- name (old)", "+++ name (new)"), and writes no
// file.
func (p *Plan) WriteDiff(w io.Writer, o DiffOptions) error {
	for _, fc := range p.Files {
		name := fc.Name
		if o.Name != nil {
			name = o.Name(name)
		}
		name = SafeName(name)
		d := udiff.Unified(name+" (old)", name+" (new)", string(fc.Old), string(fc.New))
		if o.Terminal {
			d = escapeLines(d)
		}
		if _, err := io.WriteString(w, d); err != nil {
			return err
		}
	}
	return nil
}

// escapeLines escapes the control characters of every line of a diff.
func escapeLines(d string) string {
	lines := strings.SplitAfter(d, "\n")
	for i, l := range lines {
		body, nl := strings.CutSuffix(l, "\n")
		lines[i] = SafeText(body)
		if nl {
			lines[i] += "\n"
		}
	}
	return strings.Join(lines, "")
}
