package main

import "strings"

// cache writes cache.go: an LRU cache with expiry in front of a Repository.
func (p *pkg) cache() string {
	return p.r(`package XPKGX

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// CachedRepository keeps the most recently read XENTX records of a
// Repository in memory for a while.
type CachedRepository struct {
	next Repository
	ttl  time.Duration
	max  int

	mu      sync.Mutex
	order   *list.List
	entries map[string]*list.Element
	hits    int64
	misses  int64
}

type cacheEntry struct {
	key     string
	x       *XENTX
	expires time.Time
}

var _ Repository = (*CachedRepository)(nil)

// NewCachedRepository caches up to max records of next for ttl.
func NewCachedRepository(next Repository, max int, ttl time.Duration) *CachedRepository {
	if max <= 0 {
		max = 1024
	}
	return &CachedRepository{next: next, ttl: ttl, max: max, order: list.New(), entries: map[string]*list.Element{}}
}

func (c *CachedRepository) lookup(key string, now time.Time) (*XENTX, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		c.misses++
		return nil, false
	}
	e := el.Value.(*cacheEntry)
	if now.After(e.expires) {
		c.order.Remove(el)
		delete(c.entries, key)
		c.misses++
		return nil, false
	}
	c.order.MoveToFront(el)
	c.hits++
	return e.x.Clone(), true
}

func (c *CachedRepository) store(x *XENTX, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := x.Key()
	if el, ok := c.entries[key]; ok {
		e := el.Value.(*cacheEntry)
		e.x, e.expires = x.Clone(), now.Add(c.ttl)
		c.order.MoveToFront(el)
		return
	}
	c.entries[key] = c.order.PushFront(&cacheEntry{key: key, x: x.Clone(), expires: now.Add(c.ttl)})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cacheEntry).key)
	}
}

func (c *CachedRepository) forget(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.order.Remove(el)
		delete(c.entries, key)
	}
}

// Get implements Repository.
func (c *CachedRepository) Get(ctx context.Context, tenant, id int64) (*XENTX, error) {
	now := time.Now()
	if x, ok := c.lookup(memKey(tenant, id), now); ok {
		return x, nil
	}
	x, err := c.next.Get(ctx, tenant, id)
	if err != nil {
		return nil, err
	}
	c.store(x, now)
	return x, nil
}

// List implements Repository; lists are not cached.
func (c *CachedRepository) List(ctx context.Context, f Filter) ([]*XENTX, error) {
	return c.next.List(ctx, f)
}

// Put implements Repository.
func (c *CachedRepository) Put(ctx context.Context, x *XENTX) error {
	if err := c.next.Put(ctx, x); err != nil {
		c.forget(x.Key())
		return err
	}
	c.store(x, time.Now())
	return nil
}

// Delete implements Repository.
func (c *CachedRepository) Delete(ctx context.Context, tenant, id int64) error {
	c.forget(memKey(tenant, id))
	return c.next.Delete(ctx, tenant, id)
}

// HitRate is the share of reads served from memory.
func (c *CachedRepository) HitRate() float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hits+c.misses == 0 {
		return 0
	}
	return float64(c.hits) / float64(c.hits+c.misses)
}

// Sweep drops expired entries; run it from a ticker.
func (c *CachedRepository) Sweep(now time.Time) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for el := c.order.Back(); el != nil; {
		prev := el.Prev()
		if e := el.Value.(*cacheEntry); now.After(e.expires) {
			c.order.Remove(el)
			delete(c.entries, e.key)
			n++
		}
		el = prev
	}
	return n
}
`)
}

