// Package tokencfg loads a section whose setting's name says nothing
// through a loader wrapper: the read is reported where its value becomes
// a key, in another package.
package tokencfg

import "gopkg.in/ini.v1"

// Tokens is the [tokens] section.
type Tokens struct {
	Material string // want Material:`holds\(read\(Material\)\)`
}

var (
	// Current is the loaded section.
	Current = &Tokens{}
	file    *ini.File
)

// Load loads the section.
func Load() { section("tokens", Current) }

func section(name string, into any) { _ = file.Section(name).MapTo(into) }
