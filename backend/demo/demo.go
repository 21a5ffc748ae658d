// Package demo loads the example of seed 000 (易客CRM销售漏斗): three
// opportunities whose funnel totals 3, ¥90,000.00 and expected ¥50,000.00.
package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

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
		_, ownerErr := store.OwnerByName(ctx, tx, Owner)
		ownerID, err := owner.EnsureByName(ctx, tx, Owner)
		if err != nil {
			return err
		}
		rec := Records{OwnerID: ownerID, OwnerCreated: errors.Is(ownerErr, store.ErrNotFound)}
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
			c, err := store.GetCustomer(ctx, tx, cid)
			if err != nil {
				return err
			}
			o, err := store.GetOpportunity(ctx, tx, id)
			if err != nil {
				return err
			}
			rec.Customers = append(rec.Customers, Record{ID: cid, Name: c.Name, Sum: customerSum(c)})
			rec.Opportunities = append(rec.Opportunities, Record{ID: id, Name: o.Name, Sum: opportunitySum(o)})
		}
		return saveRecords(ctx, tx, &rec)
	})
}

// recordsKey is the setting that remembers what the example loaded, so that
// exactly those records can be removed again.
const recordsKey = "demo_records"

// Record is one loaded example record as it was when loaded.
type Record struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// Sum is the record's editable fields and update time when loaded: an
	// edit shows even within the second of loading (times are in seconds).
	Sum string `json:"sum"`
}

func customerSum(c store.Customer) string {
	owner := int64(0)
	if c.OwnerID != nil {
		owner = *c.OwnerID
	}
	return fmt.Sprintf("%q|%q|%q|%q|%q|%q|%d|%q|%s", c.Name, c.Classification, c.Source, c.Industry, c.Phone, c.Address,
		owner, c.Notes, c.UpdatedAt)
}

func opportunitySum(o store.Opportunity) string {
	return fmt.Sprintf("%q|%d|%q|%q|%d|%q|%d|%q|%q|%d|%d|%q|%q|%q|%s", o.Name, o.CustomerID, o.Type, o.Source, o.OwnerID,
		o.Campaign, o.AmountCents, o.ExpectedClose, o.NextStep, o.StageID, o.ProbabilityBP, o.Description, o.LostReason,
		o.Competitor, o.UpdatedAt)
}

// Records are the example's records in the database.
type Records struct {
	OwnerID       int64    `json:"ownerId"`
	OwnerCreated  bool     `json:"ownerCreated"`
	Customers     []Record `json:"customers"`
	Opportunities []Record `json:"opportunities"`
}

// Count is how many customers and opportunities the example holds.
func (r *Records) Count() int {
	if r == nil {
		return 0
	}
	return len(r.Customers) + len(r.Opportunities)
}

func saveRecords(ctx context.Context, tx store.Tx, r *Records) error {
	if r == nil {
		return store.SetSetting(ctx, tx, recordsKey, "")
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return store.SetSetting(ctx, tx, recordsKey, string(b))
}

// Loaded returns the example's records, or nil when none are in the database.
func Loaded(ctx context.Context, q store.Querier) (*Records, error) {
	v, err := store.GetSetting(ctx, q, recordsKey, "")
	if err != nil || v == "" {
		return nil, err
	}
	var r Records
	if err := json.Unmarshal([]byte(v), &r); err != nil {
		return nil, fmt.Errorf("read %s: %w", recordsKey, err)
	}
	return &r, nil
}

// Remove deletes exactly the records the example loaded, in one
// transaction. It refuses, changing nothing, when an example record was
// changed since it was loaded or something made since refers to one (a
// contact, a quote, another opportunity...), and names it.
func Remove(ctx context.Context, st *store.Store) (int, error) {
	n := 0
	err := st.Tx(ctx, func(tx store.Tx) error {
		rec, err := Loaded(ctx, tx)
		if err != nil {
			return err
		}
		if rec.Count() == 0 {
			return apperr.Conflict("", msg.DemoNoneLoaded)
		}
		var custIDs, oppIDs []int64
		for _, r := range rec.Opportunities {
			o, err := store.GetOpportunity(ctx, tx, r.ID)
			if errors.Is(err, store.ErrNotFound) {
				continue // deleted since: nothing to remove
			} else if err != nil {
				return err
			}
			if opportunitySum(o) != r.Sum {
				return apperr.Conflict("", msg.DemoChanged, msg.P{"name": o.Name})
			}
			oppIDs = append(oppIDs, r.ID)
		}
		for _, r := range rec.Customers {
			c, err := store.GetCustomer(ctx, tx, r.ID)
			if errors.Is(err, store.ErrNotFound) {
				continue
			} else if err != nil {
				return err
			}
			if customerSum(c) != r.Sum {
				return apperr.Conflict("", msg.DemoChanged, msg.P{"name": c.Name})
			}
			custIDs = append(custIDs, r.ID)
		}
		deps, err := store.DemoDependants(ctx, tx, custIDs, oppIDs)
		if err != nil {
			return err
		}
		if len(deps) > 0 {
			// The first kind found is named; removing it shows the next, if any.
			return apperr.Conflict("", msg.DemoHasDependants, msg.P{"n": deps[0].Count, "what": dependantKeys[deps[0].Kind]})
		}
		if len(oppIDs) > 0 {
			if _, err := store.DeleteOpportunities(ctx, tx, oppIDs); err != nil {
				return err
			}
		}
		for _, id := range custIDs {
			if err := store.DeleteCustomer(ctx, tx, id); err != nil {
				return err
			}
		}
		n = len(oppIDs) + len(custIDs)
		if rec.OwnerCreated {
			used, err := store.OwnerUsage(ctx, tx, rec.OwnerID)
			if err != nil {
				return err
			}
			if used == 0 {
				if err := store.DeleteOwner(ctx, tx, rec.OwnerID); err != nil && !errors.Is(err, store.ErrNotFound) {
					return err
				}
			}
		}
		return saveRecords(ctx, tx, nil)
	})
	return n, err
}

var dependantKeys = map[string]msg.Key{
	"contacts":         msg.DemoDepContacts,
	"followups":        msg.DemoDepFollowups,
	"opportunities":    msg.DemoDepOpportunities,
	"opportunityLines": msg.DemoDepLines,
	"quotes":           msg.DemoDepQuotes,
	"orders":           msg.DemoDepOrders,
}
