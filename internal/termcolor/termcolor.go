// Package termcolor makes the colors of jwtssot's terminal output: every
// report and page colors its text the same way, on only when the caller
// decided so (a terminal without NO_COLOR, or -color always).
package termcolor

import "github.com/fatih/color"

// New returns a color with attrs, enabled or disabled whatever the
// package-wide default of fatih/color says: the caller has decided.
func New(on bool, attrs ...color.Attribute) *color.Color {
	c := color.New(attrs...)
	if on {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return c
}
