package recipe

import (
	"fmt"
	"go/token"
	"sort"
	"strings"

	"github.com/jwtssot/jwtssot/internal/fix"
)

// An Error is one thing wrong with a recipe file, at a position in it.
type Error struct {
	Pos token.Position
	Msg string
}

// Error formats the error as "file:line:col: message", the file name
// escaped for a terminal.
func (e *Error) Error() string {
	if !e.Pos.IsValid() {
		return fix.SafeName(e.Pos.Filename) + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", fix.SafeName(e.Pos.Filename), e.Pos.Line, e.Pos.Column, e.Msg)
}

// An ErrorList is every error found in a recipe file, in the order of
// their positions: a user fixes them all in one round rather than one per
// run.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// errorf adds an error at pos.
func (l *ErrorList) errorf(fset *token.FileSet, pos token.Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: fset.Position(pos), Msg: fmt.Sprintf(format, args...)})
}

// err returns the list sorted by position, or nil when it is empty.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return l
}
