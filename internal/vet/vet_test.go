package vet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadConfig: a vet config that is no regular file (a named pipe, a
// directory) is refused, naming it, without waiting; a file that is no
// JSON, or names no Go file, says so.
func TestReadConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := map[string]string{
		filepath.Join(dir, "missing.cfg"): "missing.cfg",
		dir:                               "directory",
		write("bad.cfg", "{"):             "cannot decode JSON config file",
		write("empty.cfg", "{}"):          "package has no files",
	}
	if fifo := namedPipe(t, dir); fifo != "" {
		cases[fifo] = "named pipe"
	}
	for name, want := range cases {
		_, err := ReadConfig(name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadConfig(%s) = %v, want an error with %q", name, err, want)
		}
	}
	good := write("good.cfg", `{"ImportPath": "example.com/p", "GoFiles": ["p.go"]}`)
	if cfg, err := ReadConfig(good); err != nil || cfg.ImportPath != "example.com/p" {
		t.Errorf("ReadConfig(good) = %+v, %v", cfg, err)
	}
}
