package store

import "database/sql"

// The types the domain runs SQL with are database/sql's own, named here so
// that only this package imports database/sql: an alias is the same type, so
// a callback written with *sql.Tx (the importer's, until its SQL moves into
// analytics) fits Read and Write as well as one written with *store.Tx.
type (
	Tx         = sql.Tx
	Rows       = sql.Rows
	Row        = sql.Row
	Stmt       = sql.Stmt
	Result     = sql.Result
	NullString = sql.NullString
	NullTime   = sql.NullTime
	NullInt64  = sql.NullInt64
	NullInt32  = sql.NullInt32
	NullBool   = sql.NullBool
)

// Null is a value that may be NULL (sql.Null).
type Null[T any] = sql.Null[T]

// ErrNoRows is what Row.Scan returns when the query found no row.
var ErrNoRows = sql.ErrNoRows
