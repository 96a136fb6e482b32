// Package handle lets analyticstest reach the database handle of a store
// for raw SQL fixtures, while every package outside analytics/ cannot: Go
// lets only packages under analytics import an internal package of it.
package handle

import (
	"database/sql"
	"sync"
)

var handles sync.Map // store pointer → *sql.DB

// Register records db as the handle of owner (a *analytics.Store).
func Register(owner any, db *sql.DB) { handles.Store(owner, db) }

// Forget drops the handle of owner, when it closes.
func Forget(owner any) { handles.Delete(owner) }

// Of is the handle of owner, nil when it has none (closed, or not opened by
// analytics.Open).
func Of(owner any) *sql.DB {
	v, _ := handles.Load(owner)
	db, _ := v.(*sql.DB)
	return db
}
