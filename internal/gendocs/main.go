// Command gendocs writes the documentation generated from the analyzer's
// tables: docs/rules/<rule>.md, docs/rules/README.md and docs/libraries.md
// (see analyzer.DocFiles). Run it from anywhere in the module:
//
//	go run ./internal/gendocs          # write the files
//	go run ./internal/gendocs -check   # only report files that differ
//	go generate ./analyzer             # the same as the first
//
// It also deletes pages under docs/rules that no rule generates any more.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/analyzer"
)

func main() {
	check := flag.Bool("check", false, "report files that differ from the tables, write nothing, exit 1 if any")
	flag.Parse()
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(2)
	}
	stale, err := run(root, *check)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(2)
	}
	if *check && len(stale) > 0 {
		for _, p := range stale {
			fmt.Fprintf(os.Stderr, "gendocs: %s is out of date\n", p)
		}
		fmt.Fprintln(os.Stderr, "gendocs: run go run ./internal/gendocs")
		os.Exit(1)
	}
}

// run writes (or, with check, compares) every generated file under root and
// returns the slash paths that were out of date.
func run(root string, check bool) ([]string, error) {
	files := analyzer.DocFiles()
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)

	var stale []string
	for _, p := range paths {
		name := filepath.Join(root, filepath.FromSlash(p))
		old, err := os.ReadFile(name)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		if bytes.Equal(old, []byte(files[p])) {
			continue
		}
		stale = append(stale, p)
		if check {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(name, []byte(files[p]), 0o644); err != nil {
			return nil, err
		}
	}

	// Pages of rules that no longer exist.
	pages, err := filepath.Glob(filepath.Join(root, "docs", "rules", "*.md"))
	if err != nil {
		return nil, err
	}
	for _, name := range pages {
		p := "docs/rules/" + filepath.Base(name)
		if _, ok := files[p]; ok {
			continue
		}
		stale = append(stale, p)
		if !check {
			if err := os.Remove(name); err != nil {
				return nil, err
			}
		}
	}
	return stale, nil
}

// moduleRoot finds the directory of the jwtssot module's go.mod, from the
// working directory up: go run starts in the caller's directory, go
// generate in the package's.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
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
