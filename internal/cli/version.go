package cli

import "runtime/debug"

// Version is the module version jwtssot was built at ("devel" for a build
// from a checkout).
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
