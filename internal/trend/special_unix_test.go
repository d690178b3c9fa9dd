//go:build unix

package trend

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReportsNamedPipe: -reports naming a named pipe, or a directory
// holding one, is refused at once (a plain read would wait for a writer
// forever), with the message of every input file that is not a regular
// file.
func TestReportsNamedPipe(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ci")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeReport(t, filepath.Join(dir, "run-1.json"), jsonReport(-1, "call"))
	fifo := filepath.Join(dir, "run-2.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, item := range []string{fifo, dir, filepath.Join(dir, "*.json")} {
		done := make(chan error, 1)
		go func() {
			files, err := Expand([]string{item})
			if err == nil {
				_, err = FromReports(files, nil)
			}
			done <- err
		}()
		select {
		case err := <-done:
			want := fifo + ": is not a regular file (a named pipe); a JSON report is a file written by jwtssot -format json on disk"
			if !errors.Is(err, ErrReports) || !strings.HasSuffix(err.Error(), want) {
				t.Errorf("-reports %s: %v, want %q", item, err, want)
			}
		case <-time.After(time.Minute):
			t.Fatalf("-reports %s hangs", item)
		}
	}
}
