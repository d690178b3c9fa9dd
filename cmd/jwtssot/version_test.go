package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersion builds jwtssot from a git checkout, as `go install
// ./cmd/jwtssot` in a clone does: -version names the commit it was built
// from, which the go command stamps into the binary; without the stamp
// (-buildvcs=false, which .ci/run sets) it says devel.
func TestVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds jwtssot")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	out, err := exec.Command(git, "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	top := strings.TrimSpace(string(out))
	bin := t.TempDir()

	build := func(t *testing.T, dir, buildvcs string) string {
		t.Helper()
		exe := filepath.Join(bin, "jwtssot-"+buildvcs)
		cmd := exec.Command("go", "build", "-buildvcs="+buildvcs, "-o", exe, "./cmd/jwtssot")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build -buildvcs=%s: %v\n%s", buildvcs, err, out)
		}
		r := run(t, exec.Command(exe, "-version"))
		if r.code != 0 {
			t.Fatalf("-version: exit %d\n%s", r.code, r.stderr)
		}
		return r.stdout
	}

	t.Run("stamped", func(t *testing.T) {
		src := top
		if fi, err := os.Stat(filepath.Join(top, ".git")); err != nil || !fi.IsDir() {
			// A linked worktree has a .git file, which the go command
			// does not take for a repository (golang/go#58218): build
			// from a repository made of this tree's files.
			src = copyToRepo(t, git, top)
		}
		out, err := exec.Command(git, "-C", src, "rev-parse", "HEAD").Output()
		if err != nil {
			t.Fatal(err)
		}
		rev := strings.TrimSpace(string(out))[:12]
		got := build(t, src, "true")
		if !strings.HasPrefix(got, "jwtssot v0.0.0-") || !strings.Contains(got, "-"+rev) || !strings.Contains(got, " (revision "+rev+", 20") {
			t.Errorf("-version = %q, want the pseudo-version and the revision %s with its time", got, rev)
		}
	})
	t.Run("not stamped", func(t *testing.T) {
		if got := build(t, top, "false"); got != "jwtssot devel\n" {
			t.Errorf("-version = %q, want jwtssot devel", got)
		}
	})
}

// copyToRepo copies the files git knows of (tracked, or untracked and not
// ignored) in the checkout at top into a new repository with one commit.
func copyToRepo(t *testing.T, git, top string) string {
	t.Helper()
	out, err := exec.Command(git, "-C", top, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(top, name))
		if err != nil {
			if os.IsNotExist(err) {
				continue // deleted in the working tree
			}
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dst, name), string(data))
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"-c", "user.name=jwtssot test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "snapshot"},
	} {
		cmd := exec.Command(git, append([]string{"-C", dst}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dst
}
