package cli

import (
	"os"
	"runtime/debug"
)

// tuneGC trades memory for speed: a scan allocates heavily while parsing
// and type-checking but keeps little (each package is released once
// analyzed, the module's export data with its generation), so the
// collector's marking, which costs about the bytes allocated divided by
// GOGC, is best done rarely: GOGC=400 rather than 100. A soft memory limit
// makes the collector work harder again before the heap nears 1 GiB.
// GOGC and GOMEMLIMIT, when set, win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
}
