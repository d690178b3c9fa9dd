// Package txtartest extracts txtar archives for tests. The tests of module
// mode, of the binary and of the golangci-lint plugin keep their modules in
// archives rather than in testdata trees, where a go.mod would make a module
// of its own that the module zip drops (golang/go#61336).
package txtartest

import (
	"os"
	"testing"

	"golang.org/x/tools/txtar"
)

// Extract writes the files of the txtar archive into a new temporary
// directory and returns it.
func Extract(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	if err := ExtractTo(archive, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// ExtractTo writes the files of the txtar archive into dir, which must not
// hold any of them yet.
func ExtractTo(archive, dir string) error {
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		return err
	}
	fsys, err := txtar.FS(ar)
	if err != nil {
		return err
	}
	return os.CopyFS(dir, fsys)
}
