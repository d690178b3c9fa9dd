package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/jwtssot/jwtssot/internal/jwtop"
)

// Settings an implementation is compared on, in the order the inventory
// lists them. Each is security-relevant: two implementations that differ on
// one accept different tokens.
const (
	SettingSignature  = "signature"          // verified, or not verified (decode)
	SettingAlgorithms = "algorithms"         // the algorithms a parse accepts
	SettingClaims     = "claims"             // validated, or skipped
	SettingExpiration = "expiration"         // required, or the library's default
	SettingAudience   = "audience"           // the audience required, or none
	SettingIssuer     = "issuer"             // the issuer required, or none
	SettingLeeway     = "leeway"             // the clock skew allowed
	SettingSigning    = "signing algorithms" // the algorithms a sign uses
)

// settingOrder lists the settings as the inventory shows them.
var settingOrder = []string{
	SettingSignature, SettingAlgorithms, SettingClaims, SettingExpiration,
	SettingAudience, SettingIssuer, SettingLeeway, SettingSigning,
}

// Values a setting takes when the code says nothing more precise.
const (
	AnyAlgorithm       = "any the key fits"
	RestrictedUnknown  = "restricted (not known statically)"
	LibraryDefault     = "library default"
	NotChecked         = "not checked"
	NoLeeway           = "none"
	UnknownAlgorithm   = "not known statically"
	SignatureVerified  = "verified"
	SignatureUnchecked = "not verified"
)

// NewInventory sorts and deduplicates the sites (a file can be in more than
// one package variant), groups them by enclosing function into
// implementations with their settings, and names the settings on which the
// implementations differ.
func NewInventory(sites []Site) *Inventory {
	sites = append([]Site{}, sites...)
	slices.SortFunc(sites, func(a, b Site) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Op, b.Op))
	})
	sites = slices.CompactFunc(sites, func(a, b Site) bool {
		return a.File == b.File && a.Line == b.Line && a.Column == b.Column && a.Op == b.Op
	})
	for i := range sites {
		if sites[i].Algorithms == nil {
			sites[i].Algorithms = []string{}
		}
	}
	inv := &Inventory{Version: InventoryVersion, Sites: sites, Implementations: []Implementation{}, Differences: []Difference{}}

	type key struct{ pkg, fn string }
	index := map[key]int{}
	for i, s := range sites {
		k := key{s.Package, s.Function}
		j, ok := index[k]
		if !ok {
			j = len(inv.Implementations)
			index[k] = j
			inv.Implementations = append(inv.Implementations, Implementation{Package: s.Package, Function: s.Function, InAuth: s.InAuth})
		}
		inv.Implementations[j].Sites = append(inv.Implementations[j].Sites, i)
	}
	slices.SortFunc(inv.Implementations, func(a, b Implementation) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.Function, b.Function))
	})
	for i := range inv.Implementations {
		inv.Implementations[i].Settings = settings(inv.Implementations[i], sites)
	}
	inv.Differences = differences(inv)
	return inv
}

// siteSettings are the settings one site says something about: a parse or
// verify its acceptance, a decode that it verifies nothing, a sign its
// algorithm; a keyfunc builder none.
func siteSettings(s Site) map[string]string {
	switch s.Op {
	case jwtop.Sign:
		alg := UnknownAlgorithm
		if len(s.Algorithms) > 0 {
			alg = strings.Join(s.Algorithms, ", ")
		}
		return map[string]string{SettingSigning: alg}
	case jwtop.Decode:
		return map[string]string{SettingSignature: SignatureUnchecked}
	case jwtop.Parse, jwtop.Verify:
	default:
		return nil
	}
	m := map[string]string{SettingSignature: SignatureVerified}
	switch {
	case s.AnyAlgorithm:
		m[SettingAlgorithms] = AnyAlgorithm
	case !s.AlgorithmsRestricted:
		m[SettingAlgorithms] = LibraryDefault
	case len(s.Algorithms) == 0:
		m[SettingAlgorithms] = RestrictedUnknown
	default:
		m[SettingAlgorithms] = strings.Join(s.Algorithms, ", ")
	}
	if s.Op == jwtop.Verify {
		// A signature check alone: no claim is looked at.
		m[SettingClaims] = "not checked (signature only)"
		return m
	}
	c := s.Claims
	m[SettingClaims] = "validated"
	m[SettingExpiration] = LibraryDefault
	if c.ExpirationRequired {
		m[SettingExpiration] = "required"
	}
	if c.Skipped {
		m[SettingClaims] = "skipped"
		m[SettingExpiration] = NotChecked
	}
	m[SettingAudience] = cmp.Or(c.Audience, NotChecked)
	m[SettingIssuer] = cmp.Or(c.Issuer, NotChecked)
	m[SettingLeeway] = cmp.Or(c.Leeway, NoLeeway)
	return m
}

// settings merges the settings of an implementation's sites; two sites of
// one function that disagree show both values.
func settings(impl Implementation, sites []Site) map[string]string {
	values := map[string][]string{}
	for _, i := range impl.Sites {
		for k, v := range siteSettings(sites[i]) {
			if !slices.Contains(values[k], v) {
				values[k] = append(values[k], v)
			}
		}
	}
	out := map[string]string{}
	for k, vs := range values {
		slices.Sort(vs)
		out[k] = strings.Join(vs, " | ")
	}
	return out
}

// differences lists, for each setting, the implementations' values when
// they are not all the same.
func differences(inv *Inventory) []Difference {
	out := []Difference{}
	for _, setting := range settingOrder {
		var d Difference
		distinct := map[string]bool{}
		for _, impl := range inv.Implementations {
			v, ok := impl.Settings[setting]
			if !ok {
				continue
			}
			distinct[v] = true
			first := inv.Sites[impl.Sites[0]]
			for _, i := range impl.Sites {
				if _, says := siteSettings(inv.Sites[i])[setting]; says {
					first = inv.Sites[i]
					break
				}
			}
			d.Values = append(d.Values, DifferenceValue{
				Package: impl.Package, Function: impl.Function, Value: v, File: first.File, Line: first.Line,
			})
		}
		if len(distinct) > 1 {
			d.Setting = setting
			out = append(out, d)
		}
	}
	return out
}
