package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jwtssot/jwtssot/internal/rules"
)

// The HTML report's charts are inline SVG whose geometry is computed here,
// so that the template only places elements: no script draws anything.

// chartTopN is how many packages the by-package chart shows before it
// sums the rest as "other".
const chartTopN = 10

// A barChart is a horizontal bar chart: a label, a bar and a count a row.
type barChart struct {
	Width, Height int
	LabelX        int // right edge of the labels
	BarX          int // left edge of the bars
	Bars          []bar
}

type bar struct {
	Label  string // as shown, shortened if need be
	Title  string // tooltip: the full label and the count
	Class  string // color class: r-<rule>, pkg or other
	Href   string // the rule's docs, for rule bars
	Y      int    // top of the bar
	TextY  int    // baseline of the label and the count
	W      int    // bar length
	Count  int
	CountX int
}

const (
	barRow    = 28
	barHeight = 18
)

// newBarChart lays out rows in a chart width wide (in pixels, which it is
// drawn at unless its box is narrower); labelWidth is the room for the
// labels, about 7 a character at the chart's font size.
func newBarChart(rows []Ranked, class func(string) string, href func(string) string, width, labelWidth int) *barChart {
	if len(rows) == 0 {
		return nil
	}
	c := &barChart{Width: width, Height: len(rows)*barRow + 4, LabelX: labelWidth - 8, BarX: labelWidth}
	maxCount := 1
	for _, r := range rows {
		maxCount = max(maxCount, r.Count)
	}
	room := width - labelWidth - 48 // what the longest bar may take, the count after it
	maxChars := (labelWidth - 12) / 7
	for i, r := range rows {
		w := max(2, int(math.Round(float64(r.Count)*float64(room)/float64(maxCount))))
		b := bar{
			Label: shortenLeft(r.Name, maxChars), Title: fmt.Sprintf("%s: %d", r.Name, r.Count),
			Class: class(r.Name), Y: i*barRow + 4, W: w, Count: r.Count,
		}
		if href != nil {
			b.Href = href(r.Name)
		}
		b.TextY = b.Y + barHeight - 4
		b.CountX = labelWidth + w + 6
		c.Bars = append(c.Bars, b)
	}
	return c
}

// shortenLeft keeps the end of s, which names a package best, within n
// characters.
func shortenLeft(s string, n int) string {
	if utf8.RuneCountInString(s) <= n || n < 2 {
		return s
	}
	r := []rune(s)
	return "…" + string(r[len(r)-(n-1):])
}

// ruleClass is the color class of a rule's marks.
func ruleClass(id string) string {
	if rules.Known(id) {
		return "r-" + id
	}
	return "r-other"
}

// ruleURL is the page documenting a rule.
func ruleURL(id string) string { return rules.DocsURL + "/" + id + ".md" }

// rulesChart is the violations by rule, in the rules' order.
func rulesChart(byRule map[string]int) *barChart {
	set := map[string]bool{}
	for id, n := range byRule {
		if n > 0 {
			set[id] = true
		}
	}
	var rows []Ranked
	for _, id := range orderRules(set) {
		rows = append(rows, Ranked{id, byRule[id]})
	}
	return newBarChart(rows, ruleClass, ruleURL, 440, 150)
}

// packagesChart is the violations by package: the top chartTopN, then the
// others summed.
func packagesChart(byPackage map[string]int) *barChart {
	ranked := Rank(byPackage)
	rows := ranked
	if len(ranked) > chartTopN+1 {
		rows = append([]Ranked(nil), ranked[:chartTopN]...)
		other := Ranked{Name: fmt.Sprintf("other (%d packages)", len(ranked)-chartTopN)}
		for _, r := range ranked[chartTopN:] {
			other.Count += r.Count
		}
		rows = append(rows, other)
	}
	class := func(name string) string {
		if len(ranked) > chartTopN+1 && name == rows[len(rows)-1].Name {
			return "other"
		}
		return "pkg"
	}
	return newBarChart(rows, class, nil, 660, 300)
}

// An areaChart is the burn-down: the violations of each rule stacked over
// the points of a trend, with the total as a line.
type areaChart struct {
	Width, Height          int
	Left, Right, Top, Base int // the plot's edges
	Areas                  []area
	Line                   string // the total's polyline
	Dots                   []dot
	XLabels                []xLabel
	YTicks                 []yTick
}

type area struct {
	Class  string
	Points string
	Title  string
}

type dot struct {
	X, Y  string
	Title string
}

type xLabel struct {
	X          string
	Text, Date string
	Anchor     string
}

type yTick struct {
	Y     string
	Label int
}

const (
	areaWidth  = 900
	areaHeight = 300
	maxXLabels = 8
	maxDots    = 80
)

// series is one stacked band of the burn-down: a rule, or the known
// violations that have none.
type series struct {
	name, class string
	count       func(TrendPoint) int
}

func trendSeries(t *Trend) []series {
	var ss []series
	for _, id := range t.Rules() {
		ss = append(ss, series{id, ruleClass(id), func(p TrendPoint) int { return p.ByRule[id] }})
	}
	if t.HasKnown() {
		ss = append(ss, series{"known (baseline)", "known", func(p TrendPoint) int { return p.Known }})
	}
	return ss
}

