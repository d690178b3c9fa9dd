package trend

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/jwtssot/jwtssot/internal/baseline"
	"github.com/jwtssot/jwtssot/internal/report"
)

// FromGit counts the violations of each version of the baseline file in
// its git history, oldest first: `git log --follow` lists the commits that
// changed it (renames included), and one `git cat-file --batch` reads
// every version, which is `git show <commit>:<file>` without a process a
// commit. A version that is not a baseline is left out with a warning
// naming its commit. dir is the directory git runs in; file is relative
// to it.
func FromGit(ctx context.Context, dir, file string, warn Warn) (*report.Trend, error) {
	g := &git{ctx: ctx, dir: dir}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%w: -trend reads the history of the baseline %s with git log; install git, or chart JSON reports with -reports", ErrNoGit, file)
	}
	out, err := g.run(nil, "rev-parse", "--is-shallow-repository", "--show-prefix")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			abs, _ := filepath.Abs(dir)
			return nil, fmt.Errorf("%w: %s is not in a git repository, and -trend reads the history of the committed baseline %s with git log; run it in the repository, or chart JSON reports with -reports", ErrNotRepository, abs, file)
		}
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > 0 && lines[0] == "true" {
		warn.warn("-trend: this is a shallow clone, so the baseline's history is cut short; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)")
	}
	prefix := ""
	if len(lines) > 1 {
		prefix = lines[1]
	}

	out, err = g.run(nil, "log", "--follow", "--raw", "--no-abbrev", "-z", "--no-color", "--no-show-signature",
		"--format="+logFormat, "--", file)
	if err != nil && !strings.Contains(err.Error(), "does not have any commits yet") {
		return nil, err
	}
	commits := parseLog(string(out), path.Join(prefix, filepath.ToSlash(filepath.Clean(file))))
	if len(commits) == 0 { // or no commit at all
		return nil, fmt.Errorf("%w: git log finds no commit of %s; commit it first (jwtssot -write-baseline %s ./... && git add %s && git commit), or name the committed file with -baseline",
			ErrNeverCommitted, file, file, file)
	}
	slices.Reverse(commits) // oldest first

	t := &report.Trend{Source: report.TrendGit, File: filepath.ToSlash(file), Points: []report.TrendPoint{}, Skipped: []report.TrendSkip{}}
	var wanted []commit
	for _, c := range commits {
		if c.deleted {
			t.Skipped = append(t.Skipped, c.skip("the commit deletes "+file))
			continue
		}
		wanted = append(wanted, c)
	}
	blobs, err := g.catFile(wanted)
	if err != nil {
		return nil, err
	}
	for i, c := range wanted {
		data := blobs[i]
		if data == nil {
			t.Skipped = append(t.Skipped, c.skip(fmt.Sprintf("%s is not in the commit", c.path)))
			continue
		}
		f, err := baseline.ParseHistory(c.short+":"+c.path, data)
		if err != nil {
			t.Skipped = append(t.Skipped, c.skip(historyError(err)))
			continue
		}
		by := map[string]int{}
		for _, e := range f.Violations {
			by[e.Rule]++
		}
		p := point(by, 0)
		p.Label, p.Commit, p.Date, p.Subject = c.short, c.hash, c.date, c.subject
		t.Points = append(t.Points, p)
	}
	for _, s := range t.Skipped {
		warn.warn(fmt.Sprintf("-trend: skipping commit %s: %s", s.Label, s.Reason))
	}
	if len(t.Points) == 0 {
		return nil, fmt.Errorf("%w: no version of %s in its git history is a jwtssot baseline (%d skipped)", ErrNoVersion, file, len(t.Skipped))
	}
	return t, nil
}

// historyError is a baseline's parse error without the advice to rewrite
// the file, which is for today's file, not for a commit's.
func historyError(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "; rewrite it with -write-baseline")
	return msg
}

// logFormat is one commit of `git log -z --raw`: a marker, then its hash,
// committer date and subject, each ended by a NUL (-z ends the last);
// the raw line of the file follows, also NUL-separated, with the file's
// names as they are: -z turns off git's quoting of names that hold a
// quote, a backslash or a control character, and NULs cannot be in a
// name or a subject.
const logFormat = logMarker + "%x00%H%x00%cI%x00%s"

// logMarker starts each commit's fields, so that a record is checked
// rather than assumed.
const logMarker = "jwtssot-commit"

// commit is one commit of the baseline's history.
type commit struct {
	hash, short, date, subject string
	path                       string // the file's path in the commit, from the repository root
	blob                       string // the file's object in the commit; "" when git log did not say
	deleted                    bool
}

func (c commit) skip(reason string) report.TrendSkip {
	return report.TrendSkip{Label: c.short, Commit: c.hash, Reason: reason}
}

