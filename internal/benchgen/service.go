package main

// service writes service.go: the repository interface, the service with its
// rules, and an in-memory repository.
func (p *pkg) service() string {
	var s src
	s.l(p.r(`package XPKGX

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"XMODX/internal/platform/logx"
)

// Repository stores XENTX records.
type Repository interface {
	Get(ctx context.Context, tenant, id int64) (*XENTX, error)
	List(ctx context.Context, f Filter) ([]*XENTX, error)
	Put(ctx context.Context, x *XENTX) error
	Delete(ctx context.Context, tenant, id int64) error
}

// Service applies the XDOMX rules to XENTX records.
type Service struct {
	repo Repository
	log  *slog.Logger
	now  func() time.Time

	mu     sync.Mutex
	nextID int64
	hooks  []func(context.Context, *XENTX)
}

// NewService returns a Service over repo, or over memory if repo is nil.
func NewService(repo Repository) *Service {
	if repo == nil {
		repo = NewMemRepository()
	}
	return &Service{repo: repo, log: logx.For("XDIRX"), now: time.Now}
}

// OnChange registers fn to run after every change.
func (s *Service) OnChange(fn func(context.Context, *XENTX)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hooks = append(s.hooks, fn)
}

func (s *Service) changed(ctx context.Context, x *XENTX) {
	s.mu.Lock()
	hooks := make([]func(context.Context, *XENTX), len(s.hooks))
	copy(hooks, s.hooks)
	s.mu.Unlock()
	for _, fn := range hooks {
		fn(ctx, x)
	}
}

// Create validates and stores a new XENTX.
func (s *Service) Create(ctx context.Context, x *XENTX) (*XENTX, error) {
	if x.Status == "" {
		x.Status = StatusDraft
	}
	if err := x.Validate(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.nextID++
	if x.ID == 0 {
		x.ID = s.nextID
	}
	s.mu.Unlock()
	x.Touch(s.now())
	if err := s.repo.Put(ctx, x); err != nil {
		return nil, fmt.Errorf("XPKGX: create %s: %w", x.Key(), err)
	}
	s.log.InfoContext(ctx, "XLOWX created", "key", x.Key(), "status", x.Status)
	s.changed(ctx, x)
	return x, nil
}

// Get returns one XENTX.
func (s *Service) Get(ctx context.Context, tenant, id int64) (*XENTX, error) {
	if tenant <= 0 || id <= 0 {
		return nil, ErrNotFound
	}
	x, err := s.repo.Get(ctx, tenant, id)
	if err != nil {
		return nil, fmt.Errorf("XPKGX: get %d/%d: %w", tenant, id, err)
	}
	return x, nil
}

// List returns the records f selects, the most recently updated first.
func (s *Service) List(ctx context.Context, f Filter) ([]*XENTX, error) {
	switch {
	case f.Limit <= 0:
		f.Limit = 50
	case f.Limit > 500:
		f.Limit = 500
	}
	xs, err := s.repo.List(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("XPKGX: list: %w", err)
	}
	SortByUpdated(xs)
	return xs, nil
}

// Update replaces a XENTX, failing with ErrConflict when it changed since
// the caller read it.
func (s *Service) Update(ctx context.Context, x *XENTX) (*XENTX, error) {
	if err := x.Validate(); err != nil {
		return nil, err
	}
	cur, err := s.repo.Get(ctx, x.TenantID, x.ID)
	if err != nil {
		return nil, fmt.Errorf("XPKGX: update %s: %w", x.Key(), err)
	}
	if cur.UpdatedAt.After(x.UpdatedAt) {
		return nil, ErrConflict
	}
	if cur.Status != x.Status && !canTransition(cur.Status, x.Status) {
		return nil, fmt.Errorf("%w: %s -> %s", ErrInvalid, cur.Status, x.Status)
	}
	x.CreatedAt = cur.CreatedAt
	x.Touch(s.now())
	if err := s.repo.Put(ctx, x); err != nil {
		return nil, fmt.Errorf("XPKGX: update %s: %w", x.Key(), err)
	}
	s.changed(ctx, x)
	return x, nil
}

// Archive moves a XENTX to StatusArchived.
func (s *Service) Archive(ctx context.Context, tenant, id int64) error {
	x, err := s.Get(ctx, tenant, id)
	if err != nil {
		return err
	}
	if x.Status == StatusArchived {
		return nil
	}
	x.Status = StatusArchived
	_, err = s.Update(ctx, x)
	return err
}

// Delete removes a XENTX.
func (s *Service) Delete(ctx context.Context, tenant, id int64) error {
	if err := s.repo.Delete(ctx, tenant, id); err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("XPKGX: delete %d/%d: %w", tenant, id, err)
	}
	s.log.InfoContext(ctx, "XLOWX deleted", "tenant", tenant, "id", id)
	return nil
}

// Stats counts a tenant's records by status.
func (s *Service) Stats(ctx context.Context, tenant int64) (map[string]int, error) {
	xs, err := s.repo.List(ctx, Filter{TenantID: tenant})
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for status, group := range Partition(xs) {
		out[status] = len(group)
	}
	return out, nil
}

var transitions = map[string][]string{
	StatusDraft:  {StatusActive, StatusArchived},
	StatusActive: {StatusArchived},
}

func canTransition(from, to string) bool {
	for _, t := range transitions[from] {
		if t == to {
			return true
		}
	}
	return false
}

// MemRepository is an in-memory Repository, for tests and local runs.
type MemRepository struct {
	mu    sync.RWMutex
	items map[string]*XENTX
}

// NewMemRepository returns an empty MemRepository.
func NewMemRepository() *MemRepository {
	return &MemRepository{items: map[string]*XENTX{}}
}

func memKey(tenant, id int64) string { return fmt.Sprintf("%d/%d", tenant, id) }

// Get implements Repository.
func (m *MemRepository) Get(ctx context.Context, tenant, id int64) (*XENTX, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	x, ok := m.items[memKey(tenant, id)]
	if !ok {
		return nil, ErrNotFound
	}
	return x.Clone(), nil
}

// List implements Repository.
func (m *MemRepository) List(ctx context.Context, f Filter) ([]*XENTX, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	keys := make([]string, 0, len(m.items))
	for k, x := range m.items {
		if x.Matches(f) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	xs := make([]*XENTX, 0, len(keys))
	for _, k := range keys {
		xs = append(xs, m.items[k].Clone())
	}
	m.mu.RUnlock()
	return Page(xs, f), nil
}

// Put implements Repository.
func (m *MemRepository) Put(ctx context.Context, x *XENTX) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items[x.Key()] = x.Clone()
	return nil
}

// Delete implements Repository.
func (m *MemRepository) Delete(ctx context.Context, tenant, id int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	k := memKey(tenant, id)
	if _, ok := m.items[k]; !ok {
		return ErrNotFound
	}
	delete(m.items, k)
	return nil
}

// Search returns the records whose description contains every word of q.
func (m *MemRepository) Search(tenant int64, q string) []*XENTX {
	words := strings.Fields(strings.ToLower(q))
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []*XENTX
	for _, x := range m.items {
		if x.TenantID != tenant {
			continue
		}
		text := strings.ToLower(Describe(x))
		match := true
		for _, w := range words {
			if !strings.Contains(text, w) {
				match = false
				break
			}
		}
		if match {
			out = append(out, x.Clone())
		}
	}
	SortByUpdated(out)
	return out
}`))
	return s.String()
}
