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
	Screenshot []byte   // PNG, 1280 wide, 2000 high
	Errors     []string // console errors, uncaught exceptions, blocked loads
	Other      []string // console messages of other levels
}

// load opens url in a new tab of 1280x2000 CSS pixels, waits for its load
// event, and returns its DOM, a screenshot of the viewport and its
// console.
func (b *browser) load(ctx context.Context, url string) (*pageLoad, error) {
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
	s := attached.SessionID

	p := &pageLoad{}
	loaded := false
	onEvent := func(m cdpMessage) {
		if m.SessionID != s {
			return
		}
		switch m.Method {
		case "Page.loadEventFired":
			loaded = true
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
	for _, c := range []struct {
		method string
		params any
	}{
		{"Page.enable", nil},
		{"Runtime.enable", nil},
		{"Log.enable", nil},
		{"Emulation.setDeviceMetricsOverride", map[string]any{"width": 1280, "height": 2000, "deviceScaleFactor": 1, "mobile": false}},
		{"Page.navigate", map[string]any{"url": url}},
	} {
		if _, err := b.call(ctx, onEvent, s, c.method, c.params); err != nil {
			return nil, err
		}
	}
	for !loaded {
		select {
		case m := <-b.msgs:
			onEvent(m)
		case <-b.done:
			return nil, errors.New("the browser quit while loading " + url)
		case <-ctx.Done():
			return nil, fmt.Errorf("loading %s: %w", url, ctx.Err())
		}
	}
	res, err = b.call(ctx, onEvent, s, "Page.captureScreenshot", map[string]any{"format": "png"})
	if err != nil {
		return nil, err
	}
	var shot struct{ Data string }
	if err := json.Unmarshal(res, &shot); err != nil {
		return nil, err
	}
	if p.Screenshot, err = base64.StdEncoding.DecodeString(shot.Data); err != nil {
		return nil, err
	}
	res, err = b.call(ctx, onEvent, s, "DOM.getDocument", map[string]any{"depth": 0})
	if err != nil {
		return nil, err
	}
	var doc struct{ Root struct{ NodeID int } }
	if err := json.Unmarshal(res, &doc); err != nil {
		return nil, err
	}
	res, err = b.call(ctx, onEvent, s, "DOM.getOuterHTML", map[string]any{"nodeId": doc.Root.NodeID})
	if err != nil {
		return nil, err
	}
	var outer struct{ OuterHTML string }
	if err := json.Unmarshal(res, &outer); err != nil {
		return nil, err
	}
	p.DOM = outer.OuterHTML
	// The events the page made before this reply are in: the browser
	// sends a session's messages in order.
	if _, err := b.call(ctx, onEvent, "", "Target.closeTarget", map[string]any{"targetId": target.TargetID}); err != nil {
		return nil, err
	}
	return p, nil
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
