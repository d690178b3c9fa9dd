package report

import (
	"bufio"
	"fmt"
	"io"
	"path"
)

// Formats lists the output formats, the first being the default.
var Formats = []string{"text", "json", "sarif", "github", "markdown", "html"}

// Options tune the writers that have choices.
type Options struct {
	Color bool // text: color rule ids and counts
	Quiet bool // text: violations only, no summary
	// Inventory makes the text format list the JWT inventory instead of
	// the violations; json always carries it.
	Inventory bool
	// PathPrefix is the scan root's path relative to the repository root,
	// slash-separated ("server" for a module in server/), or "". The
	// formats GitHub reads, sarif and github, name files relative to the
	// repository root: code scanning resolves SARIF's %SRCROOT% to the
	// checkout, and workflow annotations want repository paths. The
	// others keep the paths relative to the scan root.
	PathPrefix string
}

// repoPath is a violation's file relative to the repository root.
func (o Options) repoPath(file string) string {
	if o.PathPrefix == "" {
		return file
	}
	return path.Join(o.PathPrefix, file)
}

// Write writes r to w in format.
func Write(w io.Writer, format string, r *Report, opts Options) error {
	switch format {
	case "text":
		if opts.Inventory {
			return writeInventoryText(w, r, opts)
		}
		if err := writeText(w, r, opts); err != nil || r.Trend == nil || opts.Quiet {
			return err
		}
		bw := bufio.NewWriter(w)
		fmt.Fprintln(bw)
		writeTrendText(bw, r.Trend)
		return bw.Flush()
	case "json":
		return writeJSON(w, r)
	case "sarif":
		return writeSARIF(w, r, opts)
	case "github":
		return writeGitHub(w, r, opts)
	case "markdown":
		return writeMarkdown(w, r)
	case "html":
		return writeHTML(w, r)
	}
	return fmt.Errorf("unknown format %q (want one of text, json, sarif, github, markdown, html)", format)
}
