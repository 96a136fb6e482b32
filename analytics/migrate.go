package analytics

import "embed"

// The schema is the numbered SQL files of migrations/; the store applies
// them (store.Migrate), in order, each once.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS
