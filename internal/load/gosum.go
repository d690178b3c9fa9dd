package load

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// goSumEntry matches the go command's error for a package whose module has
// no go.sum entry: "missing go.sum entry for module providing package
// github.com/golang-jwt/jwt/v5 (imported by example.com/app/internal/a);
// to add:\n\tgo get example.com/app/internal/a". Its advice names the one
// importer the go command met first, and was repeated, nested, in the
// error of every package that imports the package directly or not.
var goSumEntry = regexp.MustCompile(`missing go\.sum entry for module providing package (\S+)`)

// GoSumMissing lists, once each and sorted, the packages that the go
// command could not load for want of a go.sum entry of their module. The
// scan says so once, for the module, with the fix (go mod tidy); each
// package error then only names the missing entry.
func (g *Graph) GoSumMissing() []string { return g.goSum }

// goSumMissing finds the packages of GoSumMissing among pkgs and
// everything they import.
func goSumMissing(pkgs []*packages.Package) []string {
	var out []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if m := goSumEntry.FindStringSubmatch(e.Msg); m != nil && !slices.Contains(out, m[1]) {
				out = append(out, m[1])
			}
		}
	})
	slices.Sort(out)
	return out
}

// withoutGoSumAdvice shortens the go command's message about a missing
// go.sum entry to the entry: its importer and its advice, which hold for
// one importer only, go, and GoSumMissing gives the fix once.
func withoutGoSumAdvice(msg string) string {
	loc := goSumEntry.FindStringIndex(msg)
	if loc == nil {
		return msg
	}
	return strings.TrimSpace(msg[:loc[1]])
}
