package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// A browser is headless Chromium driven over the DevTools protocol on a
// pipe (--remote-debugging-pipe: it reads commands on its fd 3 and writes
// replies and events on its fd 4, each a JSON message ended by a NUL).
//
// Why the protocol rather than --screenshot, --dump-dom and the log of
// --enable-logging=stderr: one launch serves several pages (a launch
// costs seconds, most of the test's time), the DOM is the one the
// screenshot shows, and console messages come with their level, so that
// an error is told from a warning (the log writes every console message
// as INFO). The client is the few messages below; no dependency.
type browser struct {
	cmd    *exec.Cmd
	toIn   io.WriteCloser // the browser's fd 3
	msgs   chan cdpMessage
	done   chan struct{}
	stderr *lockedBuffer

	mu     sync.Mutex
	nextID int
}

type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// browserFlags are the flags that work on Debian's chromium as root in a
// container without a display, a GPU, D-Bus or a network.
var browserFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-dev-shm-usage", "--window-size=1280,2000",
}

// startBrowser launches Chromium with a new profile in a temp dir.
func startBrowser(t *testing.T, path string) *browser {
	t.Helper()
	inR, inW, err := os.Pipe() // us → browser
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe() // browser → us
	if err != nil {
		t.Fatal(err)
	}
	args := append(append([]string{}, browserFlags...), "--user-data-dir="+t.TempDir(), "--remote-debugging-pipe", "about:blank")
	b := &browser{cmd: exec.Command(path, args...), toIn: inW, msgs: make(chan cdpMessage, 256), done: make(chan struct{}), stderr: &lockedBuffer{}}
	b.cmd.ExtraFiles = []*os.File{inR, outW} // fds 3 and 4
	b.cmd.Stderr = b.stderr
	if err := b.cmd.Start(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	_ = inR.Close() // the browser's ends, now its own
	_ = outW.Close()
	go b.read(outR)
	t.Cleanup(func() { b.close(t) })
	return b
}

// read delivers the browser's messages until its end of the pipe closes.
func (b *browser) read(r io.ReadCloser) {
	defer close(b.done)
	defer func() { _ = r.Close() }() // read side
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m cdpMessage
		if json.Unmarshal(raw[:len(raw)-1], &m) == nil {
			b.msgs <- m
		}
	}
}

// close asks the browser to quit, and kills it if it does not.
func (b *browser) close(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _ = b.call(ctx, nil, "", "Browser.close", nil)
	_ = b.toIn.Close()
	exited := make(chan struct{})
	go func() {
		_ = b.cmd.Wait() // how it ends is no matter once the pages are checked
		close(exited)
	}()
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		_ = b.cmd.Process.Kill()
		<-exited
		t.Log("chromium did not quit; killed")
	}
}

// call sends a command and waits for its reply; events that arrive in
// the meantime go to onEvent.
func (b *browser) call(ctx context.Context, onEvent func(cdpMessage), session, method string, params any) (json.RawMessage, error) {
	b.mu.Lock()
	b.nextID++
	id := b.nextID
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return nil, err
	}
	if _, err := b.toIn.Write(append(data, 0)); err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	for {
		select {
		case m := <-b.msgs:
			if m.ID == id {
				if m.Error != nil {
					return nil, fmt.Errorf("%s: %s", method, m.Error.Message)
				}
				return m.Result, nil
			}
			if m.Method != "" && onEvent != nil {
				onEvent(m)
			}
		case <-b.done:
			return nil, fmt.Errorf("%s: the browser quit\n%s", method, b.stderr.String())
		case <-ctx.Done():
			return nil, fmt.Errorf("%s: %w\n%s", method, ctx.Err(), b.stderr.String())
		}
	}
}

// A pageLoad is what the browser gave for one page.
type pageLoad struct {
	DOM        string
	Screenshot []byte   // PNG of the viewport
	Errors     []string // console errors, uncaught exceptions, blocked loads
	Other      []string // console messages of other levels
}

// A viewport is the size of a tab's window in CSS pixels; Mobile makes
// the page lay out as on a phone (the viewport meta tag applies).
type viewport struct {
	Width, Height int
	Mobile        bool
}

// desktop is the viewport load uses.
var desktop = viewport{Width: 1280, Height: 2000}

// load opens url in a new tab of 1280x2000 CSS pixels, waits for its load
// event, and returns its DOM, a screenshot of the viewport and its
// console.
func (b *browser) load(ctx context.Context, url string) (*pageLoad, error) {
	tab, err := b.open(ctx, url, desktop)
	if err != nil {
		return nil, err
	}
	if tab.page.Screenshot, err = tab.screenshot(ctx, false); err != nil {
		return nil, err
	}
	res, err := tab.call(ctx, "DOM.getDocument", map[string]any{"depth": 0})
	if err != nil {
		return nil, err
	}
	var doc struct{ Root struct{ NodeID int } }
	if err := json.Unmarshal(res, &doc); err != nil {
		return nil, err
	}
	res, err = tab.call(ctx, "DOM.getOuterHTML", map[string]any{"nodeId": doc.Root.NodeID})
	if err != nil {
		return nil, err
	}
	var outer struct{ OuterHTML string }
	if err := json.Unmarshal(res, &outer); err != nil {
		return nil, err
	}
	tab.page.DOM = outer.OuterHTML
	// The events the page made before this reply are in: the browser
	// sends a session's messages in order.
	if err := tab.close(ctx); err != nil {
		return nil, err
	}
	return tab.page, nil
}

