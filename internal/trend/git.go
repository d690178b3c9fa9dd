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
		warn.printf("-trend: this is a shallow clone, so the baseline's history is cut short; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)")
	}
	prefix := ""
	if len(lines) > 1 {
		prefix = lines[1]
	}

	out, err = g.run(nil, "log", "--follow", "--name-status", "--no-color", "--no-show-signature",
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
		warn.printf(fmt.Sprintf("-trend: skipping commit %s: %s", s.Label, s.Reason))
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

// logFormat starts each commit with a record separator, then its hash,
// short hash, committer date and subject separated by unit separators;
// --name-status lines follow.
const logFormat = "%x1e%H%x1f%h%x1f%cI%x1f%s"

// commit is one commit of the baseline's history.
type commit struct {
	hash, short, date, subject string
	path                       string // the file's path in the commit, from the repository root
	deleted                    bool
}

func (c commit) skip(reason string) report.TrendSkip {
	return report.TrendSkip{Label: c.short, Commit: c.hash, Reason: reason}
}

// parseLog reads git log's output in logFormat with --name-status.
// fallback is the file's path from the repository root, for a commit that
// names no file (a merge).
func parseLog(out, fallback string) []commit {
	var commits []commit
	for _, rec := range strings.Split(out, "\x1e") {
		head, rest, _ := strings.Cut(rec, "\n")
		fields := strings.Split(head, "\x1f")
		if len(fields) < 4 || fields[0] == "" {
			continue
		}
		c := commit{hash: fields[0], short: fields[1], date: fields[2], subject: strings.Join(fields[3:], " "), path: fallback}
		for _, line := range strings.Split(rest, "\n") {
			status, names, ok := strings.Cut(line, "\t")
			if !ok || status == "" {
				continue
			}
			// "M\tpath", "D\tpath", "R100\told\tnew": the last name is
			// the file's in this commit.
			parts := strings.Split(names, "\t")
			c.path = parts[len(parts)-1]
			c.deleted = status[0] == 'D'
			break
		}
		if c.short == "" {
			c.short = c.hash[:min(len(c.hash), 7)]
		}
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

// catFile reads the file of each commit with one `git cat-file --batch`;
// a version git does not find is nil.
func (g *git) catFile(commits []commit) ([][]byte, error) {
	if len(commits) == 0 {
		return nil, nil
	}
	var in bytes.Buffer
	for _, c := range commits {
		fmt.Fprintf(&in, "%s:%s\n", c.hash, c.path)
	}
	out, err := g.run(&in, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	blobs, err := parseBatch(out, len(commits))
	if err != nil {
		return nil, fmt.Errorf("git cat-file --batch: %w", err)
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
