package cli

import (
	"fmt"
	"io"

	"github.com/jwtssot/jwtssot/internal/visible"
)

// message writes one of jwtssot's messages on w (stderr), "jwtssot: " and
// the text, with every control and bidi character the text took from a
// file name, a compiler message, the config or git shown visibly
// (visible.Lines): only the message's own line breaks, which separate the
// errors of a list, stay.
func message(w io.Writer, format string, args ...any) {
	fmt.Fprint(w, "jwtssot: "+visible.Lines(fmt.Sprintf(format, args...))+"\n")
}
