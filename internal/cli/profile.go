package cli

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startCPUProfile profiles the scan into file until stop is called.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close() // the profile failed already
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close() // a profile for performance work: best effort
	}, nil
}

// writeHeapProfile writes the live heap, after a collection, to file: taken
// once every package is analyzed, while the package graph and the results
// are still in use, it shows what the scan keeps rather than what it
// allocated on the way (go tool pprof -sample_index=inuse_space).
func writeHeapProfile(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		_ = f.Close() // the profile failed already
		return err
	}
	return f.Close()
}

// heapProfile is the scan's hook (standalone.Options.Analyzed) that writes
// -memprofile's file once every package is analyzed; nil without the flag.
func heapProfile(file string) func() error {
	if file == "" {
		return nil
	}
	return func() error {
		if err := writeHeapProfile(file); err != nil {
			return fmt.Errorf("-memprofile: %w", err)
		}
		return nil
	}
}
