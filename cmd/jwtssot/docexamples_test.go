package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/gittest"
)

// runnableMarker marks a shell example the docs promise works as written:
// an HTML comment alone on the line before its ```sh fence, which
// Markdown does not show.
//
//	<!-- runnable -->               in a copy of examples/demo, a new git
//	                                repository with its files committed
//	<!-- runnable: repository -->   in the root of this repository
const runnableMarker = "runnable"

// exitComment is how an example's comment promises an exit status.
var exitComment = regexp.MustCompile(`exit status (\d)`)

// TestDocsExamples runs the shell examples the docs mark runnable, each
// block's lines one after the other in one directory, with the binary
// under test as jwtssot on PATH. A line must exit with the status its
// comment names ("exit status 1"), or else 0 or 1 (a scan that finds
// violations): 2 and 3 are errors the docs do not promise. A `go test`
// line is this very run, and is not run again.
func TestDocsExamples(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the examples with")
	}
	gittest.Require(t)
	toolOnPath(t)
	demo := filepath.Join(repoRoot(t), "examples", "demo")
	blocks := 0
	for _, d := range userDocs(t) {
		for _, b := range d.blocks {
			where, ok := strings.CutPrefix(b.marker, runnableMarker)
			if !ok {
				continue
			}
			blocks++
			where = strings.TrimSpace(strings.TrimPrefix(where, ":"))
			name := fmt.Sprintf("%s:%d", d.name, b.line)
			if b.lang != "sh" {
				t.Errorf("%s: a runnable example must be a sh block, not %q", name, b.lang)
				continue
			}
			t.Run(strings.ReplaceAll(name, "/", "_"), func(t *testing.T) {
				var dir string
				switch where {
				case "repository":
					dir = repoRoot(t)
				case "":
					dir = t.TempDir()
					if err := os.CopyFS(dir, os.DirFS(demo)); err != nil {
						t.Fatal(err)
					}
					gittest.Run(t, dir, nil, "init", "-q", "-b", "main")
					gittest.Run(t, dir, nil, "add", "-A")
					gittest.Run(t, dir, nil, "commit", "-q", "-m", "demo")
				default:
					t.Fatalf("unknown place %q to run the example in: runnable or runnable: repository", where)
				}
				runExample(t, bash, dir, b)
			})
		}
	}
	if blocks < 5 {
		t.Errorf("%d runnable examples in the docs: the marker is not read", blocks)
	}
}

// runExample runs a block's commands in dir.
func runExample(t *testing.T, bash, dir string, b mdBlock) {
	t.Helper()
	var cmds []struct {
		line int
		text string
	}
	for i := 0; i < len(b.text); i++ {
		line, text := b.line+i, b.text[i]
		for strings.HasSuffix(text, `\`) && i+1 < len(b.text) {
			i++
			text = strings.TrimSuffix(text, `\`) + b.text[i]
		}
		if s := strings.TrimSpace(text); s != "" && !strings.HasPrefix(s, "#") {
			cmds = append(cmds, struct {
				line int
				text string
			}{line, s})
		}
	}
	for _, c := range cmds {
		command, comment, _ := strings.Cut(c.text, " # ")
		if strings.HasPrefix(command, "go test") {
			continue // this very run
		}
		want := -1 // 0 or 1
		if m := exitComment.FindStringSubmatch(comment); m != nil {
			want, _ = strconv.Atoi(m[1])
		}
		cmd := exec.Command(bash, "-c", command)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), gittest.Env()...)
		r := run(t, cmd)
		if (want < 0 && r.code > 1) || (want >= 0 && r.code != want) {
			expect := "0 or 1"
			if want >= 0 {
				expect = strconv.Itoa(want)
			}
			t.Errorf("line %d: %s: exit %d, want %s\n%s%s", c.line, command, r.code, expect, r.stdout, r.stderr)
			return // the lines after it build on it
		}
	}
}
