package checkout

import (
	"path/filepath"
	"testing"
)

// TestRootFrom finds the repository from here, past this module's go.mod,
// and nothing from outside it.
func TestRootFrom(t *testing.T) {
	want, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{".", "..", want} {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := rootFrom(abs); err != nil || got != want {
			t.Errorf("rootFrom(%s) = %q, %v; want %q", abs, got, err, want)
		}
	}
	if got, err := rootFrom(t.TempDir()); err == nil {
		t.Errorf("rootFrom outside the repository = %q, want an error", got)
	}
}
