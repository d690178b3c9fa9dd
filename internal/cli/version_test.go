package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, tc := range []struct {
		main     string
		settings []debug.BuildSetting
		want     string
	}{
		{"v1.2.3", nil, "v1.2.3"}, // go install ...@v1.2.3: no VCS stamp
		{"(devel)", nil, "devel"}, // -buildvcs=false, go run
		{"", nil, "devel"},
		{"(devel)", vcs("vcs", "git", "vcs.revision", "0123456789abcdef0123456789abcdef01234567", "vcs.time", "2026-07-01T10:00:00Z", "vcs.modified", "false"),
			"devel (revision 0123456789ab, 2026-07-01T10:00:00Z)"},
		{"v0.0.0-20260701100000-0123456789ab+dirty", vcs("vcs.revision", "0123456789abcdef0123456789abcdef01234567", "vcs.time", "2026-07-01T10:00:00Z", "vcs.modified", "true"),
			"v0.0.0-20260701100000-0123456789ab+dirty (revision 0123456789ab, 2026-07-01T10:00:00Z, modified)"},
		{"(devel)", vcs("vcs.revision", "abc"), "devel (revision abc)"},
	} {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/jwtssot/jwtssot", Version: tc.main}, Settings: tc.settings}
		if got := versionOf(bi); got != tc.want {
			t.Errorf("versionOf(%s, %v) = %q, want %q", tc.main, tc.settings, got, tc.want)
		}
	}
}
