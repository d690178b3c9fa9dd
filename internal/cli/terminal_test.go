package cli

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// screen is a terminal as far as the progress line needs one: it keeps the
// lines written to it, with "\r" moving to the start of the line and
// "\033[K" erasing from the cursor to the end of the line.
type screen struct {
	mu    sync.Mutex
	lines []string
	col   int
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.lines) == 0 {
		s.lines = []string{""}
	}
	text := string(p)
	for len(text) > 0 {
		last := &s.lines[len(s.lines)-1]
		switch {
		case strings.HasPrefix(text, "\033[K"):
			*last = (*last)[:s.col]
			text = text[len("\033[K"):]
		case text[0] == '\r':
			s.col = 0
			text = text[1:]
		case text[0] == '\n':
			s.lines = append(s.lines, "")
			s.col = 0
			text = text[1:]
		default:
			r := []rune(*last)
			line := string(r[:min(s.col, len(r))]) + text[:1]
			if s.col+1 < len(r) {
				line += string(r[s.col+1:])
			}
			*last = line
			s.col++
			text = text[1:]
		}
	}
	return len(p), nil
}

// shown is what the terminal shows, trailing empty lines dropped.
func (s *screen) shown() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.TrimRight(strings.Join(s.lines, "\n"), "\n")
}

// fakeClock is a clock the test moves.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestProgressLineOnTerminal(t *testing.T) {
	var scr screen
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	p := makeProgress(&scr, false, true, clock.now)

	p.status("listing packages") // -v only
	clock.advance(500 * time.Millisecond)
	p.tick()
	if got := scr.shown(); got != "" {
		t.Fatalf("before %v: %q, want nothing", progressDelay, got)
	}
	clock.advance(700 * time.Millisecond)
	p.tick()
	if got := scr.shown(); got != "jwtssot: listing packages, 1.2s" {
		t.Errorf("while listing: %q", got)
	}
	p.loaded(1, 5000)
	p.loaded(312, 5000)
	clock.advance(2900 * time.Millisecond)
	p.tick()
	if got := scr.shown(); got != "jwtssot: 312/5000 packages, 4.1s" {
		t.Errorf("rewritten in place: %q", got)
	}
	p.loaded(5000, 5000)
	p.done(5000, 5*time.Second)
	if got := scr.shown(); got != "" {
		t.Errorf("after the scan the terminal shows %q, want nothing", got)
	}
	p.tick()
	p.close()
	if got := scr.shown(); got != "" {
		t.Errorf("a tick after the end drew %q", got)
	}
}

func TestProgressShortScanShowsNothing(t *testing.T) {
	var scr screen
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	p := makeProgress(&scr, false, true, clock.now)
	p.loaded(3, 3)
	clock.advance(300 * time.Millisecond)
	p.tick()
	p.done(3, 300*time.Millisecond)
	if len(scr.lines) != 0 {
		t.Errorf("a short scan wrote %q", scr.lines)
	}
}

func TestProgressNotOnPipes(t *testing.T) {
	var scr screen
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	p := makeProgress(&scr, false, false, clock.now)
	clock.advance(10 * time.Second)
	p.loaded(1, 2)
	p.tick()
	p.done(2, 10*time.Second)
	if len(scr.lines) != 0 {
		t.Errorf("a pipe got %q", scr.lines)
	}
}

// TestProgressVerbose: -v keeps its lines, on a terminal and in a pipe.
func TestProgressVerbose(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	var pipe screen
	p := makeProgress(&pipe, true, false, clock.now)
	p.status("listing packages")
	for i := 1; i <= 20; i++ {
		p.loaded(i, 20)
	}
	clock.advance(2 * time.Second)
	p.tick() // no transient line with -v
	p.done(20, 2*time.Second)
	got := pipe.shown()
	if !strings.HasPrefix(got, "jwtssot: listing packages\njwtssot: loaded 1/20 packages\njwtssot: loaded 2/20 packages\n") ||
		!strings.HasSuffix(got, "jwtssot: loaded 20/20 packages\njwtssot: scanned 20 packages in 2.0s") || strings.Count(got, "loaded") != 11 {
		t.Errorf("-v in a pipe:\n%s", got)
	}

	var term screen
	p = makeProgress(&term, true, true, clock.now)
	for i := 1; i <= 20; i++ {
		clock.advance(200 * time.Millisecond)
		p.loaded(i, 20)
	}
	p.done(20, 4*time.Second)
	if got := term.shown(); got != "jwtssot: loaded 20/20 packages\njwtssot: scanned 20 packages in 4.0s" {
		t.Errorf("-v on a terminal:\n%s", got)
	}
}

// TestProgressRun: the goroutine redraws the line and stops at close.
func TestProgressRun(t *testing.T) {
	var scr screen
	start := time.Now().Add(-2 * progressDelay) // the scan started long ago
	p := makeProgress(&scr, false, true, time.Now)
	p.start = start
	p.loaded(7, 9)
	go p.run(time.Millisecond)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.HasPrefix(scr.shown(), "jwtssot: 7/9 packages, ") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if got := scr.shown(); !strings.HasPrefix(got, "jwtssot: 7/9 packages, ") {
		t.Fatalf("the line was not drawn: %q", got)
	}
	p.close()
	time.Sleep(5 * time.Millisecond)
	if got := scr.shown(); got != "" {
		t.Errorf("after close: %q", got)
	}
}
