package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/jwtssot/jwtssot/internal/inputfile"
)

// This file is the recipes setting's part of the configuration: what a
// recipe file's name may be, where it is, and reading it through the one
// opener of input files. Parsing and checking a recipe is internal/recipe's.

// recipeFile is the kind of input file a recipe file is, for the opener.
var recipeFile = inputfile.Kind{Noun: "recipe file", Is: "a Go file of before/after functions", MaxSize: MaxFileSize, MaxText: "1 MiB",
	NotFound: "the recipes setting names it relative to the config file's directory"}

// ReadRecipeFile reads a recipe file, checking first that it is a regular
// file of at most 1 MiB: a directory, a named pipe or a device is an
// *Error naming the file, never a hang.
func ReadRecipeFile(path string) ([]byte, error) {
	data, err := recipeFile.Read(path)
	var ie *inputfile.Error
	if errors.As(err, &ie) {
		return nil, &Error{File: ie.File, Msg: ie.Msg}
	}
	return data, err
}

// recipePathProblem says what is wrong with an item of recipes: it names a
// Go file, by a path without control characters.
func recipePathProblem(p string) string {
	switch {
	case strings.TrimSpace(p) == "":
		return "empty file name"
	case strings.ContainsFunc(p, unicode.IsControl):
		return fmt.Sprintf("%q holds a control character", p)
	case !strings.HasSuffix(p, ".go"):
		return fmt.Sprintf("%q is not a Go file: a recipe file is Go (before/after functions), named *.go", p)
	}
	return ""
}

// recipePaths resolves the recipes of cfg against dir, the directory of the
// config file that holds them (or the module root).
func recipePaths(recipes []string, dir string) []string {
	var out []string
	for _, r := range recipes {
		if !filepath.IsAbs(r) {
			r = filepath.Join(dir, filepath.FromSlash(r))
		}
		out = append(out, filepath.Clean(r))
	}
	return out
}

// A RecipeUse is a set of recipe files that one location's configuration
// names, with the libraries in effect there (a recipe's before must call a
// JWT library's function).
type RecipeUse struct {
	Files     []string // absolute
	Libraries []string
}

// RecipeUses lists the recipe files each configuration of the set can
// use, with the settings given on the command line (flags) overlaid as the
// analyzer overlays them: every config file's, and, where no config file
// is at a module root, the flags' alone resolved against that root. The
// standalone scan reads and checks them all before it loads a package, so
// a bad recipe is one error (exit status 2).
func (s *Set) RecipeUses(flags Config) []RecipeUse {
	var uses []RecipeUse
	add := func(cfg Config, dir string) {
		if len(cfg.Recipes) > 0 {
			uses = append(uses, RecipeUse{Files: recipePaths(cfg.Recipes, dir), Libraries: cfg.Libraries})
		}
	}
	atRoot := map[string]bool{}
	for _, f := range s.Files {
		add(f.Config.Overlay(flags), filepath.Dir(f.Path))
		atRoot[filepath.Dir(f.Path)] = true
	}
	if s.Explicit == "" {
		roots, _ := moduleRoots(s.Anchor)
		for _, root := range roots {
			if !atRoot[root] {
				add(flags, root)
			}
		}
	}
	return uses
}

// recipeData reads the recipe files a config file names, for the
// fingerprint: a recipe edited since go vet cached a package's result must
// change the tool's ID as an edit of the config file does.
func recipeData(f File) ([]File, error) {
	var out []File
	var errs []error
	for _, p := range recipePaths(f.Config.Recipes, filepath.Dir(f.Path)) {
		data, err := ReadRecipeFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, File{Path: p, data: data})
	}
	return out, errors.Join(errs...)
}

// ErrVetRefusedFlag is go vet's error for a setting's flag it refuses
// (recipes), nil for any other: go vet asks for the tool's ID without the
// analyzer's flags, so the contents of a file a flag names could never be
// part of its cache key, and an edited recipe would replay stale fixes.
func ErrVetRefusedFlag(name, value string) error {
	s, ok := lookupSetting(allSettings, name)
	if !ok || s.vetRefused == "" {
		return nil
	}
	return fmt.Errorf("-jwtssot.%s=%s cannot be used with go vet: %s", name, value, strings.ReplaceAll(s.vetRefused, "`", ""))
}

// SymbolParts splits a replacement's symbol, or its use, into a package
// path and a member ("Func", or "Type.Method" for a method), as the
// replacements setting reads them; a package alone has no member.
func SymbolParts(s string) (pkg, member string) {
	r := splitSymbol(s)
	return r.pkg, r.member
}
