package benchgen

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// A domain groups the service packages of one business area.
type domain struct {
	name  string
	words []string // entity words: package names and type names derive from them
}

var domains = []domain{
	{"billing", []string{"invoice", "ledger", "refund", "charge", "plan", "coupon", "tax", "credit"}},
	{"orders", []string{"order", "cart", "checkout", "quote", "line", "basket", "rma", "fulfilment"}},
	{"users", []string{"user", "profile", "team", "invite", "role", "group", "member", "preference"}},
	{"catalog", []string{"product", "category", "brand", "variant", "price", "bundle", "review", "media"}},
	{"shipping", []string{"shipment", "parcel", "carrier", "route", "label", "pickup", "zone", "tracking"}},
	{"inventory", []string{"stock", "warehouse", "bin", "batch", "supplier", "transfer", "tally", "reservation"}},
	{"search", []string{"index", "query", "synonym", "facet", "ranking", "suggestion", "crawl", "document"}},
	{"notify", []string{"message", "digest", "broadcast", "template", "subscriber", "channel", "alert", "outbox"}},
	{"payments", []string{"payment", "card", "payout", "dispute", "wallet", "mandate", "settlement", "receipt"}},
	{"reports", []string{"report", "metric", "dashboard", "extract", "snapshot", "forecast", "audit", "kpi"}},
	{"accounts", []string{"account", "tenant", "org", "address", "contact", "consent", "device", "login"}},
	{"support", []string{"ticket", "agent", "macro", "sla", "survey", "article", "escalation", "backlog"}},
}

// A field of a package's entity, besides ID, TenantID, Status, CreatedAt and
// UpdatedAt, which every entity has. The templates switch on Type.
type field struct {
	Name string // Go name: "DueAt"
	Type string // Go type: "time.Time"
}

// fieldPool is what entities draw their extra fields from.
var fieldPool = []field{
	{"Name", "string"}, {"Title", "string"}, {"Description", "string"}, {"Email", "string"},
	{"Region", "string"}, {"Currency", "string"}, {"Reference", "string"}, {"Owner", "string"},
	{"Notes", "string"}, {"Priority", "int64"}, {"Quantity", "int64"}, {"Amount", "int64"},
	{"Revision", "int64"}, {"Weight", "float64"}, {"Rating", "float64"}, {"Enabled", "bool"},
	{"Verified", "bool"}, {"Tags", "[]string"}, {"Labels", "[]string"},
	{"Attributes", "map[string]string"}, {"ExpiresAt", "time.Time"}, {"DueAt", "time.Time"},
}

// Key is the field's JSON key and SQL column: "due_at".
func (f field) Key() string { return snake(f.Name) }

// JSON reports whether the store keeps the field as JSON text and the CSV
// export leaves it out: the list and map fields.
func (f field) JSON() bool { return f.Type == "[]string" || f.Type == "map[string]string" }

// Var is the variable the store scans the field's JSON text into.
func (f field) Var() string { return strings.ToLower(f.Name[:1]) + f.Name[1:] + "JSON" }

// MaxLen is the longest value Validate accepts for a string field.
func (f field) MaxLen() int { return 64 + len(f.Name)*16 }

// Limit is the largest value the batch check accepts for a number field.
func (f field) Limit() int { return 1_000_000 * (1 + len(f.Name)) }

// pickFields draws 4 to 10 fields, in pool order.
func pickFields(r *rand.Rand) []field {
	n := 4 + r.IntN(7)
	idx := r.Perm(len(fieldPool))[:n]
	chosen := make([]bool, len(fieldPool))
	for _, i := range idx {
		chosen[i] = true
	}
	var fs []field
	for i, f := range fieldPool {
		if chosen[i] {
			fs = append(fs, f)
		}
	}
	return fs
}

// snake turns a Go name into a JSON key or a column name: "DueAt" -> "due_at".
func snake(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