// A tab is a page open in the browser, attached to a session.
type tab struct {
	b       *browser
	target  string
	session string
	page    *pageLoad // its console so far
	onEvent func(cdpMessage)
}

// call sends a command to the tab's session.
func (t *tab) call(ctx context.Context, method string, params any) (json.RawMessage, error) {
	return t.b.call(ctx, t.onEvent, t.session, method, params)
}

// open opens url in a new tab of the given viewport and waits for its
// load event.
func (b *browser) open(ctx context.Context, url string, vp viewport) (*tab, error) {
	res, err := b.call(ctx, nil, "", "Target.createTarget", map[string]any{"url": "about:blank"})
	if err != nil {
		return nil, err
	}
	var target struct{ TargetID string }
	if err := json.Unmarshal(res, &target); err != nil {
		return nil, err
	}
	res, err = b.call(ctx, nil, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true})
	if err != nil {
		return nil, err
	}
	var attached struct{ SessionID string }
	if err := json.Unmarshal(res, &attached); err != nil {
		return nil, err
	}
	t := &tab{b: b, target: target.TargetID, session: attached.SessionID, page: &pageLoad{}}
	loaded := false
	t.onEvent = func(m cdpMessage) {
		if m.SessionID != t.session {
			return
		}
		if m.Method == "Page.loadEventFired" {
			loaded = true
			return
		}
		t.page.console(m)
	}
	for _, c := range []struct {
		method string
		params any
	}{
		{"Page.enable", nil},
		{"Runtime.enable", nil},
		{"Log.enable", nil},
		{"Emulation.setDeviceMetricsOverride", map[string]any{"width": vp.Width, "height": vp.Height, "deviceScaleFactor": 1, "mobile": vp.Mobile}},
		{"Page.navigate", map[string]any{"url": url}},
	} {
		if _, err := t.call(ctx, c.method, c.params); err != nil {
			return nil, err
		}
	}
	for !loaded {
		select {
		case m := <-b.msgs:
			t.onEvent(m)
		case <-b.done:
			return nil, errors.New("the browser quit while loading " + url)
		case <-ctx.Done():
			return nil, fmt.Errorf("loading %s: %w", url, ctx.Err())
		}
	}
	return t, nil
}

// console records a console message, an uncaught exception or a log
// entry of the page.
func (p *pageLoad) console(m cdpMessage) {
	switch m.Method {
	case "Runtime.consoleAPICalled":
		var e struct {
			Type string
			Args []struct {
				Value       any
				Description string
			}
		}
		_ = json.Unmarshal(m.Params, &e)
		var parts []string
		for _, a := range e.Args {
			if a.Description != "" {
				parts = append(parts, a.Description)
			} else {
				parts = append(parts, fmt.Sprint(a.Value))
			}
		}
		line := "console." + e.Type + ": " + strings.Join(parts, " ")
		if e.Type == "error" || e.Type == "assert" {
			p.Errors = append(p.Errors, line)
		} else {
			p.Other = append(p.Other, line)
		}
	case "Runtime.exceptionThrown":
		var e struct {
			ExceptionDetails struct {
				Text      string
				Exception struct{ Description string }
			}
		}
		_ = json.Unmarshal(m.Params, &e)
		p.Errors = append(p.Errors, "uncaught: "+e.ExceptionDetails.Text+" "+e.ExceptionDetails.Exception.Description)
	case "Log.entryAdded":
		var e struct {
			Entry struct{ Source, Level, Text, URL string }
		}
		_ = json.Unmarshal(m.Params, &e)
		line := fmt.Sprintf("%s %s: %s %s", e.Entry.Source, e.Entry.Level, e.Entry.Text, e.Entry.URL)
		if e.Entry.Level == "error" {
			p.Errors = append(p.Errors, line)
		} else {
			p.Other = append(p.Other, line)
		}
	}
}

// eval evaluates a JavaScript expression in the page, from the DevTools
// protocol (the page's Content-Security-Policy forbids its own scripts,
// not the inspector's), and decodes its JSON-able value into out.
func (t *tab) eval(ctx context.Context, expr string, out any) error {
	res, err := t.call(ctx, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true})
	if err != nil {
		return err
	}
	var r struct {
		Result           struct{ Value json.RawMessage }
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	if err := json.Unmarshal(res, &r); err != nil {
		return err
	}
	if e := r.ExceptionDetails; e != nil {
		return fmt.Errorf("evaluating the page's script: %s %s", e.Text, e.Exception.Description)
	}
	return json.Unmarshal(r.Result.Value, out)
}

// screenshot takes a PNG of the viewport, or of the whole page.
func (t *tab) screenshot(ctx context.Context, full bool) ([]byte, error) {
	res, err := t.call(ctx, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": full})
	if err != nil {
		return nil, err
	}
	var shot struct{ Data string }
	if err := json.Unmarshal(res, &shot); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(shot.Data)
}

// close closes the tab.
func (t *tab) close(ctx context.Context) error {
	_, err := t.b.call(ctx, t.onEvent, "", "Target.closeTarget", map[string]any{"targetId": t.target})
	return err
}

// lockedBuffer is a bytes buffer safe for the process's writes and the
// test's reads.
type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
