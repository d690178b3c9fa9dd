// Package rcutil reads configuration files (drakkan/sftpgo's util).
package rcutil

import (
	"os"
	"strings"
)

// ReadConfigFromFile returns the trimmed content of a file.
func ReadConfigFromFile(name string) (string, error) { // want ReadConfigFromFile:`returns\[value\]\(read\(\)\)`
	b, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}
