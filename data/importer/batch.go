package importer

import (
	"context"

	"malbild/analytics"
)

// Batch is one committed import (analytics records it).
type Batch = analytics.ImportBatch

// History lists the newest imports first, at most limit of them (all when
// limit <= 0).
func History(ctx context.Context, s *analytics.Store, limit int) ([]Batch, error) {
	return analytics.ImportBatches(ctx, s, limit)
}
