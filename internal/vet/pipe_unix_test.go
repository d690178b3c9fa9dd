//go:build unix

package vet

import (
	"path/filepath"
	"syscall"
	"testing"
)

// namedPipe makes a named pipe in dir.
func namedPipe(t *testing.T, dir string) string {
	fifo := filepath.Join(dir, "pipe.cfg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	return fifo
}
