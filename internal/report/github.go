package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/jwtssot/jwtssot/internal/rules"
	"github.com/jwtssot/jwtssot/internal/visible"
)

// writeGitHub writes GitHub Actions workflow commands: one ::error per
// violation, which the runner shows as an annotation on the pull request.
// Files are named relative to the repository root (opts.PathPrefix), as
// annotations must be.
func writeGitHub(w io.Writer, r *Report, opts Options) error {
	bw := bufio.NewWriter(w)
	for _, v := range r.Violations {
		body, _ := rules.SplitMessage(v.Message)
		fmt.Fprintf(bw, "::error file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			escapeProperty(opts.repoPath(v.File)), v.Line, v.Column, v.EndLine, v.EndColumn,
			escapeProperty("jwtssot("+v.Rule+")"), escapeData(body))
	}
	for _, e := range r.Errors {
		fmt.Fprintf(bw, "::error title=%s::%s\n", escapeProperty("jwtssot: package not checked"),
			escapeData(e.Package+": "+e.Message))
	}
	if note := fixNote(r.Summary.Fixable, r.Summary.Unfixable); note != "" {
		fmt.Fprintf(bw, "::notice title=jwtssot fixes::%s\n", escapeData(note))
	}
	if b := r.Baseline; b != nil {
		fmt.Fprintf(bw, "::notice title=jwtssot baseline::%s\n",
			escapeData(fmt.Sprintf("%d known violations remain, %d new, %d fixed", b.Known, b.New, b.Fixed)))
	}
	return bw.Flush()
}

// escapeData escapes a workflow command's message as the runner's toolkit
// does, after showing its control and bidi characters visibly: the log
// would otherwise act on an ANSI escape.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(visible.Text(s))
}

// escapeProperty escapes a workflow command's property value likewise.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(visible.Text(s))
}
