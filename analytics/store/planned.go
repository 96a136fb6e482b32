package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Why a few connections of their own, each keeping its statements prepared:
// DuckDB plans a statement (binds, optimises, builds the operators) every
// time it runs one with its values in the text or with a parameter that
// reaches a table macro, and for the metric and budget queries (40–200
// operators on a few hundred rows) planning is most of the time: EXPLAIN alone
// of the budget takes as long as running it. A statement prepared without
// parameters keeps its plan. So the statements read their arguments from a
// one-row temporary table of their connection, written just before each run:
// the plan is made once per connection and statement, and only the values
// change. DuckDB binds a kept statement again by itself when a table it reads
// has changed shape; that a kept plan stays right when only the rows change
// is why the database plans without statistics (settings.go, withDefaults).

// maxPlannedConns is how many statements run with kept plans at once: one
// per core, two to four; more wait for a connection. DuckDB runs each on one
// thread (settings.go), so more side by side than cores only take turns, and
// every connection holds its plans and buffers: measured at 20 000 members
// on the 2-core machine, the server's resident memory after 40 overviews was
// 295 MB with 2 connections, 358 with 4 and 398 with 8, for the same time
// per view.
var maxPlannedConns = min(max(runtime.NumCPU(), 2), 4)

// Planned runs named statements with kept plans. Its argument table has one
// VARCHAR column per argument name (read it as
// (SELECT "name" FROM query_args), in a CAST to the type meant).
type Planned struct {
	s       *Store
	columns []string
	setArgs string
	// slots holds a token per run in progress, at most maxPlannedConns;
	// idle holds the open connections no run is using.
	slots  chan struct{}
	mu     sync.Mutex
	idle   []*plannedConn
	closed bool
}

// plannedConn is a connection with its argument table and kept statements.
type plannedConn struct {
	conn  *sql.Conn
	stmts map[string]*sql.Stmt
	// setArgs is the UPDATE of the argument table, prepared with it; args
	// are the values it holds: a run with the same arguments as the one
	// before on the connection (the overview's metrics on one day) writes
	// none.
	setArgs *sql.Stmt
	args    []*string
}

// PlannedArgsTable is the temporary table a planned statement reads its
// arguments from.
const PlannedArgsTable = "query_args"

// NewPlanned makes a Planned whose statements take arguments of the names in
// columns. Its connections close with the store.
func (s *Store) NewPlanned(columns []string) *Planned {
	quoted := make([]string, len(columns))
	for i, c := range columns {
		quoted[i] = quoteIdent(c) + " = ?"
	}
	p := &Planned{s: s, columns: columns, slots: make(chan struct{}, maxPlannedConns),
		setArgs: "UPDATE " + PlannedArgsTable + " SET " + strings.Join(quoted, ", ")}
	s.OnClose(p.close)
	return p
}

// Query runs the statement text, known by name (the same text every time),
// with args (a value per column, nil for NULL), and calls each with the rows
// before they close.
func (p *Planned) Query(ctx context.Context, name, text string, args []*string, each func(*Rows) error) error {
	if len(args) != len(p.columns) {
		return fmt.Errorf("planned %s: %d arguments for %d columns", name, len(args), len(p.columns))
	}
	pc, err := p.take(ctx, name)
	if err != nil {
		return err
	}
	err = pc.query(ctx, name, text, args, each)
	p.give(pc, err == nil)
	return err
}

// query writes args unless the table holds them already, then runs the
// statement. A run that fails closes the connection (give), so pc.args
// never outlives an UPDATE that did not finish.
func (pc *plannedConn) query(ctx context.Context, name, text string, args []*string, each func(*Rows) error) error {
	if !slices.EqualFunc(args, pc.args, sameArg) {
		values := make([]any, len(args))
		held := make([]*string, len(args)) // copies: the caller's may change
		for i, a := range args {
			if a != nil {
				v := *a
				values[i], held[i] = v, &v
			}
		}
		if _, err := pc.setArgs.ExecContext(ctx, values...); err != nil {
			return err
		}
		pc.args = held
	}
	stmt := pc.stmts[name]
	if stmt == nil {
		var err error
		if stmt, err = pc.conn.PrepareContext(ctx, text); err != nil {
			return err
		}
		pc.stmts[name] = stmt
	}
	rows, err := stmt.QueryContext(ctx)
	return eachRows(rows, err, each)
}

// take waits for a slot, then gives an idle connection, one that has the
// statement prepared if there is one (so that a statement is planned on as
// few connections as run it side by side), or opens one.
func (p *Planned) take(ctx context.Context, name string) (*plannedConn, error) {
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		<-p.slots
		return nil, sql.ErrConnDone
	}
	if n := len(p.idle); n > 0 {
		i := n - 1
		for j, pc := range p.idle {
			if pc.stmts[name] != nil {
				i = j
				break
			}
		}
		pc := p.idle[i]
		p.idle = slices.Delete(p.idle, i, i+1)
		p.mu.Unlock()
		return pc, nil
	}
	p.mu.Unlock()
	pc, err := p.dial(ctx)
	if err != nil {
		<-p.slots
	}
	return pc, err
}

func (p *Planned) dial(ctx context.Context) (*plannedConn, error) {
	conn, err := p.s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	cols := make([]string, len(p.columns))
	nulls := make([]string, len(p.columns))
	for i, c := range p.columns {
		cols[i], nulls[i] = quoteIdent(c)+" VARCHAR", "NULL"
	}
	for _, q := range []string{
		"CREATE OR REPLACE TEMP TABLE " + PlannedArgsTable + " (" + strings.Join(cols, ", ") + ")",
		"INSERT INTO " + PlannedArgsTable + " VALUES (" + strings.Join(nulls, ", ") + ")",
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			discard(conn)
			return nil, err
		}
	}
	setArgs, err := conn.PrepareContext(ctx, p.setArgs)
	if err != nil {
		discard(conn)
		return nil, err
	}
	// The table holds a NULL per column, as args of all nil say.
	return &plannedConn{conn: conn, stmts: map[string]*sql.Stmt{}, setArgs: setArgs, args: make([]*string, len(p.columns))}, nil
}

// sameArg says two arguments are the same value, or both NULL.
func sameArg(a, b *string) bool { return a == b || a != nil && b != nil && *a == *b }

// give returns a connection after a run and frees its slot; one whose run
// failed (cancelled, or in a state not known) is closed, and a later run
// opens a fresh one.
func (p *Planned) give(pc *plannedConn, ok bool) {
	p.mu.Lock()
	keep := ok && !p.closed
	if keep {
		p.idle = append(p.idle, pc)
	}
	p.mu.Unlock()
	if !keep {
		pc.close()
	}
	<-p.slots
}

// close closes the connection itself, not back into database/sql's pool,
// where it would keep its argument table and plans.
func (pc *plannedConn) close() {
	for _, st := range pc.stmts {
		st.Close()
	}
	pc.setArgs.Close()
	discard(pc.conn)
}

// discard closes a connection for good: database/sql closes one whose Raw
// callback says it is bad, instead of keeping it for the next caller.
func discard(conn *sql.Conn) {
	conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}

// close closes the idle connections; those in use close when given back
// (the store's Close waits for the queries in flight).
func (p *Planned) close() {
	p.mu.Lock()
	p.closed = true
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, pc := range idle {
		pc.close()
	}
}
