package report

import (
	"reflect"
	"slices"
	"testing"

	"github.com/jwtssot/jwtssot/internal/jwtop"
)

// TestNewInventory groups sites into implementations, merges their
// settings and names the settings the implementations differ on.
func TestNewInventory(t *testing.T) {
	sites := []Site{
		{File: "b.go", Line: 9, Package: "x/orders", Function: "check", Facts: jwtop.Facts{Op: jwtop.Parse, AnyAlgorithm: true}},
		{File: "a.go", Line: 5, Package: "x/auth", Function: "Verify", InAuth: true,
			Facts: jwtop.Facts{Op: jwtop.Parse, Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, Claims: jwtop.Claims{ExpirationRequired: true}}},
		{File: "a.go", Line: 5, Package: "x/auth", Function: "Verify", InAuth: true, // the same site, from a test variant
			Facts: jwtop.Facts{Op: jwtop.Parse, Algorithms: []string{"HS256"}, AlgorithmsRestricted: true, Claims: jwtop.Claims{ExpirationRequired: true}}},
		{File: "a.go", Line: 9, Package: "x/auth", Function: "Sign", InAuth: true,
			Facts: jwtop.Facts{Op: jwtop.Sign, Algorithms: []string{"HS256"}, AlgorithmsRestricted: true}},
		{File: "c.go", Line: 3, Package: "x/admin", Function: "check",
			Facts: jwtop.Facts{Op: jwtop.Parse, AlgorithmsRestricted: true, Claims: jwtop.Claims{Skipped: true}}},
		{File: "c.go", Line: 7, Package: "x/admin", Function: "check", Facts: jwtop.Facts{Op: jwtop.Decode, Claims: jwtop.Claims{Unverified: true}}},
		{File: "d.go", Line: 1, Package: "x/keys", Function: "jwks", Facts: jwtop.Facts{Op: jwtop.Keyfunc}},
	}
	inv := NewInventory(sites)
	if len(inv.Sites) != 6 {
		t.Fatalf("%d sites, want 6 (one duplicate dropped)", len(inv.Sites))
	}
	if inv.Sites[0].File != "a.go" || inv.Sites[0].Line != 5 {
		t.Errorf("sites not sorted: first %s:%d", inv.Sites[0].File, inv.Sites[0].Line)
	}
	var names []string
	for _, impl := range inv.Implementations {
		names = append(names, impl.Package+"."+impl.Function)
	}
	if want := []string{"x/admin.check", "x/auth.Sign", "x/auth.Verify", "x/keys.jwks", "x/orders.check"}; !reflect.DeepEqual(names, want) {
		t.Errorf("implementations %v, want %v", names, want)
	}
	admin := inv.Implementations[0].Settings
	for k, want := range map[string]string{
		SettingSignature:  "not verified | verified",
		SettingAlgorithms: RestrictedUnknown,
		SettingClaims:     "skipped",
		SettingExpiration: NotChecked,
	} {
		if admin[k] != want {
			t.Errorf("admin.check %s = %q, want %q", k, admin[k], want)
		}
	}
	if s := inv.Implementations[3].Settings; len(s) != 0 {
		t.Errorf("a keyfunc builder has settings %v, want none", s)
	}
	differ := map[string][]string{}
	for _, d := range inv.Differences {
		for _, v := range d.Values {
			differ[d.Setting] = append(differ[d.Setting], v.Function+"="+v.Value)
		}
	}
	want := map[string][]string{
		SettingSignature:  {"check=not verified | verified", "Verify=verified", "check=verified"},
		SettingAlgorithms: {"check=" + RestrictedUnknown, "Verify=HS256", "check=" + AnyAlgorithm},
		SettingClaims:     {"check=skipped", "Verify=validated", "check=validated"},
		SettingExpiration: {"check=" + NotChecked, "Verify=required", "check=" + LibraryDefault},
	}
	if !reflect.DeepEqual(differ, want) {
		t.Errorf("differences:\n got %v\nwant %v", differ, want)
	}
	// The implementations that agree on a setting are not a difference:
	// audience, issuer and leeway are the same everywhere, and only one
	// implementation signs.
	for _, d := range inv.Differences {
		if slices.Contains([]string{SettingAudience, SettingIssuer, SettingLeeway, SettingSigning}, d.Setting) {
			t.Errorf("difference on %s, where all agree", d.Setting)
		}
	}
}

// TestNewInventoryEmpty: no JWT code, an inventory with empty lists (JSON
// arrays, not null).
func TestNewInventoryEmpty(t *testing.T) {
	inv := NewInventory(nil)
	if inv.Sites == nil || inv.Implementations == nil || inv.Differences == nil || inv.Version != InventoryVersion {
		t.Errorf("empty inventory %+v", inv)
	}
}
