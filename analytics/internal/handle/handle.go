// Package handle lets the packages under analytics (accounts, which keeps
// its own tables, and analyticstest, the tests' door to raw SQL) reach the
// store.Store of an *analytics.Store, while every package outside
// analytics/ cannot: Go lets only packages under analytics import an
// internal package of it. The *sql.DB itself stays inside package store.
package handle

import "malbild/analytics/store"

// Of is the store of owner (an *analytics.Store), nil for anything else.
// Package analytics sets it when it loads.
var Of func(owner any) *store.Store
