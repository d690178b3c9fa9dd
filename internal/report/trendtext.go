package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jwtssot/jwtssot/internal/visible"
)

// maxSubject bounds the commit subject the text table shows.
const maxSubject = 60

// writeTrendText writes a trend as a table, oldest first: a row a commit
// (or report), a column a rule, the commit's subject (or the report's
// path) last. Labels, subjects, paths and reasons come from git and the
// file system, and are shown with visible.Text.
func writeTrendText(w io.Writer, t *Trend) {
	fmt.Fprintf(w, "jwtssot: %s, oldest first\n\n", visible.Text(trendHeading(t)))
	ids := t.Rules()
	known := t.HasKnown()
	git := t.Source == TrendGit

	// Text columns are aligned left, counts right.
	head := []string{"report"}
	if git {
		head = []string{"commit", "date"}
	}
	texts := len(head)
	head = append(head, "total")
	for _, id := range ids {
		head = append(head, visible.Text(id))
	}
	if known {
		head = append(head, "known")
	}
	rows := [][]string{head}
	for _, p := range t.Points {
		row := []string{visible.Text(p.Label)}
		if git {
			date := p.Date
			if len(date) >= 10 {
				date = date[:10]
			}
			row = append(row, visible.Text(date))
		}
		row = append(row, strconv.Itoa(p.Total))
		for _, id := range ids {
			row = append(row, strconv.Itoa(p.ByRule[id]))
		}
		if known {
			row = append(row, strconv.Itoa(p.Known))
		}
		rows = append(rows, row)
	}
	width := make([]int, len(head))
	for _, row := range rows {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for r, row := range rows {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if i < texts {
				b.WriteString(c + pad)
			} else {
				b.WriteString(pad + c)
			}
		}
		if r == 0 {
			if git {
				b.WriteString("  subject")
			} else {
				b.WriteString("  file")
			}
		} else if s := subject(t.Points[r-1]); s != "" {
			b.WriteString("  " + s)
		}
		fmt.Fprintln(w, b.String())
	}
	for _, s := range t.Skipped {
		fmt.Fprintf(w, "\nskipped %s: %s", visible.Text(s.Label), visible.Text(s.Reason))
	}
	if len(t.Skipped) > 0 {
		fmt.Fprintln(w)
	}
}

func subject(p TrendPoint) string {
	s := p.Subject
	if p.File != "" {
		s = p.File
	}
	s = visible.Text(s)
	if utf8.RuneCountInString(s) > maxSubject {
		s = string([]rune(s)[:maxSubject-1]) + "…"
	}
	return s
}
