// Package recycle keeps the recycle bin (回收站). A delete of a customer,
// contact, opportunity, product, quote, order, lead or task takes the record and what
// depends on it out of their tables into one bin entry (store.Bundle as
// JSON); a restore puts the same rows, ids included, back in one
// transaction. Entries older than the days setting (default 30) are deleted
// for good at start and every hour, by the app's clock.
//
// Why serialized rows and not a deleted_at column on each table: a row in
// the bin must be in no list, count, funnel total, report, export, importer
// duplicate lookup or unique index. With soft deletes every one of those
// queries (and every query written later, by anyone) would have to skip
// deleted rows, and unique names would need partial indexes; here the rows
// really leave their tables, so all of that stays right without touching a
// query, and the bin's cost is confined to delete and restore.
package recycle

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// Kinds of record that go to the bin, with their tables.
var tables = map[string]string{"customer": "customers", "contact": "contacts", "opportunity": "opportunities",
	"product": "products", "quote": "quotes", "order": "orders", "lead": "leads", "task": "tasks"}

// kindOfTable is the bin kind (or another label) of a table, for messages.
var kindOfTable = map[string]string{"customers": "customer", "contacts": "contact", "opportunities": "opportunity",
	"products": "product", "quotes": "quote", "orders": "order", "leads": "lead", "tasks": "task"}

var kindKeys = map[string]msg.Key{"customer": msg.KindCustomer, "contact": msg.KindContact, "opportunity": msg.KindOpportunity,
	"product": msg.KindProduct, "quote": msg.KindQuote, "order": msg.KindOrder, "lead": msg.KindLead,
	"task": msg.KindTask}

var tableKeys = map[string]msg.Key{"owners": msg.LabelOwner, "stages": msg.LabelStage, "price_lists": msg.KindPriceList,
	"categories": msg.KindCategory}

// label names a table's record in messages.
func label(table string) any {
	if k, ok := kindKeys[kindOfTable[table]]; ok {
		return k
	}
	if k, ok := tableKeys[table]; ok {
		return k
	}
	return table
}

// rank orders a batch restore: parents before what may belong to them.
var rank = map[string]int{"customer": 0, "product": 0, "opportunity": 1, "contact": 1, "quote": 2, "order": 3, "lead": 4, "task": 5}

// DefaultDays is how long the bin keeps an entry when the setting is unset.
const DefaultDays = 30

const daysSetting = "recycle_days"

// Trash moves the record kind/id with everything that goes with it into the
// bin, in q (the delete's transaction), and logs the delete with the record
// as it was. name is what the bin and the log show; owner is the
// salesperson the record belonged to ("" when none). The caller has checked
// that the record exists and may be deleted.
func Trash(ctx context.Context, q store.Querier, at time.Time, kind string, id int64, name, owner string) error {
	table, ok := tables[kind]
	if !ok {
		return fmt.Errorf("recycle: unknown kind %q", kind)
	}
	b, err := store.CaptureBundle(ctx, q, table, []int64{id})
	if err != nil {
		return err
	}
	if err := store.RemoveBundle(ctx, q, b); err != nil {
		return err
	}
	if _, err := store.InsertBin(ctx, q, kind, id, name, b, at); err != nil {
		return err
	}
	return oplog.Record(ctx, q, oplog.Entry{Kind: kind, ID: id, Name: name, Action: oplog.Delete, Owner: owner,
		Old: root(b), Note: held(b), At: at})
}

// root is the deleted record's own row as column → value.
func root(b store.Bundle) map[string]any {
	if len(b.Tables) == 0 || len(b.Tables[0].Rows) == 0 {
		return nil
	}
	t := b.Tables[0]
	m := map[string]any{}
	for i, c := range t.Columns {
		m[c] = t.Rows[0][i]
	}
	return m
}

