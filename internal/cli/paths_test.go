package cli

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRepoPrefix(t *testing.T) {
	repo := t.TempDir()
	for _, d := range []string{".git", "server/internal", "other"} {
		if err := os.MkdirAll(filepath.Join(repo, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A worktree or submodule has a .git file; it is the root of its tree.
	sub := filepath.Join(repo, "other", "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, ".git"), []byte("gitdir: ../../.git/modules/sub\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{
		repo:                                   "",
		filepath.Join(repo, "server"):          "server",
		filepath.Join(repo, "server/internal"): "server/internal",
		sub:                                    "",
		filepath.Join(repo, "other"):           "other",
	} {
		if got := repoPrefix(dir); got != want {
			t.Errorf("repoPrefix(%s) = %q, want %q", dir, got, want)
		}
	}
	if link := filepath.Join(t.TempDir(), "link"); os.Symlink(filepath.Join(repo, "server"), link) == nil {
		if got := repoPrefix(link); got != "server" {
			t.Errorf("through a symlink: %q, want server", got)
		}
	}
	if got := repoPrefix(t.TempDir()); got != "" {
		t.Errorf("outside a repository: %q", got)
	}
}

func TestCleanPathPrefix(t *testing.T) {
	for in, want := range map[string]string{
		"": "", ".": "", "./": "", "server": "server", "server/": "server", "./server/api/": "server/api", "a/../b": "b",
	} {
		if got, err := cleanPathPrefix(in); err != nil || got != want {
			t.Errorf("cleanPathPrefix(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"/abs", "..", "../x", `a\b`} {
		if _, err := cleanPathPrefix(bad); err == nil {
			t.Errorf("cleanPathPrefix(%q): no error", bad)
		}
	}
}
