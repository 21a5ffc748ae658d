package changes

import (
	"context"

	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
)

// Reconstructed is Compute by the Go reconstruction of every changed
// opportunity, the reference the SQL pass is compared with.
func Reconstructed(ctx context.Context, q store.Querier, sc reportframe.Scope) (Report, error) {
	return compute(ctx, q, sc, false, false, MaxItems)
}

// SQLPass is Compute by the one-statement SQL pass (store.ChangesBetween)
// instead of the kept marks.
func SQLPass(ctx context.Context, q store.Querier, sc reportframe.Scope) (Report, error) {
	return compute(ctx, q, sc, true, false, MaxItems)
}
