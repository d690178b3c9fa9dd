package config

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestRecipePathProblem: a recipe file is named by a path to a Go file,
// without control characters.
func TestRecipePathProblem(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"tools/jwtssot/recipes.go", ""},
		{"./recipes.go", ""},
		{"/abs/recipes.go", ""},
		{"", "empty file name"},
		{"  ", "empty file name"},
		{"recipes.yaml", `"recipes.yaml" is not a Go file`},
		{"a\nb.go", "control character"},
	} {
		got := recipePathProblem(tt.path)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("recipePathProblem(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

// TestRecipesResolvedAgainstTheConfig: a package's settings name its
// recipe files relative to the directory of the config file in effect.
func TestRecipesResolvedAgainstTheConfig(t *testing.T) {
	t.Setenv("GOWORK", "off")
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"go.mod":            "module example.com/app\n",
		".jwtssot.yaml":     "recipes: [tools/recipes.go]\n",
		"svc/.jwtssot.yaml": "recipes: [./local.go, " + filepath.ToSlash(filepath.Join(root, "abs.go")) + "]\n",
		"svc/a/a.go":        "package a\n",
		"internal/x/x.go":   "package x\n",
		"tools/recipes.go":  "package recipes\n",
		"svc/local.go":      "package recipes\n",
		"abs.go":            "package recipes\n",
	})
	r := NewResolver()
	for _, tt := range []struct {
		dir, path string
		want      []string
	}{
		{"internal/x", "example.com/app/internal/x", []string{"tools/recipes.go"}},
		{"svc/a", "example.com/app/svc/a", []string{"svc/local.go", "abs.go"}},
	} {
		s, err := r.For(filepath.Join(root, tt.dir), tt.path, Config{})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, w := range tt.want {
			want = append(want, filepath.Join(root, w))
		}
		if strings.Join(s.Recipes, ",") != strings.Join(want, ",") {
			t.Errorf("%s: recipes %q, want %q", tt.dir, s.Recipes, want)
		}
	}
}

// TestFingerprintHasTheRecipes: go vet's tool ID changes when a recipe
// file the config names changes, as when the config file does, and a
// recipe file that is missing or no regular file fails the run's config.
func TestFingerprintHasTheRecipes(t *testing.T) {
	t.Setenv("GOWORK", "off")
	t.Setenv(EnvConfig, "")
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"go.mod":           "module example.com/app\n",
		".jwtssot.yaml":    "recipes: [tools/recipes.go]\n",
		"tools/recipes.go": "package recipes // v1\n",
	})
	fingerprint := func() string {
		t.Helper()
		set, err := Load(root, "")
		if err != nil {
			t.Fatal(err)
		}
		return set.Fingerprint()
	}
	before := fingerprint()
	writeFiles(t, root, map[string]string{"tools/recipes.go": "package recipes // v2\n"})
	if fingerprint() == before {
		t.Error("the fingerprint did not change with the recipe file")
	}

	if err := os.Remove(filepath.Join(root, "tools", "recipes.go")); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(root, ""); err == nil || !strings.Contains(err.Error(), "recipe file not found") {
		t.Errorf("a missing recipe file: Load = %v, want recipe file not found", err)
	}
	if err := os.Mkdir(filepath.Join(root, "tools", "recipes.go"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(root, ""); err == nil || !strings.Contains(err.Error(), "is a directory, not a recipe file") {
		t.Errorf("a directory as recipe file: Load = %v", err)
	}
	if runtime.GOOS == "windows" {
		return
	}
	fifo := filepath.Join(root, "fifo.go")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	writeFiles(t, root, map[string]string{".jwtssot.yaml": "recipes: [fifo.go]\n"})
	if _, err := Load(root, ""); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("a named pipe as recipe file: Load = %v", err)
	}
}

// TestRecipeUses: the standalone scan's preflight reads every recipe file
// a location can use: each config file's, with the flags overlaid, and
// the flags' alone at a module root without a config file.
func TestRecipeUses(t *testing.T) {
	t.Setenv("GOWORK", "off")
	t.Setenv(EnvConfig, "")
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"go.mod":            "module example.com/app\n",
		"svc/.jwtssot.yaml": "recipes: [r.go]\nlibraries: [example.com/jwt]\n",
		"svc/r.go":          "package recipes\n",
	})
	set, err := Load(root, "")
	if err != nil {
		t.Fatal(err)
	}
	uses := set.RecipeUses(Config{})
	if len(uses) != 1 || uses[0].Files[0] != filepath.Join(root, "svc", "r.go") || uses[0].Libraries[0] != "example.com/jwt" {
		t.Errorf("RecipeUses = %+v", uses)
	}
	uses = set.RecipeUses(Config{Recipes: []string{"flag.go"}})
	var files []string
	for _, u := range uses {
		files = append(files, u.Files...)
	}
	want := []string{filepath.Join(root, "svc", "flag.go"), filepath.Join(root, "flag.go")}
	if strings.Join(files, ",") != strings.Join(want, ",") {
		t.Errorf("RecipeUses with -recipes = %q, want %q", files, want)
	}
}

// TestErrVetRefusedFlag: go vet refuses -jwtssot.recipes, and no other
// setting's flag.
func TestErrVetRefusedFlag(t *testing.T) {
	err := ErrVetRefusedFlag("recipes", "r.go")
	if err == nil || !strings.Contains(err.Error(), "-jwtssot.recipes=r.go cannot be used with go vet") {
		t.Errorf("ErrVetRefusedFlag(recipes) = %v", err)
	}
	for _, s := range allSettings {
		if s.name != "recipes" && ErrVetRefusedFlag(s.name, "x") != nil {
			t.Errorf("go vet refuses -jwtssot.%s", s.name)
		}
	}
}