// held is what went with the record, as JSON by table ("" for nothing).
func held(b store.Bundle) string {
	c := b.Counts()
	if len(c) == 0 {
		return ""
	}
	j, _ := json.Marshal(c)
	return string(j)
}

// Filter selects bin entries; Page is 1-based.
type Filter struct {
	Kind     string `json:"kind"`
	Query    string `json:"query"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

// Page is one page of the bin, the total and the days it keeps entries.
type Page struct {
	Items    []store.BinEntry `json:"items"`
	Total    int              `json:"total"`
	Page     int              `json:"page"`
	PageSize int              `json:"pageSize"`
	Days     int              `json:"days"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the recycle bin service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

// List returns a page of the bin, latest delete first.
func (s *Service) List(f Filter) (Page, error) {
	ctx := s.env.Ctx()
	off, lim := validate.Page(f.Page, f.PageSize)
	items, total, err := store.ListBin(ctx, s.st.DB, store.BinFilter{Kind: f.Kind, Query: f.Query, Offset: off, Limit: lim})
	if err != nil {
		return Page{}, err
	}
	days, err := days(ctx, s.st.DB)
	if err != nil {
		return Page{}, err
	}
	return Page{Items: items, Total: total, Page: off/lim + 1, PageSize: lim, Days: days}, nil
}

func days(ctx context.Context, q store.Querier) (int, error) {
	v, err := store.GetSetting(ctx, q, daysSetting, "")
	if err != nil {
		return 0, err
	}
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return n, nil
	}
	return DefaultDays, nil
}

// SetDays sets how many days the bin keeps an entry (1 to 3650) and
// empties what is older at once.
func (s *Service) SetDays(n int) (int, error) {
	if n < 1 || n > 3650 {
		return 0, apperr.Invalid("days", msg.RecycleDaysRange)
	}
	if err := s.st.Tx(s.env.Ctx(), func(tx store.Tx) error {
		ctx := s.env.Ctx()
		old, err := days(ctx, tx)
		if err != nil {
			return err
		}
		if err := store.SetSetting(ctx, tx, daysSetting, strconv.Itoa(n)); err != nil {
			return err
		}
		return oplog.Setting(ctx, tx, "recycleDays", old, n)
	}); err != nil {
		return 0, err
	}
	if _, err := PurgeExpired(s); err != nil {
		return 0, err
	}
	return n, nil
}

