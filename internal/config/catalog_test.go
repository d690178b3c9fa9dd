package config

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/jwtlib"
)

// TestSourcesAndSinks decodes the catalogue's settings and compiles them
// into the catalogue a package's settings carry.
func TestSourcesAndSinks(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte(`
sources:
  - {symbol: example.com/platform/settings.Get, name: 1}
  - {symbol: (*example.com/platform/v2/settings.Store).Fill, fills: 2}
sinks:
  - {symbol: example.com/platform/jwtx.Sign, arg: 2}
  - {symbol: (*example.com/platform/jwtx.Verifier).Use, arg: 1, kind: public}
`))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Sources: []SourceRow{{Symbol: "example.com/platform/settings.Get", Name: 1},
			{Symbol: "(*example.com/platform/v2/settings.Store).Fill", Fills: 2}},
		Sinks: []SinkRow{{Symbol: "example.com/platform/jwtx.Sign", Arg: 2},
			{Symbol: "(*example.com/platform/jwtx.Verifier).Use", Arg: 1, Kind: "public"}},
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Fatalf("decoded\n%+v\nwant\n%+v", cfg, want)
	}
	c := catalogOf(cfg)
	get, ok := c.Source(newFunc("example.com/platform/settings", "", "Get"))
	if !ok || get.NameArg != 0 || get.Fills != -1 || get.Result != 0 {
		t.Errorf("Get: %+v, %v", get, ok)
	}
	fill, ok := c.Source(newFunc("example.com/platform/v2/settings", "Store", "Fill"))
	if !ok || fill.NameArg != -1 || fill.Fills != 1 {
		t.Errorf("Fill: %+v, %v", fill, ok)
	}
	if got := c.Sinks(newFunc("example.com/platform/jwtx", "", "Sign")); len(got) != 1 || got[0].Arg != 1 || got[0].Use != jwtlib.SecretKey {
		t.Errorf("Sign: %+v", got)
	}
	if got := c.Sinks(newFunc("example.com/platform/jwtx", "Verifier", "Use")); len(got) != 1 || got[0].Arg != 0 || got[0].Use != jwtlib.PublicKey {
		t.Errorf("Use: %+v", got)
	}
}

func TestSourcesAndSinksErrors(t *testing.T) {
	_, err := Parse("c.yaml", []byte(`
sources:
  - {symbol: example.com/platform/settings, name: -1}
  - {symbol: example.com/cfg.Get, nam: 1}
sinks:
  - {arg: 1, kind: private}
  - {symbol: example.com/jwtx.Sign, arg: 0}
  - example.com/jwtx.Sign
`))
	want := []string{
		`c.yaml:3: sources[0].name: must be a non-negative integer, not the number -1`,
		`c.yaml:4: sources[1].nam: unknown field (fields: symbol, name, result, fills)`,
		`c.yaml:8: sinks[2]: must be an object {symbol: <function or method>, arg: <argument, from 1>, kind: <secret, public or keyfunc>}, not the string "example.com/jwtx.Sign"`,
		`c.yaml:3: sources[0].symbol: "example.com/platform/settings" is not a function or method (e.g. example.com/pkg.Func or (*example.com/pkg.Type).Method)`,
		`c.yaml:6: sinks[0].symbol: missing: the function or method that takes the key, e.g. example.com/platform/jwtx.Sign`,
		`c.yaml:6: sinks[0].kind: unknown kind "private" (kinds: secret, public, keyfunc)`,
		`c.yaml:7: sinks[1].arg: must name an argument, counting from 1`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
}

func newFunc(path, recv, name string) *types.Func {
	pkg := types.NewPackage(path, "p")
	var r *types.Var
	if recv != "" {
		tn := types.NewTypeName(token.NoPos, pkg, recv, nil)
		r = types.NewVar(token.NoPos, pkg, "r", types.NewPointer(types.NewNamed(tn, types.NewStruct(nil, nil), nil)))
	}
	return types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(r, nil, nil, nil, nil, false))
}
