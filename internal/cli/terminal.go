package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// useColor decides -color: always and never are what they say; auto colors
// a report written to a terminal, unless NO_COLOR is set (no-color.org),
// and FORCE_COLOR turns it on where there is no terminal (CI logs).
func useColor(mode string, stdout io.Writer, toFile bool) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if toFile {
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	if v := os.Getenv("FORCE_COLOR"); v != "" && v != "0" && v != "false" {
		return true
	}
	return isTerminal(stdout)
}

// progress prints -v progress on stderr: a live line on a terminal, a line
// every tenth of the work otherwise (so CI logs stay short).
type progress struct {
	w        io.Writer
	on, live bool
	mu       sync.Mutex
	lastPct  int
	lastLive time.Time
}

func newProgress(w io.Writer, on bool) *progress {
	return &progress{w: w, on: on, live: on && isTerminal(w), lastPct: -1}
}

func (p *progress) status(msg string) {
	if p.on {
		fmt.Fprintf(p.w, "jwtssot: %s\n", msg)
	}
}

// loaded is called after each package is type-checked and analyzed.
func (p *progress) loaded(done, total int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.live {
		if now := time.Now(); done == total || now.Sub(p.lastLive) > 100*time.Millisecond {
			p.lastLive = now
			fmt.Fprintf(p.w, "\r\033[Kjwtssot: loaded %d/%d packages", done, total)
		}
		return
	}
	if pct := done * 10 / total; pct > p.lastPct {
		p.lastPct = pct
		fmt.Fprintf(p.w, "jwtssot: loaded %d/%d packages\n", done, total)
	}
}

func (p *progress) done(total int, d time.Duration) {
	if !p.on {
		return
	}
	if p.live {
		fmt.Fprintln(p.w)
	}
	fmt.Fprintf(p.w, "jwtssot: scanned %d packages in %.1fs\n", total, d.Seconds())
}
