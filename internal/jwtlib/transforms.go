package jwtlib

import (
	"crypto/md5"  //nolint:gosec // only to fold constants the way the code folds them
	"crypto/sha1" //nolint:gosec // likewise
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"go/types"
	"strings"

	"github.com/jwtssot/jwtssot/internal/flow"
)

// A transformRow says what a function of the standard library (or of a
// well-known module) returns of its arguments' values: as they are (cmp.Or,
// strings.TrimSpace), transformed (base64 decoding, hashing), or combined
// (fmt.Sprintf). The value graph follows values through them; every row is
// pinned by a test (TestTransforms).
type transformRow struct {
	key   string // "path.Func" or "path.Recv.Func", without major versions
	xform flow.Transform
}

// maxFolded bounds what a folded constant may grow to (strings.Repeat).
const maxFolded = 1 << 12

func asIs(args ...int) flow.Transform { return flow.Transform{Class: flow.AsIs, Args: args} }

func transformed(via string, eval func([]flow.Const) (string, bool), args ...int) flow.Transform {
	if args == nil {
		args = []int{0}
	}
	return flow.Transform{Class: flow.Transforms, Args: args, Via: via, Eval: eval}
}

func str1(f func(string) string) func([]flow.Const) (string, bool) {
	return func(a []flow.Const) (string, bool) {
		if len(a) != 1 || a[0].Kind != flow.ConstString {
			return "", false
		}
		return f(a[0].Str), true
	}
}

func decoder(f func(string) ([]byte, error)) func([]flow.Const) (string, bool) {
	return func(a []flow.Const) (string, bool) {
		if len(a) != 1 || a[0].Kind != flow.ConstString {
			return "", false
		}
		b, err := f(a[0].Str)
		return string(b), err == nil
	}
}

func hash(f func([]byte) []byte) func([]flow.Const) (string, bool) {
	return str1(func(s string) string { return string(f([]byte(s))) })
}

var transformRows = func() []transformRow {
	var rows []transformRow
	add := func(xf flow.Transform, keys ...string) {
		for _, k := range keys {
			rows = append(rows, transformRow{k, xf})
		}
	}
	add(asIs(), "cmp.Or")
	for _, p := range []string{"strings", "bytes"} {
		add(asIs(0), p+".TrimSpace", p+".Trim", p+".TrimPrefix", p+".TrimSuffix", p+".TrimLeft", p+".TrimRight", p+".Clone")
		add(transformed("transformed by "+p+".ToLower", str1(strings.ToLower)), p+".ToLower")
		add(transformed("transformed by "+p+".ToUpper", str1(strings.ToUpper)), p+".ToUpper")
		add(transformed("transformed by "+p+".Repeat", repeat), p+".Repeat")
		add(transformed("transformed by "+p+".ReplaceAll", replaceAll), p+".ReplaceAll")
		add(transformed("transformed by "+p+".Replace", replace), p+".Replace")
	}
	add(asIs(0), "github.com/aws/aws-sdk-go-v2/aws.ToString", "github.com/aws/aws-sdk-go-v2/aws.String",
		"github.com/aws/aws-sdk-go/aws.StringValue", "github.com/aws/aws-sdk-go/aws.String")
	for _, enc := range []string{"encoding/base64.Encoding.", "encoding/base32.Encoding."} {
		kind := strings.TrimSuffix(strings.TrimPrefix(enc, "encoding/"), ".Encoding.")
		add(transformed(kind+"-decoded", decodeWith(enc)), enc+"DecodeString")
		add(transformed(kind+"-encoded", nil), enc+"EncodeToString")
		add(transformed(kind+"-decoded", nil, 1), enc+"AppendDecode")
		add(transformed(kind+"-encoded", nil, 1), enc+"AppendEncode")
	}
	add(transformed("hex-decoded", decoder(hex.DecodeString)), "encoding/hex.DecodeString")
	add(transformed("hex-encoded", nil), "encoding/hex.EncodeToString")
	add(transformed("hashed", hash(func(b []byte) []byte { s := sha256.Sum256(b); return s[:] })), "crypto/sha256.Sum256")
	add(transformed("hashed", hash(func(b []byte) []byte { s := sha256.Sum224(b); return s[:] })), "crypto/sha256.Sum224")
	add(transformed("hashed", hash(func(b []byte) []byte { s := sha512.Sum512(b); return s[:] })), "crypto/sha512.Sum512")
	add(transformed("hashed", hash(func(b []byte) []byte { s := sha512.Sum384(b); return s[:] })), "crypto/sha512.Sum384")
	add(transformed("hashed", hash(func(b []byte) []byte { s := sha512.Sum512_256(b); return s[:] })), "crypto/sha512.Sum512_256")
	add(transformed("hashed", hash(func(b []byte) []byte { s := sha1.Sum(b); return s[:] })), "crypto/sha1.Sum") //nolint:gosec // folding
	add(transformed("hashed", hash(func(b []byte) []byte { s := md5.Sum(b); return s[:] })), "crypto/md5.Sum")   //nolint:gosec // folding
	add(flow.Transform{Class: flow.Combines, Via: "fmt.Sprintf", Eval: sprintf}, "fmt.Sprintf")
	add(flow.Transform{Class: flow.Combines, Via: "fmt.Sprint", Eval: sprint}, "fmt.Sprint")
	add(flow.Transform{Class: flow.Combines, Via: "strings.Join", Args: []int{1}, Elems: []int{0}, Eval: join}, "strings.Join")
	add(flow.Transform{Class: flow.Combines, Via: "bytes.Join", Args: []int{1}, Elems: []int{0}}, "bytes.Join")
	return rows
}()

