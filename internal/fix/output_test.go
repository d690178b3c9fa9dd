package fix

import (
	"archive/zip"
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of the diff tests")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n%s\nwant:\n%s", path, got, want)
	}
}

// diffPlan computes a plan over two files, one of them with a name that
// holds a control character and content that holds an escape sequence.
func diffPlan(t *testing.T) (*Plan, string) {
	t.Helper()
	odd := "b\x1b[31m.go"
	dir := writeFiles(t, map[string]string{
		"a.go": goFile,
		odd:    "package p\n\n// Red: \x1b[31m.\nvar X = 1\n",
	})
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, odd)
	fixes := []Fix{
		{Finding: "F", Edits: []Edit{replace(t, a, `strings.ToUpper("a")`, `"A"`)}},
		{Finding: "G", Edits: []Edit{replace(t, b, "X = 1", "X = 2")}},
	}
	p := Compute(fixes, Options{Roots: []string{dir}})
	if len(p.Files) != 2 {
		t.Fatalf("plan changes %d files, want 2: %v", len(p.Files), p.Skipped)
	}
	return p, dir
}

func TestWriteDiff(t *testing.T) {
	p, dir := diffPlan(t)
	rel := func(name string) string {
		r, err := filepath.Rel(dir, name)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, tt := range []struct {
		golden   string
		terminal bool
	}{
		{"diff.golden", false},
		{"diff-terminal.golden", true},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := p.WriteDiff(&b, DiffOptions{Name: rel, Terminal: tt.terminal}); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.golden, b.String())
			for _, line := range strings.Split(b.String(), "\n") {
				if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "+++") || tt.terminal {
					if strings.ContainsRune(line, '\x1b') {
						t.Errorf("control character in %q", line)
					}
				}
			}
		})
	}
	// The diff writes nothing.
	for _, fc := range p.Files {
		if got := readFile(t, fc.Name); got != string(fc.Old) {
			t.Errorf("%s changed by WriteDiff", fc.Name)
		}
	}
}

func TestWriteArchive(t *testing.T) {
	p, _ := diffPlan(t)
	var b bytes.Buffer
	if err := p.WriteArchive(&b, "p [p.test]"); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Comment != "p [p.test]" {
		t.Errorf("comment %q", zr.Comment)
	}
	if len(zr.File) != len(p.Files) {
		t.Fatalf("%d entries, want %d", len(zr.File), len(p.Files))
	}
	for i, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		if cerr := rc.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name != p.Files[i].Name || !bytes.Equal(got, p.Files[i].New) {
			t.Errorf("entry %s differs from the plan's %s", zf.Name, p.Files[i].Name)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.go": goFile})
	a := filepath.Join(dir, "a.go")
	if err := os.Chmod(a, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	fixes := []Fix{{Finding: "F", Edits: []Edit{replace(t, link, `fmt.Sprint("b")`, `"b"`)}}}
	p := Compute(fixes, Options{Roots: []string{dir}})
	if err := p.Write(); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(goFile, `fmt.Sprint("b")`, `"b"`, 1)
	if got := readFile(t, a); got != want {
		t.Errorf("a.go:\n%s\nwant:\n%s", got, want)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v", err)
	}
	if fi, err := os.Stat(a); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("permissions %v, want 0600 kept", fi.Mode().Perm())
	}
	// A plan of no fixes changes and writes nothing.
	again := Compute(nil, Options{Roots: []string{dir}})
	if len(again.Files) != 0 || again.Write() != nil || readFile(t, a) != want {
		t.Errorf("an empty plan changed something: %+v", again)
	}
}
