package standalone

import (
	"os"
	"runtime/debug"
)

// The collector's headroom: GOGC from gcPercentMin for a small module to
// gcPercentMax from gcPackagesFull packages to check up.
const (
	gcPercentMin   = 100
	gcPercentMax   = 400
	gcPackagesFull = 1000
)

// gcPercent is the GOGC a scan of n packages runs with. A scan allocates
// heavily while parsing and type-checking but keeps little (each package
// is released once analyzed, the module's export data with its
// generation), so the collector's marking, which costs about the bytes
// allocated divided by GOGC, is best done rarely on a large module:
// GOGC=400 halves the CPU the collector takes on the 5,000-package module.
// On a small one the whole scan takes a second or two, the collector little
// of it, and the headroom only raises the peak memory: it grows with the
// packages to check, from the default 100 to 400 at 1,000 packages.
func gcPercent(n int) int {
	if n >= gcPackagesFull {
		return gcPercentMax
	}
	return gcPercentMin + (gcPercentMax-gcPercentMin)*n/gcPackagesFull
}

// tuneGC sets the collector's headroom for a scan of n packages (see
// gcPercent), and a soft memory limit that makes the collector work harder
// again before the heap nears 1 GiB. GOGC and GOMEMLIMIT, when set, win.
func tuneGC(n int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent(n))
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
}
