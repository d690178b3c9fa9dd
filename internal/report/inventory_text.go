package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/jwtssot/jwtssot/internal/visible"
)

// writeInventoryText writes the inventory for a terminal: each
// implementation with its sites and settings, then the differences, then
// one line on the violations the scan found.
func writeInventoryText(w io.Writer, r *Report, opts Options) error {
	bw := bufio.NewWriter(w)
	p := newPalette(opts.Color)
	inv := r.Inventory
	if inv == nil {
		inv = NewInventory(nil)
	}
	auth := 0
	for _, impl := range inv.Implementations {
		if impl.InAuth {
			auth++
		}
	}
	fmt.Fprintf(bw, "JWT inventory: %s in %s (%d in the auth packages, %d outside)\n",
		plural(len(inv.Sites), "operation"), plural(len(inv.Implementations), "implementation"),
		auth, len(inv.Implementations)-auth)
	for _, impl := range inv.Implementations {
		where := "outside the SSOT"
		if impl.InAuth {
			where = "auth"
		}
		fn := impl.Function
		if fn == "" {
			fn = "(package level)"
		}
		fmt.Fprintf(bw, "\n%s %s\n", p.bold.Sprint(visible.Text(impl.Package+" "+fn)), p.faint.Sprintf("(%s)", where))
		for _, i := range impl.Sites {
			s := inv.Sites[i]
			key := string(s.KeySource)
			if s.KeyDetail != "" {
				key += " " + s.KeyDetail
			}
			fmt.Fprintf(bw, "  %s:%d:%d  %-7s %s  key: %s\n", visible.Text(s.File), s.Line, s.Column, s.Op, visible.Text(s.Symbol), visible.Text(key))
		}
		for _, k := range settingOrder {
			if v, ok := impl.Settings[k]; ok {
				fmt.Fprintf(bw, "    %-19s %s\n", visible.Text(k), visible.Text(v))
			}
		}
	}
	if len(inv.Differences) == 0 {
		fmt.Fprintln(bw, "\nThe implementations agree on every setting.")
	} else {
		fmt.Fprintf(bw, "\nThe implementations differ on %s (the same token is accepted by one and rejected by another):\n",
			plural(len(inv.Differences), "setting"))
		for _, d := range inv.Differences {
			fmt.Fprintf(bw, "  %s\n", p.bold.Sprint(visible.Text(d.Setting)))
			for _, v := range d.Values {
				fmt.Fprintf(bw, "    %-40s %-28s %s:%d\n", visible.Text(implName(v.Package, v.Function)), visible.Text(v.Value), visible.Text(v.File), v.Line)
			}
		}
	}
	noun := "JWT violations outside the SSOT"
	if r.Baseline != nil {
		noun = "new " + noun
	}
	fmt.Fprintf(bw, "\njwtssot: %d %s; run without -inventory to list them\n", r.Summary.Total, noun)
	return bw.Flush()
}

// implName names an implementation by its package's last element and its
// function, as a reader finds it: "orders.userFromRequest".
func implName(pkg, fn string) string {
	short := pkg[strings.LastIndex(pkg, "/")+1:]
	if fn == "" {
		return short + " (package level)"
	}
	return short + "." + fn
}
