package benchgen

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// StubDir holds the stub of github.com/golang-jwt/jwt/v5 in the jwtssot
// repository: the analyzer tests' stub, at its import path in their GOPATH
// tree. Generate copies its Go files into the module's third_party/jwt, so
// that the analyzer's tests and the benchmarks use one stub of the library
// (which must therefore declare what the templates use).
const StubDir = "analyzer/testdata/src/github.com/golang-jwt/jwt/v5"

// stubFile is a file of the JWT library's stub.
type stubFile struct {
	name string
	data []byte
}

// readStub reads the Go files of StubDir under root, the jwtssot repository:
// not its tests, nor the packages below it, which the generated code does
// not import.
func readStub(root string) ([]stubFile, error) {
	if root == "" {
		return nil, errors.New("no jwtssot repository to copy the JWT library's stub from (-root)")
	}
	dir := filepath.Join(root, filepath.FromSlash(StubDir))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("the JWT library's stub: %w", err)
	}
	var files []stubFile
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("the JWT library's stub: %w", err)
		}
		files = append(files, stubFile{name, data})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("the JWT library's stub: no Go files in %s", dir)
	}
	return files, nil
}