// parseLog reads git log's output in logFormat with --raw, --no-abbrev and
// -z: NUL-separated fields, each commit's four, then for each file a raw
// line (":100644 100644 <old blob> <new blob> M", after a line break) and
// its one name, or two for a rename or a copy ("R100": the old name, then
// the new). fallback is the file's path from the repository root, for a
// commit that names no file.
func parseLog(out, fallback string) []commit {
	fields := strings.Split(out, "\x00")
	var commits []commit
	for i := 0; i < len(fields); {
		if strings.TrimLeft(fields[i], "\n") != logMarker || i+3 >= len(fields) {
			i++ // not the start of a record: look for the next one
			continue
		}
		c := commit{hash: fields[i+1], date: fields[i+2], subject: fields[i+3], path: fallback}
		i += 4
		for first := true; i < len(fields) && strings.HasPrefix(fields[i], "\n:"); first = false {
			raw := strings.Fields(fields[i][2:]) // modes, blobs, status
			names := 1
			if len(raw) == 5 && raw[4] != "" && (raw[4][0] == 'R' || raw[4][0] == 'C') {
				names = 2
			}
			if i+names >= len(fields) {
				i = len(fields)
				break
			}
			if first && len(raw) == 5 {
				// The last name is the file's in this commit.
				c.path, c.blob, c.deleted = fields[i+names], raw[3], raw[4][0] == 'D'
				if strings.Trim(c.blob, "0") == "" {
					c.blob = ""
				}
			}
			i += 1 + names
		}
		if c.hash == "" {
			continue
		}
		c.short = c.hash[:min(len(c.hash), 7)]
		commits = append(commits, c)
	}
	return commits
}

// git runs git commands in one directory.
type git struct {
	ctx context.Context
	dir string
}

// run runs git with args and returns its stdout; an error carries git's
// stderr.
func (g *git) run(stdin io.Reader, args ...string) ([]byte, error) {
	cmd := g.command(args...)
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], strings.TrimPrefix(msg, "fatal: "))
	}
	return stdout.Bytes(), nil
}

func (g *git) command(args ...string) *exec.Cmd {
	// core.quotePath=false keeps non-ASCII paths as they are; LC_ALL=C
	// keeps git's messages in the English that errors are matched with.
	cmd := exec.CommandContext(g.ctx, "git", append([]string{"-c", "core.quotePath=false"}, args...)...)
	cmd.Dir = g.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "GIT_TERMINAL_PROMPT=0", "GIT_PAGER=cat")
	return cmd
}

// catFile reads the file of each commit with one `git cat-file --batch`,
// by its object name from git log, or else as <commit>:<path>; a version
// git does not find is nil, and so is one whose path holds a line break
// and which git log did not name (--batch reads a line per object).
func (g *git) catFile(commits []commit) ([][]byte, error) {
	blobs := make([][]byte, len(commits))
	var in bytes.Buffer
	var asked []int // indexes into commits, in the order asked
	for i, c := range commits {
		switch {
		case c.blob != "":
			fmt.Fprintf(&in, "%s\n", c.blob)
		case strings.ContainsAny(c.path, "\n\r"):
			continue
		default:
			fmt.Fprintf(&in, "%s:%s\n", c.hash, c.path)
		}
		asked = append(asked, i)
	}
	if len(asked) == 0 {
		return blobs, nil
	}
	out, err := g.run(&in, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	got, err := parseBatch(out, len(asked))
	if err != nil {
		return nil, fmt.Errorf("git cat-file --batch: %w", err)
	}
	for k, i := range asked {
		blobs[i] = got[k]
	}
	return blobs, nil
}

// parseBatch reads n objects of `git cat-file --batch` output: for each,
// "<oid> <type> <size>\n<content>\n", or "<name> missing\n" (or
// "ambiguous").
func parseBatch(out []byte, n int) ([][]byte, error) {
	r := bufio.NewReader(bytes.NewReader(out))
	blobs := make([][]byte, 0, n)
	for range n {
		head, err := r.ReadString('\n')
		if err != nil {
			return nil, errors.New("output ends early")
		}
		fields := strings.Fields(head)
		if len(fields) != 3 {
			blobs = append(blobs, nil) // missing or ambiguous
			continue
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil || size < 0 {
			return nil, fmt.Errorf("bad object header %q", strings.TrimSpace(head))
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(r, data); err != nil {
			return nil, errors.New("output ends inside an object")
		}
		if _, err := r.Discard(1); err != nil {
			return nil, errors.New("output ends inside an object")
		}
		if fields[1] != "blob" {
			data = nil
		}
		blobs = append(blobs, data)
	}
	return blobs, nil
}
