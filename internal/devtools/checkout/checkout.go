// Package checkout finds the jwtssot repository the dev commands work on.
package checkout

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// Root returns the directory of the jwtssot module's go.mod at or above
// the working directory: go run -C internal/devtools runs the commands
// there, go generate in the package's directory.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return rootFrom(dir)
}

func rootFrom(dir string) (string, error) {
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(data), "module github.com/jwtssot/jwtssot\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the github.com/jwtssot/jwtssot module")
		}
		dir = parent
	}
}