func newAreaChart(t *Trend) *areaChart {
	n := len(t.Points)
	if n == 0 {
		return nil
	}
	c := &areaChart{Width: areaWidth, Height: areaHeight, Left: 52, Right: areaWidth - 20, Top: 14, Base: areaHeight - 46}
	top := 0
	for _, p := range t.Points {
		top = max(top, p.Total)
	}
	step := niceStep(top)
	yMax := max(step, (top+step-1)/step*step)
	for v := 0; v <= yMax; v += step {
		c.YTicks = append(c.YTicks, yTick{Y: c.y(v, yMax), Label: v})
	}
	// x positions: one point spreads across the plot as a flat band.
	xs := make([]float64, n)
	for i := range xs {
		if n == 1 {
			xs[i] = float64(c.Left)
		} else {
			xs[i] = float64(c.Left) + float64(i)*float64(c.Right-c.Left)/float64(n-1)
		}
	}
	edges := xs
	if n == 1 {
		edges = []float64{float64(c.Left), float64(c.Right)}
	}
	c.stack(t, edges, yMax)
	var line []string
	for i, x := range edges {
		line = append(line, fmt.Sprintf("%.1f,%s", x, c.y(t.Points[min(i, n-1)].Total, yMax)))
	}
	c.Line = strings.Join(line, " ")
	c.marks(t, xs, yMax)
	return c
}

// stack draws one area per series, each on the ones before it, from the
// x positions of its edges (the point drawn at edge i is point i, or the
// last one).
func (c *areaChart) stack(t *Trend, edges []float64, yMax int) {
	n := len(t.Points)
	at := func(i int) int { return min(i, n-1) }
	below := make([]int, n)
	for _, s := range trendSeries(t) {
		var upper, lower []string
		sum := 0
		for i, x := range edges {
			p := t.Points[at(i)]
			upper = append(upper, fmt.Sprintf("%.1f,%s", x, c.y(below[at(i)]+s.count(p), yMax)))
			lower = append(lower, fmt.Sprintf("%.1f,%s", x, c.y(below[at(i)], yMax)))
		}
		for i := range n {
			v := s.count(t.Points[i])
			below[i] += v
			sum += v
		}
		if sum == 0 {
			continue
		}
		slices.Reverse(lower)
		last := t.Points[n-1]
		c.Areas = append(c.Areas, area{
			Class:  s.class,
			Points: strings.Join(append(upper, lower...), " "),
			Title:  fmt.Sprintf("%s: %d at %s", s.name, s.count(last), last.Label),
		})
	}
}

// marks adds the points' dots, when there are few enough, and the x axis's
// labels, at most maxXLabels, the last point's always.
func (c *areaChart) marks(t *Trend, xs []float64, yMax int) {
	n := len(t.Points)
	if n <= maxDots {
		for i, p := range t.Points {
			x := xs[i]
			if n == 1 {
				x = float64(c.Left+c.Right) / 2
			}
			c.Dots = append(c.Dots, dot{X: fmt.Sprintf("%.1f", x), Y: c.y(p.Total, yMax), Title: pointTitle(p)})
		}
	}
	every := (n + maxXLabels - 1) / maxXLabels
	for i := 0; i < n; i += every {
		if n > 1 && i != n-1 && n-1-i < every {
			continue // the last label is drawn; do not crowd it
		}
		c.XLabels = append(c.XLabels, c.xLabel(xs[i], t.Points[i], n))
	}
	if (n-1)%every != 0 {
		c.XLabels = append(c.XLabels, c.xLabel(xs[n-1], t.Points[n-1], n))
	}
}

func (c *areaChart) y(v, yMax int) string {
	return fmt.Sprintf("%.1f", float64(c.Base)-float64(v)*float64(c.Base-c.Top)/float64(yMax))
}

func (c *areaChart) xLabel(x float64, p TrendPoint, n int) xLabel {
	l := xLabel{X: fmt.Sprintf("%.1f", x), Text: shortenLeft(p.Label, 16), Anchor: "middle"}
	if len(p.Date) >= len("2006-01-02") {
		l.Date = p.Date[:len("2006-01-02")]
	}
	switch {
	case n == 1:
		l.X = fmt.Sprintf("%.1f", float64(c.Left+c.Right)/2)
	case x <= float64(c.Left):
		l.Anchor = "start"
	case x >= float64(c.Right):
		l.Anchor = "end"
	}
	return l
}

// pointTitle is a point's tooltip: its label, total and counts by rule.
func pointTitle(p TrendPoint) string {
	var b strings.Builder
	b.WriteString(p.Label)
	if p.Date != "" && len(p.Date) >= 10 {
		b.WriteString(" (" + p.Date[:10] + ")")
	}
	fmt.Fprintf(&b, ": %d violations", p.Total)
	set := map[string]bool{}
	for id := range p.ByRule {
		set[id] = true
	}
	var parts []string
	for _, id := range orderRules(set) {
		if p.ByRule[id] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", id, p.ByRule[id]))
		}
	}
	if p.Known > 0 {
		parts = append(parts, fmt.Sprintf("known %d", p.Known))
	}
	if len(parts) > 0 {
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	if p.Subject != "" {
		b.WriteString(" — " + p.Subject)
	}
	return b.String()
}

// niceStep is a round tick step that divides 0..top into at most five
// intervals: 1, 2 or 5 times a power of ten.
func niceStep(top int) int {
	if top <= 5 {
		return 1
	}
	raw := float64(top) / 5
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*pow >= raw {
			return int(m * pow)
		}
	}
	return int(10 * pow)
}
