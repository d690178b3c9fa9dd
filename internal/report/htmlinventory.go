package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/jwtop"
)

// inventoryView is the implementations side by side, the cells on which
// they disagree highlighted, then their differences and their sites.
type inventoryView struct {
	Columns     []string // setting titles
	Rows        []implRow
	Differences []Difference
	Sites       []siteView
	Outside     int
	InAuth      int
}

type implRow struct {
	Package, Function string
	InAuth            bool
	Ops               string
	Cells             []implCell
}

type implCell struct {
	Value   string
	Differs bool
}

type siteView struct {
	Location, Function, Op, Symbol, Algorithms, Claims, Key string
	InAuth                                                  bool
}

// settingColumns are the settings the table shows, in order, with their
// titles; Implementation.Settings keys. Other keys follow, titled by key.
var settingColumns = []struct{ key, title string }{
	{SettingAlgorithms, "Algorithms"},
	{SettingSignature, "Signature verified"},
	{SettingExpiration, "Expiration required"},
	{SettingAudience, "Audience"},
	{SettingIssuer, "Issuer"},
	{SettingLeeway, "Leeway"},
	{SettingClaims, "Claims"},
	{SettingSigning, "Signing algorithms"},
}

func newInventoryView(inv *Inventory) *inventoryView {
	if inv == nil {
		return nil
	}
	v := &inventoryView{}
	var keys []string
	for _, c := range settingColumns {
		keys = append(keys, c.key)
		v.Columns = append(v.Columns, c.title)
	}
	extra := map[string]bool{}
	for _, im := range inv.Implementations {
		for k := range im.Settings {
			extra[k] = true
		}
	}
	for _, d := range inv.Differences {
		extra[d.Setting] = true
	}
	var more []string
	for k := range extra {
		if !slices.Contains(keys, k) {
			more = append(more, k)
		}
	}
	slices.Sort(more)
	for _, k := range more {
		keys = append(keys, k)
		v.Columns = append(v.Columns, k)
	}
	v.Columns = append(v.Columns, "Key source")

	// differs[setting][package\x00function]
	differs := map[string]map[string]bool{}
	for _, d := range inv.Differences {
		setting := d.Setting
		if differs[setting] == nil {
			differs[setting] = map[string]bool{}
		}
		for _, dv := range d.Values {
			differs[setting][dv.Package+"\x00"+dv.Function] = true
		}
		v.Differences = append(v.Differences, d)
	}

	for _, im := range inv.Implementations {
		id := im.Package + "\x00" + im.Function
		row := implRow{Package: im.Package, Function: im.Function, InAuth: im.InAuth, Ops: opsOf(inv, im)}
		if im.InAuth {
			v.InAuth++
		} else {
			v.Outside++
		}
		for _, k := range keys {
			row.Cells = append(row.Cells, implCell{Value: orDash(im.Settings[k]), Differs: differs[k][id]})
		}
		// Key sources are no setting (Differences never name one): the
		// column informs, it is never highlighted.
		row.Cells = append(row.Cells, implCell{Value: orDash(keySourcesOf(inv, im))})
		v.Rows = append(v.Rows, row)
	}
	for _, st := range inv.Sites {
		v.Sites = append(v.Sites, siteView{
			Location:   fmt.Sprintf("%s:%d:%d", st.File, st.Line, st.Column),
			Function:   st.Function,
			InAuth:     st.InAuth,
			Op:         string(st.Op),
			Symbol:     shortSymbol(st.Symbol),
			Algorithms: algorithmsOf(st),
			Claims:     claimsOf(st.Claims),
			Key:        keySource(st),
		})
	}
	return v
}

// opsOf summarizes an implementation's operations: "parse ×2, sign".
func opsOf(inv *Inventory, im Implementation) string {
	count := map[jwtop.Op]int{}
	var order []jwtop.Op
	for _, i := range im.Sites {
		if i < 0 || i >= len(inv.Sites) {
			continue
		}
		op := inv.Sites[i].Op
		if count[op] == 0 {
			order = append(order, op)
		}
		count[op]++
	}
	var parts []string
	for _, op := range order {
		if count[op] > 1 {
			parts = append(parts, fmt.Sprintf("%s ×%d", op, count[op]))
		} else {
			parts = append(parts, string(op))
		}
	}
	return strings.Join(parts, ", ")
}

// keySourcesOf lists the distinct key sources of an implementation's
// sites.
func keySourcesOf(inv *Inventory, im Implementation) string {
	var out []string
	for _, i := range im.Sites {
		if i < 0 || i >= len(inv.Sites) {
			continue
		}
		if k := keySource(inv.Sites[i]); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return strings.Join(out, ", ")
}

// keySource describes where a site's key comes from. A literal's detail is
// never shown: it could be the secret itself.
func keySource(st Site) string {
	switch {
	case st.KeySource == jwtop.KeyLiteral:
		return "literal (hardcoded)"
	case st.KeyDetail != "":
		return string(st.KeySource) + " (" + st.KeyDetail + ")"
	}
	return string(st.KeySource)
}

func algorithmsOf(st Site) string {
	switch {
	case len(st.Algorithms) > 0:
		return strings.Join(st.Algorithms, ", ")
	case st.Op == jwtop.Sign || st.Op == jwtop.Keyfunc:
		return ""
	case !st.AlgorithmsRestricted:
		return "any (not restricted)"
	}
	return ""
}

func claimsOf(c jwtop.Claims) string {
	var parts []string
	if c.Unverified {
		parts = append(parts, "signature not verified")
	}
	if c.Skipped {
		parts = append(parts, "claims not validated")
	}
	if c.ExpirationRequired {
		parts = append(parts, "exp required")
	}
	if c.Audience != "" {
		parts = append(parts, "aud "+c.Audience)
	}
	if c.Issuer != "" {
		parts = append(parts, "iss "+c.Issuer)
	}
	if c.Leeway != "" {
		parts = append(parts, "leeway "+c.Leeway)
	}
	return strings.Join(parts, ", ")
}

// shortSymbol drops a symbol's import path but for its last element:
// "github.com/golang-jwt/jwt/v5.Parse" is "jwt/v5.Parse".
func shortSymbol(sym string) string {
	prefix, rest := "", sym
	if strings.HasPrefix(rest, "(") {
		prefix, rest = "(", rest[1:]
		if strings.HasPrefix(rest, "*") {
			prefix, rest = "(*", rest[1:]
		}
	}
	dot := strings.Index(rest[strings.LastIndex(rest, "/")+1:], ".")
	if dot < 0 {
		return sym
	}
	path := rest[:strings.LastIndex(rest, "/")+1+dot]
	if i := strings.LastIndex(path, "/"); i >= 0 {
		// Keep a major version suffix with the name before it.
		if j := strings.LastIndex(path[:i], "/"); j >= 0 && isMajor(path[i+1:]) {
			i = j
		}
		rest = rest[i+1:]
	}
	return prefix + rest
}

func isMajor(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