// Restore puts the chosen entries back, all or none, in one transaction,
// and returns how many. Customers and products go back before what may
// belong to them, whatever the order of ids.
func (s *Service) Restore(ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, apperr.Invalid("ids", msg.RecycleSelect)
	}
	ctx := s.env.Ctx()
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		entries := make([]store.BinEntry, 0, len(ids))
		for _, id := range ids {
			e, err := store.GetBin(ctx, tx, id)
			if errors.Is(err, store.ErrNotFound) {
				return apperr.NotFound("ids", msg.RecycleNotFound)
			}
			if err != nil {
				return err
			}
			entries = append(entries, e)
		}
		sort.SliceStable(entries, func(i, j int) bool {
			if rank[entries[i].Kind] != rank[entries[j].Kind] {
				return rank[entries[i].Kind] < rank[entries[j].Kind]
			}
			return entries[i].ID < entries[j].ID
		})
		for _, e := range entries {
			if err := s.restore(ctx, tx, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(ids), nil
}

func (s *Service) restore(ctx context.Context, tx store.Tx, e store.BinEntry) error {
	b, err := store.DecodeBundle(e.Payload)
	if err != nil {
		return err
	}
	kindKey := kindKeys[e.Kind]
	// A customer's name is not unique in the schema but the app refuses a
	// duplicate unless confirmed; a restore cannot ask, so a customer of
	// that name made since the delete stops it. A duplicate the user had
	// confirmed before (an older id) does not.
	if e.Kind == "customer" {
		same, err := store.CustomersNamed(ctx, tx, e.Name)
		if err != nil {
			return err
		}
		for _, c := range same {
			if c.ID > b.Seq {
				return apperr.Conflict("ids", msg.RecycleNameTaken, msg.P{"kind": kindKey, "name": e.Name})
			}
		}
	}
	err = store.RestoreBundle(ctx, tx, b)
	var miss *store.MissingParent
	switch {
	case errors.As(err, &miss):
		if pk, ok := kindOfTable[miss.Table]; ok {
			if pe, err := store.BinHolding(ctx, tx, pk, miss.ID); err == nil {
				return apperr.Conflict("ids", msg.RecycleParentBin, msg.P{"kind": kindKey, "name": e.Name, "parent": label(miss.Table), "parentName": pe.Name})
			}
		}
		return apperr.Conflict("ids", msg.RecycleParentGone, msg.P{"kind": kindKey, "name": e.Name, "parent": label(miss.Table), "id": miss.ID})
	case errors.Is(err, store.ErrUniqueTaken):
		field, value := uniqueOf(e.Kind, b)
		return apperr.Conflict("ids", msg.RecycleUniqueUsed, msg.P{"kind": kindKey, "name": e.Name, "field": field, "value": value})
	case err != nil:
		return err
	}
	if _, err := store.DeleteBin(ctx, tx, []int64{e.ID}); err != nil {
		return err
	}
	return oplog.Record(ctx, tx, oplog.Entry{Kind: e.Kind, ID: e.RecordID, Name: e.Name, Action: oplog.Restore,
		New: root(b), Note: held(b), At: s.env.Now()})
}

// uniqueOf names the unique value of a record kind that a restore found
// taken: a product's code, a document's number.
func uniqueOf(kind string, b store.Bundle) (msg.Key, string) {
	r := root(b)
	if kind == "product" {
		return msg.LabelProductCode, fmt.Sprint(r["code"])
	}
	return msg.LabelDocNumber, fmt.Sprint(r["number"])
}

// Purge deletes the chosen entries for good and returns how many.
func (s *Service) Purge(ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, apperr.Invalid("ids", msg.RecycleSelect)
	}
	return s.purge(ids, "")
}

// Empty deletes every entry of the bin for good and returns how many.
func (s *Service) Empty() (int, error) {
	ids, err := store.AllBinIDs(s.env.Ctx(), s.st.DB)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	return s.purge(ids, "")
}

func (s *Service) purge(ids []int64, note string) (int, error) {
	ctx := s.env.Ctx()
	var n int
	err := s.st.Tx(ctx, func(tx store.Tx) error {
		for _, id := range ids {
			e, err := store.GetBin(ctx, tx, id)
			if errors.Is(err, store.ErrNotFound) {
				continue // already gone: the goal is reached
			}
			if err != nil {
				return err
			}
			if _, err := store.DeleteBin(ctx, tx, []int64{id}); err != nil {
				return err
			}
			if err := oplog.Record(ctx, tx, oplog.Entry{Kind: e.Kind, ID: e.RecordID, Name: e.Name, Action: oplog.Purge,
				Note: note, At: s.env.Now()}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// PurgeExpired deletes for good the entries older than the days setting,
// by the service's clock, and returns how many. A plain function, not a
// method: the UI does not call it (see App.Bindings).
func PurgeExpired(s *Service) (int, error) {
	ctx := s.env.Ctx()
	d, err := days(ctx, s.st.DB)
	if err != nil {
		return 0, err
	}
	ids, err := store.BinDeletedBefore(ctx, s.st.DB, s.env.Now().AddDate(0, 0, -d))
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	return s.purge(ids, "expired")
}

// StartPurging empties expired entries now and then every hour until the
// app's context ends. A failure is retried at the next hour.
func StartPurging(s *Service) {
	PurgeExpired(s)
	go func() {
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for range t.C {
			if s.env.Ctx().Err() != nil {
				return
			}
			PurgeExpired(s)
		}
	}()
}
