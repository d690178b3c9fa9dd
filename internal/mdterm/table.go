package mdterm

import "strings"

// renderTable aligns a Markdown table's columns; the delimiter row becomes
// a rule under the header.
func renderTable(rows []string, base string, s Style) string {
	var cells [][]span
	var widths []int
	for _, row := range rows {
		parts := splitRow(row)
		if isDelimiterRow(parts) {
			cells = append(cells, nil)
			continue
		}
		var rc []span
		for j, p := range parts {
			sp := parseInline(strings.TrimSpace(p), base)
			rc = append(rc, sp...)
			rc = append(rc, span{kind: spanCellEnd})
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], visibleLen(sp, s))
		}
		cells = append(cells, rc)
	}
	var b strings.Builder
	for _, rc := range cells {
		b.WriteString(strings.Repeat(" ", textIndent))
		if rc == nil {
			for j, w := range widths {
				if j > 0 {
					b.WriteString("  ")
				}
				b.WriteString(strings.Repeat("-", w))
			}
			b.WriteString("\n")
			continue
		}
		col, cell := 0, []span(nil)
		var line strings.Builder
		for _, sp := range rc {
			if sp.kind != spanCellEnd {
				cell = append(cell, sp)
				continue
			}
			if col > 0 {
				line.WriteString("  ")
			}
			line.WriteString(styleSpans(cell, s))
			if col < len(widths)-1 {
				line.WriteString(strings.Repeat(" ", widths[col]-visibleLen(cell, s)))
			}
			col++
			cell = nil
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return b.String()
}

// splitRow splits "| a | b \| c |" into its cells, honouring escaped pipes.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
		case row[i] == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(cells, cur.String())
}

func isDelimiterRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(strings.TrimSpace(c), "-:") != "" {
			return false
		}
	}
	return len(cells) > 0
}
