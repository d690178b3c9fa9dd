// Package inputfile is the one way jwtssot opens a file a user names or a
// scan finds — a config file, a baseline, a JSON report of -trend -reports:
// it refuses what is not a regular file (a directory, a named pipe, a
// device, a socket, a dangling or looping symlink) and what is larger than
// the kind of file may be, before reading a byte, with the same message
// shape for every kind: "<file>: <what is wrong>; <what to do>". A named
// pipe is opened without blocking, so that naming one never hangs the
// run, even when it replaces a regular file between the check and the
// open.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// A Kind describes one kind of input file, for the limit and the messages.
type Kind struct {
	Noun     string // "config file", "baseline", "JSON report"
	Is       string // what one is: "a YAML file"
	MaxSize  int64  // the most it may hold, in bytes
	MaxText  string // MaxSize for people: "1 MiB"
	NotFound string // advice when the file does not exist; "" for none
}

// An Error is a file that cannot be read as a Kind: the file as named,
// and what is wrong with it.
type Error struct {
	File string
	Msg  string
	Err  error // the system's error, if any
}

func (e *Error) Error() string { return e.File + ": " + e.Msg }

func (e *Error) Unwrap() error { return e.Err }

// Read reads the file name names after checking that it is a regular file
// (a symlink to one is followed) of at most k.MaxSize bytes.
func (k Kind) Read(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, &Error{File: name, Msg: k.statProblem(name, err), Err: err}
	}
	if problem := k.modeProblem(fi); problem != "" {
		return nil, &Error{File: name, Msg: problem}
	}
	f, err := openNonBlocking(name)
	if err != nil {
		return nil, &Error{File: name, Msg: k.statProblem(name, err), Err: err}
	}
	defer func() { _ = f.Close() }() // read only
	// The name may have been swapped since the Stat: check what was opened.
	fi, err = f.Stat()
	if err != nil {
		return nil, &Error{File: name, Msg: "cannot read the " + k.Noun + ": " + errText(err), Err: err}
	}
	if problem := k.modeProblem(fi); problem != "" {
		return nil, &Error{File: name, Msg: problem}
	}
	data, err := io.ReadAll(io.LimitReader(f, k.MaxSize+1))
	if err != nil {
		return nil, &Error{File: name, Msg: "cannot read the " + k.Noun + ": " + errText(err), Err: err}
	}
	if int64(len(data)) > k.MaxSize {
		return nil, &Error{File: name, Msg: k.tooBig()}
	}
	return data, nil
}

func (k Kind) tooBig() string {
	return fmt.Sprintf("the %s is larger than %s, the most a %s may hold; is it the right file?", k.Noun, k.MaxText, k.Noun)
}

// statProblem says why a file that was named or found cannot be read.
func (k Kind) statProblem(name string, err error) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "the " + k.Noun + " is a symlink that loops; point it at a regular file or remove it"
	case errors.Is(err, os.ErrNotExist):
		if _, lerr := os.Lstat(name); lerr == nil {
			target, _ := os.Readlink(name)
			return fmt.Sprintf("the %s is a symlink to %s, which does not exist; fix or remove the symlink", k.Noun, target)
		}
		if k.NotFound != "" {
			return k.Noun + " not found; " + k.NotFound
		}
		return k.Noun + " not found"
	case errors.Is(err, os.ErrPermission):
		return "cannot read the " + k.Noun + ": permission denied"
	}
	return "cannot read the " + k.Noun + ": " + errText(err)
}

// modeProblem says what is wrong with a file that is not a regular file
// of a sane size.
func (k Kind) modeProblem(fi os.FileInfo) string {
	switch m := fi.Mode(); {
	case m.IsDir():
		return fmt.Sprintf("is a directory, not a %s; a %s is %s (remove or rename the directory)", k.Noun, k.Noun, k.Is)
	case !m.IsRegular():
		return fmt.Sprintf("is not a regular file (%s); a %s is %s on disk", describeMode(m), k.Noun, k.Is)
	case fi.Size() > k.MaxSize:
		return k.tooBig()
	}
	return ""
}

func describeMode(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return m.Type().String()
}

// errText is an error's text without the operation and path that
// *PathError adds: the Error already names the file.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
