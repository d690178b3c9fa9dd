//go:build unix

package inputfile

import (
	"os"
	"syscall"
)

// openNonBlocking opens name for reading with O_NONBLOCK: opening a named
// pipe then returns at once instead of waiting for a writer, and the
// Stat of what was opened refuses it. O_NONBLOCK changes nothing for a
// regular file.
func openNonBlocking(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
