//go:build unix

package inputfile

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFiles: a named pipe (no writer: a plain open would wait
// forever) and a device are refused at once.
func TestSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "reports.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "is not a regular file (a named pipe); a config file is a YAML file on disk"},
		{"/dev/null", "is not a regular file (a device); a config file is a YAML file on disk"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := testKind.Read(tc.path)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || err.Error() != tc.path+": "+tc.want {
				t.Errorf("Read(%s) = %v, want %q", tc.path, err, tc.want)
			}
		case <-time.After(time.Minute):
			t.Fatalf("Read(%s) hangs", tc.path)
		}
	}
}

// TestOpenedFIFOIsRefused: a name that is a regular file when checked and
// a named pipe when opened (swapped in between) is refused from what was
// opened, without blocking.
func TestOpenedFIFOIsRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	f, err := openNonBlocking(fifo) // what Read does after its Stat
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if got := testKind.modeProblem(fi); got == "" {
		t.Error("the opened named pipe passes the check")
	}
}
