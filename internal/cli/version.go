package cli

import "runtime/debug"

// Version is the version jwtssot prints (-version) and writes in its
// reports: the module version it was built at (go install ...@v1.2.3),
// followed, for a build from a clone, by the commit it was built from, the
// commit's time and whether the tree had uncommitted edits, as the go
// command stamps them (-buildvcs, on by default in a git checkout). A build
// without either, such as go run or a build with -buildvcs=false (which
// .ci/run sets), is "devel".
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionOf(bi)
}

// versionOf is Version for the given build information.
func versionOf(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12] // as in pseudo-versions
	}
	detail := "revision " + rev
	if at != "" {
		detail += ", " + at
	}
	if modified {
		detail += ", modified"
	}
	return v + " (" + detail + ")"
}
