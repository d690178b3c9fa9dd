package cli

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/jwtssot/jwtssot/analyzer"
)

// IsVetInvocation reports whether the go command runs the binary as a vet
// tool: `go vet -vettool` first asks for -V=full and -flags, then passes
// the analyzer flags and a JSON .cfg file per package.
func IsVetInvocation(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "V", "V=full", "flags":
			return true
		}
	}
	return false
}

// RunVet speaks the vet protocol through x/tools' unitchecker, which exits
// the process. It answers -V=full itself: the go command caches vet results
// under the tool's ID, so the ID must change when a .jwtssot.yaml does, or
// go vet would replay stale findings after a config change.
func RunVet(args []string, stdout io.Writer) {
	if slices.Contains(args, "-V=full") || slices.Contains(args, "--V=full") {
		id, err := toolID()
		if err != nil {
			fmt.Fprintf(os.Stderr, "jwtssot: %v\n", err)
			os.Exit(2)
		}
		// The go command reads the last field's content ID, after the
		// last "/", as the tool's cache key.
		fmt.Fprintf(stdout, "jwtssot version devel buildID=%s\n", id)
		os.Exit(0)
	}
	unitchecker.Main(analyzer.Analyzer)
}

// toolID hashes the executable and every jwtssot config file of the module
// that contains the working directory (go vet asks for -V=full from there).
func toolID() (string, error) {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return "", err
	}
	h.Write(data)
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for _, f := range configFiles(moduleRoot(wd)) {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		fmt.Fprintf(h, "\x00%s\x00%d\x00", f, len(data))
		h.Write(data)
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// moduleRoot is the directory of the go.mod above dir, or dir if none.
func moduleRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// configFiles lists the jwtssot config files under root, skipping the
// directories the go command ignores (testdata, vendor, _ and . prefixes)
// and nested modules.
func configFiles(root string) []string {
	var files []string
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || name == "vendor" || name == "node_modules" ||
				strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if slices.Contains(analyzer.ConfigFileNames, name) {
			files = append(files, path)
		}
		return nil
	})
	return files
}
