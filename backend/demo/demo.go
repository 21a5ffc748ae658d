// Package demo loads the example of seed 000 (易客CRM销售漏斗): three
// opportunities whose funnel totals 3, ¥90,000.00 and expected ¥50,000.00.
package demo

import (
	"context"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
)

type row struct {
	name, customer, stage, amountYuan string
	amountCents                       int64
	probabilityBP                     int // -1: the stage's default
}

var rows = []row{
	{"购买五十用户", "大商股份(TEST)", "初期沟通", "40000", 4000000, -1},
	{"购买", "喜多多贸易", "商务谈判", "10000", 1000000, 6000},
	{"购买五十用户", "上海医药(FGH DT)", "谈成结束", "40000", 4000000, -1},
}

// Owner is the salesperson the example belongs to, as in the seed.
const Owner = "admin"

// CloseDate is the expected close date the seed shows.
const CloseDate = "2008-01-03"

// Load writes the example into an empty database in one transaction.
func Load(ctx context.Context, st *store.Store) error {
	return st.Tx(ctx, func(tx store.Tx) error {
		empty, err := store.IsEmpty(ctx, tx)
		if err != nil {
			return err
		}
		if !empty {
			return apperr.Conflict("", msg.DemoNotEmpty)
		}
		ownerID, err := owner.EnsureByName(ctx, tx, Owner)
		if err != nil {
			return err
		}
		for _, r := range rows {
			st, err := store.StageByName(ctx, tx, r.stage)
			if err != nil {
				return apperr.Conflict("stage", msg.DemoNeedsStage, msg.P{"name": r.stage})
			}
			cid, err := store.InsertCustomer(ctx, tx, store.Customer{Name: r.customer, Classification: "潜在客户", OwnerID: &ownerID})
			if err != nil {
				return err
			}
			bp := r.probabilityBP
			if bp < 0 {
				bp = st.ProbabilityBP
			}
			switch st.Kind {
			case store.KindWon:
				bp = 10000
			case store.KindLost:
				bp = 0
			}
			id, err := store.InsertOpportunity(ctx, tx, store.Opportunity{Name: r.name, CustomerID: cid, OwnerID: ownerID,
				AmountCents: r.amountCents, ExpectedClose: CloseDate, StageID: st.ID, ProbabilityBP: bp})
			if err != nil {
				return err
			}
			if err := store.InsertStageChange(ctx, tx, id, nil, st.ID); err != nil {
				return err
			}
		}
		return nil
	})
}
