package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// inventoryJSON is the part of the JSON report's inventory the tests read.
type inventoryJSON struct {
	Version int
	Sites   []struct {
		File, Function, Op, Symbol string
		Line                       int
		Algorithms                 []string
		AlgorithmsRestricted       bool `json:"algorithms_restricted"`
		Claims                     struct{ Leeway string }
		KeySource                  string `json:"key_source"`
	}
	Implementations []struct {
		Package, Function string
		Settings          map[string]string
	}
	Differences []struct {
		Setting string
		Values  []struct{ Function, Value string }
	}
}

// inventoryDirs are the modules whose inventories have golden files: the
// demo README's first command runs on, and the corpora.
func inventoryDirs(t *testing.T) map[string]string {
	dirs := map[string]string{"demo": filepath.Join("..", "..", "examples", "demo")}
	for _, name := range corpora {
		dirs[name] = fixture(t, filepath.Join("..", "..", "testdata", "corpus", name+".txtar"))
	}
	return dirs
}

// TestInventoryGolden compares the inventory of the demo and of each
// corpus, as text (-inventory) and as the JSON report carries it, with its
// golden files: every site's operation, library, algorithms, claim checks
// and key source, and the differences between the implementations.
func TestInventoryGolden(t *testing.T) {
	for name, dir := range inventoryDirs(t) {
		t.Run(name, func(t *testing.T) {
			text := jwtssot(t, dir, "-inventory", "./...")
			if text.code != 0 && text.code != 1 {
				t.Fatalf("-inventory: exit %d\n%s", text.code, text.stderr)
			}
			checkGolden(t, filepath.Join("testdata", "golden", "inventory", name+".txt"), text.stdout)

			r := jwtssot(t, dir, "-format", "json", "./...")
			var doc struct{ Inventory json.RawMessage }
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.Inventory == nil {
				t.Fatalf("JSON report without an inventory (%v):\n%s", err, r.stdout)
			}
			var indented strings.Builder
			enc := json.NewEncoder(&indented)
			enc.SetIndent("", "  ")
			if err := enc.Encode(doc.Inventory); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "golden", "inventory", name+".json"), indented.String())
		})
	}
}

// TestDemoInventory asserts what README promises of the demo's inventory:
// the auth module's validator accepts HS256 only, the admin one HS256 and
// RS256 with five minutes of leeway, the orders one any algorithm, and the
// inventory names those differences.
func TestDemoInventory(t *testing.T) {
	r := jwtssot(t, filepath.Join("..", "..", "examples", "demo"), "-format", "json", "./...")
	var doc struct{ Inventory inventoryJSON }
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	inv := doc.Inventory
	if inv.Version != 1 {
		t.Errorf("inventory version %d, want 1", inv.Version)
	}
	settings := map[string]map[string]string{}
	for _, impl := range inv.Implementations {
		settings[impl.Function] = impl.Settings
	}
	for fn, want := range map[string]map[string]string{
		"ValidateToken":   {"algorithms": "HS256", "leeway": "none", "signature": "verified"},
		"requireAdmin":    {"algorithms": "HS256, RS256", "leeway": "5m0s", "signature": "verified"},
		"userFromRequest": {"algorithms": "any the key fits", "signature": "verified"},
		"ParseUnverified": {"signature": "not verified"},
		"IssueToken":      {"signing algorithms": "HS256"},
		"(*Server).login": {"signing algorithms": "HS256"},
	} {
		for k, v := range want {
			if got := settings[fn][k]; got != v {
				t.Errorf("%s %s = %q, want %q", fn, k, got, v)
			}
		}
	}
	var differ []string
	for _, d := range inv.Differences {
		differ = append(differ, d.Setting)
	}
	for _, s := range []string{"algorithms", "leeway", "signature"} {
		if !slices.Contains(differ, s) {
			t.Errorf("differences %v do not name %s", differ, s)
		}
	}
	keys := map[string]string{}
	for _, s := range inv.Sites {
		keys[s.Function] = s.KeySource
	}
	if keys["(*Server).login"] != "literal" || keys["requireAdmin"] != "env" || keys["ParseUnverified"] != "none" {
		t.Errorf("key sources %v: want login literal, requireAdmin env, ParseUnverified none", keys)
	}

	text := jwtssot(t, filepath.Join("..", "..", "examples", "demo"), "-inventory", "./...")
	for _, want := range []string{"admin.requireAdmin", "HS256, RS256", "any the key fits", "differ on"} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("-inventory output lacks %q:\n%s", want, text.stdout)
		}
	}
}
