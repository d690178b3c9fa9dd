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

// progress reports the scan's progress on stderr.
//
// With -v: status lines, then a live "loaded 312/1200 packages" line on a
// terminal or a line every tenth of the work otherwise (so CI logs stay
// short), and the time the scan took.
//
// Without -v, only when stderr is a terminal: once the scan has taken
// progressDelay, a line "jwtssot: 312/5000 packages, 4.1s" that is rewritten
// in place every progressInterval and cleared when the scan ends, so the
// terminal keeps nothing of it. Pipes and CI logs get nothing.
type progress struct {
	w         io.Writer
	verbose   bool // -v
	live      bool // -v on a terminal: the loaded line is rewritten in place
	transient bool // no -v, on a terminal: the line that is cleared at the end
	now       func() time.Time
	start     time.Time
	stop      chan struct{} // closed by close: run returns

	mu     sync.Mutex
	line   progressLine // under mu
	closed bool
}

// progressLine is what the progress has counted and drawn so far.
type progressLine struct {
	finished, total int       // packages analyzed, packages to analyze
	lastPct         int       // the tenth of the work -v last printed (no terminal)
	lastLive        time.Time // when -v last rewrote its line (on a terminal)
	drawn           bool      // the transient line is on the terminal
}

// The transient line appears once the scan has taken progressDelay (short
// scans never show it) and is redrawn every progressInterval.
const (
	progressDelay    = time.Second
	progressInterval = 100 * time.Millisecond
)

func newProgress(w io.Writer, verbose bool) *progress {
	p := makeProgress(w, verbose, isTerminal(w) && os.Getenv("TERM") != "dumb", time.Now)
	if p.transient {
		go p.run(progressInterval)
	}
	return p
}

// makeProgress returns a progress writing to w, which is a terminal if
// terminal says so, with now as its clock; the transient line is drawn by
// tick, which run calls.
func makeProgress(w io.Writer, verbose, terminal bool, now func() time.Time) *progress {
	return &progress{
		w: w, verbose: verbose, live: verbose && terminal, transient: !verbose && terminal,
		now: now, start: now(), line: progressLine{lastPct: -1},
		stop: make(chan struct{}),
	}
}

// run redraws the transient line until close.
func (p *progress) run(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.tick()
		}
	}
}

// tick draws the transient line, once the scan has taken progressDelay.
func (p *progress) tick() {
	p.mu.Lock()
	defer p.mu.Unlock()
	elapsed := p.now().Sub(p.start)
	if !p.transient || p.closed || elapsed < progressDelay {
		return
	}
	what := "listing packages"
	if p.line.total > 0 {
		what = fmt.Sprintf("%d/%d packages", p.line.finished, p.line.total)
	}
	fmt.Fprintf(p.w, "\r\033[Kjwtssot: %s, %.1fs", what, elapsed.Seconds())
	p.line.drawn = true
}

func (p *progress) status(msg string) {
	if p.verbose {
		fmt.Fprintf(p.w, "jwtssot: %s\n", msg)
	}
}

// loaded is called after each package is type-checked and analyzed.
func (p *progress) loaded(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.line.finished, p.line.total = done, total
	if !p.verbose {
		return
	}
	if p.live {
		if now := p.now(); done == total || now.Sub(p.line.lastLive) > 100*time.Millisecond {
			p.line.lastLive = now
			fmt.Fprintf(p.w, "\r\033[Kjwtssot: loaded %d/%d packages", done, total)
		}
		return
	}
	if pct := done * 10 / total; pct > p.line.lastPct {
		p.line.lastPct = pct
		fmt.Fprintf(p.w, "jwtssot: loaded %d/%d packages\n", done, total)
	}
}

// done ends the progress report once every package is analyzed: -v says
// how long the scan took; the transient line is cleared.
func (p *progress) done(total int, d time.Duration) {
	p.close()
	if !p.verbose {
		return
	}
	if p.live {
		fmt.Fprintln(p.w)
	}
	fmt.Fprintf(p.w, "jwtssot: scanned %d packages in %.1fs\n", total, d.Seconds())
}

// close stops redrawing the transient line and clears it, leaving the
// cursor at the start of the empty line it was on. The scan defers it, so
// the line is gone on every way out, before anything else is printed.
func (p *progress) close() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	if p.line.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.line.drawn = false
	}
	p.mu.Unlock()
	close(p.stop) // run, if it was started, returns
}