// decodeWith decodes with base64's or base32's standard encoding, for
// folding; the encoding the code uses may differ, and then the fold fails,
// which only means no fold.
func decodeWith(enc string) func([]flow.Const) (string, bool) {
	if strings.HasPrefix(enc, "encoding/base64") {
		return decoder(base64.StdEncoding.DecodeString)
	}
	return nil
}

func repeat(a []flow.Const) (string, bool) {
	if len(a) != 2 || a[0].Kind != flow.ConstString || a[1].Kind != flow.ConstInt || a[1].Int < 0 ||
		int64(len(a[0].Str))*a[1].Int > maxFolded {
		return "", false
	}
	return strings.Repeat(a[0].Str, int(a[1].Int)), true
}

func replaceAll(a []flow.Const) (string, bool) {
	if len(a) != 3 || a[0].Kind != flow.ConstString || a[1].Kind != flow.ConstString || a[2].Kind != flow.ConstString {
		return "", false
	}
	return strings.ReplaceAll(a[0].Str, a[1].Str, a[2].Str), true
}

func replace(a []flow.Const) (string, bool) {
	if len(a) != 4 || a[3].Kind != flow.ConstInt {
		return "", false
	}
	if _, ok := replaceAll(a[:3]); !ok {
		return "", false
	}
	return strings.Replace(a[0].Str, a[1].Str, a[2].Str, int(a[3].Int)), true
}

func values(a []flow.Const) ([]any, bool) {
	out := make([]any, len(a))
	for i, c := range a {
		switch c.Kind {
		case flow.ConstString:
			out[i] = c.Str
		case flow.ConstInt:
			out[i] = c.Int
		default:
			return nil, false
		}
	}
	return out, true
}

func sprintf(a []flow.Const) (string, bool) {
	if len(a) == 0 || a[0].Kind != flow.ConstString {
		return "", false
	}
	args, ok := values(a[1:])
	if !ok {
		return "", false
	}
	return fmt.Sprintf(a[0].Str, args...), true
}

func sprint(a []flow.Const) (string, bool) {
	args, ok := values(a)
	if !ok {
		return "", false
	}
	return fmt.Sprint(args...), true
}

func join(a []flow.Const) (string, bool) {
	if len(a) != 2 || a[0].Kind != flow.ConstList || a[1].Kind != flow.ConstString {
		return "", false
	}
	return strings.Join(a[0].List, a[1].Str), true
}

var transforms = func() map[string]flow.Transform {
	m := make(map[string]flow.Transform, len(transformRows))
	for _, r := range transformRows {
		m[r.key] = r.xform
	}
	return m
}()

// TransformOf says what fn returns of its arguments' values, if it is a
// transformation of the catalogue.
func TransformOf(fn *types.Func) (flow.Transform, bool) {
	if fn.Pkg() == nil {
		return flow.Transform{}, false
	}
	xf, ok := transforms[sourceKey(stripMajor(fn.Pkg().Path()), recvName(fn), fn.Name())]
	return xf, ok
}

// TransformKeys returns the keys of the transformations, for docs and
// tests, in the table's order.
func TransformKeys() []string {
	keys := make([]string, len(transformRows))
	for i, r := range transformRows {
		keys[i] = r.key
	}
	return keys
}

// Transform returns the transformation of a key of TransformKeys.
func Transform(key string) (flow.Transform, bool) {
	xf, ok := transforms[key]
	return xf, ok
}
