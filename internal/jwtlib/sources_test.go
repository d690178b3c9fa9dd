package jwtlib

import (
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/jwtssot/jwtssot/internal/flow"
)

// newMethod returns a function or method named like a catalogue row: a
// method when recv is set ("*" meaning any type, here "T").
func newMethod(path, recv, name string) *types.Func {
	pkg := types.NewPackage(path, "p")
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	if recv != "" {
		if recv == "*" {
			recv = "T"
		}
		tn := types.NewTypeName(token.NoPos, pkg, recv, nil)
		named := types.NewNamed(tn, types.NewStruct(nil, nil), nil)
		sig = types.NewSignatureType(types.NewVar(token.NoPos, pkg, "r", types.NewPointer(named)), nil, nil, nil, nil, false)
	}
	return types.NewFunc(token.NoPos, pkg, name, sig)
}

// TestSources pins every row of the catalogue's sources: each function of
// each row is found, in the module's major versions, and a function of the
// same name elsewhere, or of another receiver, is not.
func TestSources(t *testing.T) {
	c := BuiltinCatalog()
	for _, s := range Sources() {
		if s.Tags != nil && s.Fills < 0 {
			t.Errorf("%s: a loader fills no argument", s.Pkg)
		}
		for _, f := range s.Funcs {
			paths := []string{s.Pkg}
			if !strings.Contains(s.Pkg, ".v") && strings.Contains(s.Pkg, ".") {
				paths = append(paths, s.Pkg+"/v11")
			}
			for _, p := range paths {
				got, ok := c.Source(newMethod(p, s.Recv, f))
				if !ok || got.Pkg != s.Pkg {
					t.Errorf("%s %s.%s is not found (got %v)", p, s.Recv, f, got.Pkg)
				}
			}
			if _, ok := c.Source(newMethod("example.com/other", s.Recv, f)); ok {
				t.Errorf("example.com/other %s.%s is a source", s.Recv, f)
			}
			if s.Recv != "" && s.Recv != "*" {
				if _, ok := c.Source(newMethod(s.Pkg, s.Recv+"Other", f)); ok {
					t.Errorf("%s.%sOther.%s is a source", s.Pkg, s.Recv, f)
				}
			}
		}
	}
}

// TestReads pins what each kind of source says it reads from.
func TestReads(t *testing.T) {
	for k, want := range map[SourceKind]string{Env: "", Flag: "", ConfigLib: "", Loader: "",
		File: "a file", Database: "the database", SecretStore: "a secret store"} {
		if got := k.Reads(); got != want {
			t.Errorf("%s.Reads() = %q, want %q", k, got, want)
		}
	}
}

// TestTransforms pins every row of the transformations: each is found,
// and the ones that evaluate give the value Go gives.
func TestTransforms(t *testing.T) {
	for _, key := range TransformKeys() {
		i := strings.LastIndex(key, ".")
		path, name := key[:i], key[i+1:]
		recv := ""
		if j := strings.LastIndex(path, "."); j > strings.LastIndex(path, "/") {
			path, recv = path[:j], path[j+1:]
		}
		if _, ok := TransformOf(newMethod(path, recv, name)); !ok {
			t.Errorf("%s is not found", key)
		}
		if _, ok := TransformOf(newMethod("example.com/other", recv, name)); ok {
			t.Errorf("example.com/other %s is a transformation", name)
		}
	}
	str := func(s string) flow.Const { return flow.Const{Str: s} }
	num := func(i int64) flow.Const { return flow.Const{Int: i, Kind: flow.ConstInt} }
	for _, c := range []struct {
		key  string
		args []flow.Const
		want string
		ok   bool
	}{
		{"fmt.Sprintf", []flow.Const{str("%s-%d"), str("acme"), num(7)}, "acme-7", true},
		{"fmt.Sprint", []flow.Const{str("a"), str("b")}, "ab", true},
		{"strings.Join", []flow.Const{{List: []string{"a", "b"}, Kind: flow.ConstList}, str("/")}, "a/b", true},
		{"strings.Repeat", []flow.Const{str("ab"), num(3)}, "ababab", true},
		{"strings.Repeat", []flow.Const{str("ab"), num(1 << 20)}, "", false}, // bounded
		{"strings.ToUpper", []flow.Const{str("key")}, "KEY", true},
		{"strings.ReplaceAll", []flow.Const{str("a-b-c"), str("-"), str("")}, "abc", true},
		{"strings.Replace", []flow.Const{str("a-b-c"), str("-"), str(""), num(1)}, "ab-c", true},
		{"encoding/base64.Encoding.DecodeString", []flow.Const{str("c2VjcmV0")}, "secret", true},
		{"encoding/base64.Encoding.DecodeString", []flow.Const{str("!!")}, "", false},
		{"encoding/hex.DecodeString", []flow.Const{str("6b6579")}, "key", true},
	} {
		xf := transforms[c.key]
		if xf.Eval == nil {
			t.Errorf("%s does not evaluate", c.key)
			continue
		}
		got, ok := xf.Eval(c.args)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("%s%v = %q, %v; want %q, %v", c.key, c.args, got, ok, c.want, c.ok)
		}
	}
}

// TestStructSources pins the library structs whose literals fill a
// destination.
func TestStructSources(t *testing.T) {
	for _, s := range structSources {
		for _, name := range s.Types {
			for _, p := range []string{s.Pkg, s.Pkg + "/v3"} {
				tn := types.NewTypeName(token.NoPos, types.NewPackage(p, "cli"), name, nil)
				named := types.NewNamed(tn, types.NewStruct(nil, nil), nil)
				if _, ok := StructSourceOf(types.NewPointer(named)); !ok {
					t.Errorf("%s.%s is not found", p, name)
				}
			}
		}
	}
}

// TestIsSettingGetter pins the getter heuristic's words and the packages
// it leaves out.
func TestIsSettingGetter(t *testing.T) {
	str := types.Typ[types.String]
	mk := func(path, name string) *types.Func {
		res := types.NewTuple(types.NewVar(token.NoPos, nil, "", str))
		return types.NewFunc(token.NoPos, types.NewPackage(path, "p"), name, types.NewSignatureType(nil, nil, nil, nil, res, false))
	}
	holds := func(t types.Type) bool { return t == str }
	for _, name := range []string{"Get", "GetString", "MustGet", "Lookup", "LookupEnv", "Require", "Fetch", "Read",
		"Load", "getEnv", "requireEnv", "Env"} {
		if !IsSettingGetter(mk("example.com/conf", name), holds) {
			t.Errorf("%s is not a getter", name)
		}
	}
	for _, name := range []string{"GetFile", "SetString", "Unset", "BindEnv", "IsSet", "HasKey", "String", "Parse"} {
		if IsSettingGetter(mk("example.com/conf", name), holds) {
			t.Errorf("%s is a getter", name)
		}
	}
	for _, path := range notSettingPackages {
		if IsSettingGetter(mk(path, "Get"), holds) {
			t.Errorf("%s.Get is a getter", path)
		}
	}
	if IsSettingGetter(mk("io", "ReadAll"), holds) {
		t.Error("io.ReadAll is a getter")
	}
}
