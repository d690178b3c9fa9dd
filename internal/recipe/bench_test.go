package recipe

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkFixFile matches and fixes a file of n functions, each with a
// call a recipe rewrites and one it does not: the cost per call of the
// matching and of planning a file's fixes together (imports, variables
// left unused, nested matches).
func BenchmarkFixFile(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var src strings.Builder
			src.WriteString("package billing\n\nimport \"github.com/golang-jwt/jwt/v5\"\n")
			for i := range n {
				fmt.Fprintf(&src, "\nfunc f%d(s string, t *jwt.Token, k []byte) error {\n\t_, err := jwt.Parse(s, nil)\n\t_, _ = t.SigningString()\n\treturn err\n}\n", i)
			}
			s := NewSet(mustParse(b, matchRecipes))
			tg := newTestTarget(b, src.String())
			cs := calls(tg)
			b.ResetTimer()
			for range b.N {
				var ms []*Match
				for _, c := range cs {
					if m, _ := s.Match(tg, c); m != nil {
						ms = append(ms, m)
					}
				}
				for _, r := range Fixes(ms) {
					if r.Fix == nil {
						b.Fatal(r.Err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cs)), "ns/call")
		})
	}
}
