package main

import (
	"strconv"
	"strings"
)

// columns lists the SQL columns of the entity, in Scan order.
func (p *pkg) columns() []string {
	cols := []string{"id", "tenant_id", "status"}
	for _, f := range p.fields {
		cols = append(cols, snake(f.name))
	}
	return append(cols, "created_at", "updated_at")
}

// needsJSON reports whether a field is stored as JSON text.
func needsJSON(f field) bool { return f.typ == "[]string" || f.typ == "map[string]string" }

// store writes store.go: a Repository over database/sql.
func (p *pkg) store() string {
	var s src
	jsonFields := false
	for _, f := range p.fields {
		jsonFields = jsonFields || needsJSON(f)
	}
	s.l(p.r(`package XPKGX

import (
	"context"
	"database/sql"`))
	if jsonFields {
		s.l("\t\"encoding/json\"")
	}
	s.l(p.r(`	"errors"
	"fmt"
	"strings"

	"XMODX/internal/platform/db"
)
`))
	cols := p.columns()
	s.f("const tableName = %q", p.domain+"_"+p.name)
	s.f("\nconst columnList = %q", strings.Join(cols, ", "))
	s.l(p.r(`
// SQLStore is a Repository over a SQL database.
type SQLStore struct {
	conn *sql.DB
}

var _ Repository = (*SQLStore)(nil)

// NewSQLStore returns a SQLStore over conn.
func NewSQLStore(conn *sql.DB) *SQLStore { return &SQLStore{conn: conn} }

type rowScanner interface {
	Scan(dest ...any) error
}

func scanXENTX(sc rowScanner) (*XENTX, error) {
	var x XENTX`))
	for _, f := range p.fields {
		if needsJSON(f) {
			s.f("\tvar %sJSON sql.NullString", strings.ToLower(f.name[:1])+f.name[1:])
		}
	}
	s.l("\terr := sc.Scan(&x.ID, &x.TenantID, &x.Status,")
	for _, f := range p.fields {
		if needsJSON(f) {
			s.f("\t\t&%sJSON,", strings.ToLower(f.name[:1])+f.name[1:])
		} else {
			s.f("\t\t&x.%s,", f.name)
		}
	}
	s.l("\t\t&x.CreatedAt, &x.UpdatedAt)")
	s.l("\tif errors.Is(err, sql.ErrNoRows) {", "\t\treturn nil, ErrNotFound", "\t}", "\tif err != nil {", "\t\treturn nil, err", "\t}")
	for _, f := range p.fields {
		if needsJSON(f) {
			v := strings.ToLower(f.name[:1]) + f.name[1:] + "JSON"
			s.f("\tif %s.Valid && %s.String != \"\" {", v, v)
			s.f("\t\tif err := json.Unmarshal([]byte(%s.String), &x.%s); err != nil {", v, f.name)
			s.f("\t\t\treturn nil, fmt.Errorf(\"%s: %%w\", err)", snake(f.name))
			s.l("\t\t}", "\t}")
		}
	}
	s.l("\treturn &x, nil", "}")
	s.l("", p.r("func values(x *XENTX) ([]any, error) {"))
	s.l("\tvals := []any{x.ID, x.TenantID, x.Status}")
	for _, f := range p.fields {
		if needsJSON(f) {
			s.f("\tif b, err := json.Marshal(x.%s); err != nil {", f.name)
			s.f("\t\treturn nil, fmt.Errorf(\"%s: %%w\", err)", snake(f.name))
			s.l("\t} else {", "\t\tvals = append(vals, string(b))", "\t}")
		} else {
			s.f("\tvals = append(vals, x.%s)", f.name)
		}
	}
	s.l("\treturn append(vals, x.CreatedAt, x.UpdatedAt), nil", "}")
	// Upsert: every column but the key is updated.
	var set []string
	for _, c := range cols[2:] {
		set = append(set, c+" = EXCLUDED."+c)
	}
	s.f("\nconst upsertSQL = \"INSERT INTO \" + tableName + \" (\" + columnList + \") VALUES (%s) \" +", placeholders(len(cols)))
	s.f("\t\"ON CONFLICT (tenant_id, id) DO UPDATE SET %s\"", strings.Join(set, ", "))
	s.l(p.r(`
// Get implements Repository.
func (s *SQLStore) Get(ctx context.Context, tenant, id int64) (*XENTX, error) {
	row := s.conn.QueryRowContext(ctx,
		"SELECT "+columnList+" FROM "+tableName+" WHERE tenant_id = $1 AND id = $2", tenant, id)
	x, err := scanXENTX(row)
	if err != nil {
		return nil, fmt.Errorf("%s %d/%d: %w", tableName, tenant, id, err)
	}
	return x, nil
}

// List implements Repository.
func (s *SQLStore) List(ctx context.Context, f Filter) ([]*XENTX, error) {
	var q strings.Builder
	q.WriteString("SELECT " + columnList + " FROM " + tableName + " WHERE tenant_id = $1")
	args := []any{f.TenantID}
	if f.Status != "" {
		args = append(args, f.Status)
		fmt.Fprintf(&q, " AND status = $%d", len(args))
	}
	if !f.Since.IsZero() {
		args = append(args, f.Since)
		fmt.Fprintf(&q, " AND updated_at >= $%d", len(args))
	}
	q.WriteString(" ORDER BY updated_at DESC, id DESC")
	q.WriteString(db.Page{Limit: f.Limit, Offset: f.Offset}.Clause())
	rows, err := s.conn.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return nil, fmt.Errorf("%s: list: %w", tableName, err)
	}
	defer rows.Close()
	var xs []*XENTX
	for rows.Next() {
		x, err := scanXENTX(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: scan: %w", tableName, err)
		}
		xs = append(xs, x)
	}
	return xs, rows.Err()
}

// Put implements Repository.
func (s *SQLStore) Put(ctx context.Context, x *XENTX) error {
	vals, err := values(x)
	if err != nil {
		return fmt.Errorf("%s %s: %w", tableName, x.Key(), err)
	}
	return db.WithTx(ctx, s.conn, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, upsertSQL, vals...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err == nil && n == 0 {
			return ErrConflict
		}
		return nil
	})
}

// Delete implements Repository.
func (s *SQLStore) Delete(ctx context.Context, tenant, id int64) error {
	res, err := s.conn.ExecContext(ctx, "DELETE FROM "+tableName+" WHERE tenant_id = $1 AND id = $2", tenant, id)
	if err != nil {
		return fmt.Errorf("%s %d/%d: %w", tableName, tenant, id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// CountByStatus counts a tenant's rows per status.
func (s *SQLStore) CountByStatus(ctx context.Context, tenant int64) (map[string]int, error) {
	rows, err := s.conn.QueryContext(ctx,
		"SELECT status, count(*) FROM "+tableName+" WHERE tenant_id = $1 GROUP BY status", tenant)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		out[status] = n
	}
	return out, rows.Err()
}

// DeleteMany removes ids in one statement.
func (s *SQLStore) DeleteMany(ctx context.Context, tenant int64, ids []int64) (int64, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	args := make([]any, 0, len(ids)+1)
	args = append(args, tenant)
	for _, id := range ids {
		args = append(args, id)
	}
	res, err := s.conn.ExecContext(ctx,
		"DELETE FROM "+tableName+" WHERE tenant_id = $1 AND "+db.In("id", 2, len(ids)), args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}`))
	return s.String()
}

func placeholders(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(", ")
		}
		b.WriteString("$")
		b.WriteString(strconv.Itoa(i))
	}
	return b.String()
}
