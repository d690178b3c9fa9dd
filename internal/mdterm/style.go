// Package mdterm renders the Markdown of jwtssot's pages (the rule pages,
// docs/libraries.md) for a terminal, man-page style: headings emphasised,
// prose wrapped, code indented as written, links as "text (url)" and
// tables aligned. It knows the Markdown the pages use, no more: ATX
// headings, paragraphs, "-", "*" and numbered lists, fenced code, tables
// and HTML comments (dropped).
package mdterm

import (
	"github.com/fatih/color"

	"github.com/jwtssot/jwtssot/internal/termcolor"
)

// A Style emphasises the parts of a page; every style is the identity
// without color.
type Style struct {
	color                                  bool
	boldC, codeC, faintC, sectionC, titleC *color.Color
}

// NewStyle returns the style of a page, colored or not.
func NewStyle(on bool) Style {
	return Style{
		color:    on,
		boldC:    termcolor.New(on, color.Bold),
		codeC:    termcolor.New(on, color.FgCyan),
		faintC:   termcolor.New(on, color.Faint),
		sectionC: termcolor.New(on, color.Bold, color.FgYellow),
		titleC:   termcolor.New(on, color.Bold, color.Underline),
	}
}

// Bold styles text as the page's emphasis.
func (s Style) Bold(t string) string { return s.boldC.Sprint(t) }

// Code styles text as the page's inline code.
func (s Style) Code(t string) string { return s.codeC.Sprint(t) }

// Faint styles text as the page's asides.
func (s Style) Faint(t string) string { return s.faintC.Sprint(t) }