// export writes export.go: CSV export and import, and a summary.
func (p *pkg) export() string {
	var s src
	s.l(p.r(`package XPKGX

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// csvHeader is the first row of an export.`))
	header := []string{"id", "tenant_id", "status"}
	for _, f := range p.fields {
		if !needsJSON(f) {
			header = append(header, snake(f.name))
		}
	}
	header = append(header, "created_at", "updated_at")
	s.f("var csvHeader = []string{%s}", quoteList(header))
	s.l(p.r(`
// WriteCSV writes xs as CSV with a header row.
func WriteCSV(w io.Writer, xs []*XENTX) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, x := range xs {
		row := []string{
			strconv.FormatInt(x.ID, 10),
			strconv.FormatInt(x.TenantID, 10),
			x.Status,`))
	for _, f := range p.fields {
		switch f.typ {
		case "string":
			s.f("\t\t\tx.%s,", f.name)
		case "int64":
			s.f("\t\t\tstrconv.FormatInt(x.%s, 10),", f.name)
		case "float64":
			s.f("\t\t\tstrconv.FormatFloat(x.%s, 'f', -1, 64),", f.name)
		case "bool":
			s.f("\t\t\tstrconv.FormatBool(x.%s),", f.name)
		case "time.Time":
			s.f("\t\t\tx.%s.Format(time.RFC3339),", f.name)
		}
	}
	s.l(p.r(`			x.CreatedAt.Format(time.RFC3339),
			x.UpdatedAt.Format(time.RFC3339),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadCSV reads what WriteCSV wrote.
func ReadCSV(r io.Reader) ([]*XENTX, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(csvHeader)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("XPKGX: csv header: %w", err)
	}
	if strings.Join(head, ",") != strings.Join(csvHeader, ",") {
		return nil, fmt.Errorf("XPKGX: csv header %q", head)
	}
	var xs []*XENTX
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return xs, nil
		}
		if err != nil {
			return nil, err
		}
		x, err := parseRow(rec)
		if err != nil {
			return nil, fmt.Errorf("XPKGX: csv line %d: %w", line, err)
		}
		xs = append(xs, x)
	}
}

func parseRow(rec []string) (*XENTX, error) {
	var x XENTX
	var err error
	col := 0
	next := func() string { v := rec[col]; col++; return v }
	if x.ID, err = strconv.ParseInt(next(), 10, 64); err != nil {
		return nil, err
	}
	if x.TenantID, err = strconv.ParseInt(next(), 10, 64); err != nil {
		return nil, err
	}
	x.Status = next()`))
	for _, f := range p.fields {
		switch f.typ {
		case "string":
			s.f("\tx.%s = next()", f.name)
		case "int64":
			s.f("\tif x.%s, err = strconv.ParseInt(next(), 10, 64); err != nil {", f.name)
			s.f("\t\treturn nil, fmt.Errorf(\"%s: %%w\", err)", snake(f.name))
			s.l("\t}")
		case "float64":
			s.f("\tif x.%s, err = strconv.ParseFloat(next(), 64); err != nil {", f.name)
			s.f("\t\treturn nil, fmt.Errorf(\"%s: %%w\", err)", snake(f.name))
			s.l("\t}")
		case "bool":
			s.f("\tif x.%s, err = strconv.ParseBool(next()); err != nil {", f.name)
			s.f("\t\treturn nil, fmt.Errorf(\"%s: %%w\", err)", snake(f.name))
			s.l("\t}")
		case "time.Time":
			s.f("\tif x.%s, err = time.Parse(time.RFC3339, next()); err != nil {", f.name)
			s.f("\t\treturn nil, fmt.Errorf(\"%s: %%w\", err)", snake(f.name))
			s.l("\t}")
		}
	}
	s.l(p.r(`	if x.CreatedAt, err = time.Parse(time.RFC3339, next()); err != nil {
		return nil, err
	}
	if x.UpdatedAt, err = time.Parse(time.RFC3339, next()); err != nil {
		return nil, err
	}
	return &x, nil
}

// Summary describes a set of XENTX records.
type Summary struct {
	Count    int
	ByStatus map[string]int
	First    time.Time
	Last     time.Time
	Tenants  []int64
}

// Summarize computes the Summary of xs.
func Summarize(xs []*XENTX) Summary {
	s := Summary{Count: len(xs), ByStatus: map[string]int{}}
	tenants := map[int64]bool{}
	for _, x := range xs {
		s.ByStatus[x.Status]++
		if s.First.IsZero() || x.CreatedAt.Before(s.First) {
			s.First = x.CreatedAt
		}
		if x.UpdatedAt.After(s.Last) {
			s.Last = x.UpdatedAt
		}
		if !tenants[x.TenantID] {
			tenants[x.TenantID] = true
			s.Tenants = append(s.Tenants, x.TenantID)
		}
	}
	sort.Slice(s.Tenants, func(i, j int) bool { return s.Tenants[i] < s.Tenants[j] })
	return s
}

// String renders s on one line.
func (s Summary) String() string {
	statuses := make([]string, 0, len(s.ByStatus))
	for k, n := range s.ByStatus {
		statuses = append(statuses, k+"="+strconv.Itoa(n))
	}
	sort.Strings(statuses)
	return fmt.Sprintf("%d XLOWX records (%s) from %d tenants", s.Count, strings.Join(statuses, " "), len(s.Tenants))
}`))
	return s.String()
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = `"` + x + `"`
	}
	return strings.Join(q, ", ")
}

