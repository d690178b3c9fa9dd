package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes name→content into a new directory and returns it.
func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// replace is the edit that replaces the first occurrence of old in the
// file with new (old may be "" with before: an insertion before before).
func replace(t testing.TB, file, old, new string) Edit {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(src), old)
	if i < 0 {
		t.Fatalf("%q not in %s", old, file)
	}
	return Edit{File: file, Start: i, End: i + len(old), New: new}
}

// insert is the edit that inserts text just before the first occurrence
// of at.
func insert(t testing.TB, file, at, text string) Edit {
	e := replace(t, file, at, "")
	return Edit{File: file, Start: e.Start, End: e.Start, New: text}
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// newContent is the plan's new content of a file, or its old one when
// the plan leaves it alone.
func newContent(t testing.TB, p *Plan, name string) string {
	t.Helper()
	for _, fc := range p.Files {
		if fc.Name == name {
			return string(fc.New)
		}
	}
	return readFile(t, name)
}
