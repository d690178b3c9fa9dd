package inputfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var testKind = Kind{Noun: "config file", Is: "a YAML file", MaxSize: 16, MaxText: "16 bytes"}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	link := func(target, name string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
		return p
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	advised := testKind
	advised.NotFound = "create it with -write-baseline x"
	for _, tc := range []struct {
		name, path string
		kind       Kind
		want       string // the data, or the error after "<path>: "
		isErr      bool
	}{
		{"regular", write("ok.yaml", "auth: []\n"), testKind, "auth: []\n", false},
		{"the limit", write("full.yaml", strings.Repeat("x", 16)), testKind, strings.Repeat("x", 16), false},
		{"symlink to a regular file", link("ok.yaml", "ok-link.yaml"), testKind, "auth: []\n", false},
		{"missing", filepath.Join(dir, "nope.yaml"), testKind, "config file not found", true},
		{"missing, with advice", filepath.Join(dir, "nope.yaml"), advised, "config file not found; create it with -write-baseline x", true},
		{"dangling symlink", link("missing.yaml", "dangling.yaml"), testKind, "the config file is a symlink to missing.yaml, which does not exist; fix or remove the symlink", true},
		{"looping symlink", link("loop.yaml", "loop.yaml"), testKind, "the config file is a symlink that loops; point it at a regular file or remove it", true},
		{"directory", sub, testKind, "is a directory, not a config file; a config file is a YAML file (remove or rename the directory)", true},
		{"too big", write("big.yaml", strings.Repeat("x", 17)), testKind, "the config file is larger than 16 bytes, the most a config file may hold; is it the right file?", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := tc.kind.Read(tc.path)
			switch {
			case tc.isErr && err == nil:
				t.Fatalf("read %q, want the error %q", data, tc.want)
			case tc.isErr && err.Error() != tc.path+": "+tc.want:
				t.Errorf("error %q, want %q", err, tc.path+": "+tc.want)
			case !tc.isErr && err != nil:
				t.Fatal(err)
			case !tc.isErr && string(data) != tc.want:
				t.Errorf("read %q, want %q", data, tc.want)
			}
		})
	}
}