// events writes events.go: change events, a bus, and HMAC-signed webhooks
// whose signing key is not a JWT secret.
func (p *pkg) events() string {
	return p.r(`package XPKGX

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"sync"
	"time"
)

// Event is a change of a XENTX, as published to subscribers and webhooks.
type Event struct {
	Type   string          ` + "`json:\"type\"`" + `
	At     time.Time       ` + "`json:\"at\"`" + `
	Tenant int64           ` + "`json:\"tenant\"`" + `
	ID     int64           ` + "`json:\"id\"`" + `
	Data   json.RawMessage ` + "`json:\"data,omitempty\"`" + `
}

// Bus delivers events to in-process subscribers.
type Bus struct {
	mu   sync.RWMutex
	subs map[string][]chan<- Event
}

// NewBus returns an empty Bus.
func NewBus() *Bus { return &Bus{subs: map[string][]chan<- Event{}} }

// Subscribe delivers events of type typ to ch until ctx ends.
func (b *Bus) Subscribe(ctx context.Context, typ string, ch chan<- Event) {
	b.mu.Lock()
	b.subs[typ] = append(b.subs[typ], ch)
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		defer b.mu.Unlock()
		subs := b.subs[typ]
		for i, c := range subs {
			if c == ch {
				b.subs[typ] = append(subs[:i], subs[i+1:]...)
				break
			}
		}
	}()
}

// Publish sends e to the subscribers of its type without blocking.
func (b *Bus) Publish(e Event) int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	sent := 0
	for _, ch := range b.subs[e.Type] {
		select {
		case ch <- e:
			sent++
		default:
		}
	}
	return sent
}

// ChangeEvent builds the event of a change of x.
func ChangeEvent(typ string, x *XENTX) (Event, error) {
	data, err := json.Marshal(x)
	if err != nil {
		return Event{}, err
	}
	return Event{Type: "XDOMX.XLOWX." + typ, At: time.Now().UTC(), Tenant: x.TenantID, ID: x.ID, Data: data}, nil
}

// Webhook posts events to a partner URL, signed with HMAC-SHA256.
type Webhook struct {
	URL    string
	Client *http.Client
	key    []byte
}

// webhookSigningKey signs webhook payloads; it is not a JWT secret.
var webhookSigningKey = os.Getenv("WEBHOOK_SIGNING_KEY")

// NewWebhook returns a Webhook to url.
func NewWebhook(url string) *Webhook {
	return &Webhook{URL: url, Client: &http.Client{Timeout: 10 * time.Second}, key: []byte(webhookSigningKey)}
}

// Sign returns the hex HMAC of body.
func (w *Webhook) Sign(body []byte) string {
	mac := hmac.New(sha256.New, w.key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// Verify checks a signature made by Sign.
func (w *Webhook) Verify(body []byte, sig string) bool {
	want, err := hex.DecodeString(sig)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, w.key)
	mac.Write(body)
	return hmac.Equal(mac.Sum(nil), want)
}

// Deliver posts e.
func (w *Webhook) Deliver(ctx context.Context, e Event) error {
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature", w.Sign(body))
	resp, err := w.Client.Do(req)
	if err != nil {
		return fmt.Errorf("XPKGX: webhook: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("XPKGX: webhook: %s", resp.Status)
	}
	return nil
}

// queueSigningKey signs jobs on the work queue; not a JWT secret either.
const queueSigningKey = "XPKGX-queue-v1"

// JobID is the signed identifier of a background job about x.
func JobID(x *XENTX) string {
	mac := hmac.New(sha256.New, []byte(queueSigningKey))
	fmt.Fprintf(mac, "%s/%d", x.Key(), x.UpdatedAt.UnixNano())
	return hex.EncodeToString(mac.Sum(nil))[:24]
}
`)
}
