// Package gorm is a stub of gorm.io/gorm.
package gorm

type DB struct{ Error error }

func (db *DB) Where(query any, args ...any) *DB { return db }
func (db *DB) First(dest any, conds ...any) *DB { return db }
