package fix

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPreview: a fix alone, as the hunks of a unified diff of its file
// with one line of context, no header; an edit outside the file, or a fix
// of two files, is an error.
func TestPreview(t *testing.T) {
	src := "package a\n\nimport \"os\"\n\nvar x = 1\n\nfunc f() {\n\t_ = os.Getenv(\"K\")\n}\n"
	dir := writeFiles(t, map[string]string{"a.go": src})
	file := filepath.Join(dir, "a.go")
	f := Fix{Finding: "a.go:6:6", Edits: []Edit{
		replace(t, file, `os.Getenv("K")`, `auth.Key()`),
		replace(t, file, `"os"`, `"example.com/app/auth"`),
	}}
	got, err := f.Preview([]byte(src), 1)
	if err != nil {
		t.Fatal(err)
	}
	want := "@@ -2,3 +2,3 @@\n \n-import \"os\"\n+import \"example.com/app/auth\"\n \n@@ -7,3 +7,3 @@\n func f() {\n-\t_ = os.Getenv(\"K\")\n+\t_ = auth.Key()\n }\n"
	if got != want {
		t.Errorf("Preview:\n%s\nwant:\n%s", got, want)
	}
	bad := Fix{Edits: []Edit{{File: file, Start: 10, End: 1000}}}
	if _, err := bad.Preview([]byte(src), 1); err == nil {
		t.Error("an edit past the end: no error")
	}
	two := Fix{Edits: []Edit{{File: file}, {File: file + "x"}}}
	if _, err := two.Preview([]byte(src), 1); err == nil {
		t.Error("a fix of two files: no error")
	}
}

// TestRenameKeepsSizes: a fix renamed (its files by their real paths) is
// still refused when its file changed since it was analyzed.
func TestRenameKeepsSizes(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.go": "package a\n\nvar x = 1\n"})
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink("a.go", link); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	f := Fix{Finding: "link.go:3:9", Edits: []Edit{replace(t, link, "1", "2")}, sizes: map[string]int{link: len("package a\n\nvar x = 1\n")}}
	f.Rename(func(name string) string {
		real, err := filepath.EvalSymlinks(name)
		if err != nil {
			t.Fatal(err)
		}
		return real
	})
	if got := f.Edits[0].File; filepath.Base(got) != "a.go" {
		t.Fatalf("renamed to %s", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.go"), []byte("package a\n\nvar x = 1 // changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := Compute([]Fix{f}, Options{Roots: []string{dir}})
	if len(p.Skipped) != 1 || len(p.Files) != 0 {
		t.Errorf("a changed file: applied %v, skipped %v", p.Applied, p.Skipped)
	}
}
