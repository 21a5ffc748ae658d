// Package importer reads opportunities from the CSV, tab-separated text and
// XLSX files people make in Excel or export from other CRMs: it detects the
// encoding and delimiter, maps Chinese or English headers to fields, checks
// every row, and writes all rows in one transaction or none at all.
package importer

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// DefaultOwnerName is the owner created for rows without one when the
// database has no active owner to give them.
const DefaultOwnerName = "admin"

// Options tune an import.
type Options struct {
	// DefaultOwnerID, or else DefaultOwner (a name, created when missing),
	// owns the rows whose owner cell is empty. With neither, the first
	// active owner by name does, or else a new owner "admin".
	DefaultOwnerID int64
	DefaultOwner   string
	// Mapping gives each column's field key ("" = ignored); nil maps the
	// headers automatically.
	Mapping []string
	// Progress, if set, is told how many rows are written, now and then.
	Progress func(done, total int)
}

// Result tells what an import wrote.
type Result struct {
	Opportunities    int    `json:"opportunities"`
	CustomersCreated int    `json:"customersCreated"`
	OwnersCreated    int    `json:"ownersCreated"`
	Format           string `json:"format"`
	Encoding         string `json:"encoding"`
	// Ignored are the headers of the columns no field was taken from.
	Ignored []string `json:"ignored"`
}

// RowErrors is the error of an import refused for bad rows: nothing was
// written. It holds every problem of every row.
type RowErrors struct {
	Errors []RowError
}

// Rows counts the distinct rows with problems.
func (e *RowErrors) Rows() int {
	n, last := 0, -1
	for _, r := range e.Errors {
		if r.Row != last {
			n++
			last = r.Row
		}
	}
	return n
}

// Error summarizes the problems in Chinese, as the other errors do.
func (e *RowErrors) Error() string { return e.summary().Message }

// Unwrap lets apperr.As (and the UI's error formatter) see a summary.
func (e *RowErrors) Unwrap() error { return e.summary() }

func (e *RowErrors) summary() *apperr.Error {
	if len(e.Errors) == 1 {
		r := e.Errors[0]
		s := apperr.Invalid("file", msg.ImportRowSummary, msg.P{"row": r.Row, "column": r.Column, "message": msg.Msg{Key: r.Key, Params: r.Params}})
		s.Row = r.Row
		return s
	}
	return apperr.Invalid("file", msg.ImportRowsSummary, msg.P{"rows": e.Rows(), "count": len(e.Errors)})
}

// Import reads src and writes its opportunities, with the customers and
// owners they name that do not exist yet, in one transaction. If any row is
// bad nothing is written and the error is a *RowErrors listing every problem.
func Import(ctx context.Context, st *store.Store, src Source, opts Options) (Result, error) {
	t, err := Parse(src)
	if err != nil {
		return Result{}, err
	}
	return importTable(ctx, st, t, opts)
}

// importTable checks and writes a parsed file.
func importTable(ctx context.Context, st *store.Store, t *Table, opts Options) (Result, error) {
	res := Result{Format: t.Format, Encoding: t.Encoding, Ignored: []string{}}
	mapping := opts.Mapping
	if mapping == nil {
		mapping = AutoMapping(t.Headers)
	}
	missing, err := checkMapping(t, mapping)
	if err != nil {
		return res, err
	}
	if len(missing) > 0 {
		return res, &RowErrors{Errors: missing}
	}
	for i, k := range mapping {
		if k == "" && t.Headers[i] != "" {
			res.Ignored = append(res.Ignored, t.Headers[i])
		}
	}
	if len(t.Rows) == 0 {
		return res, apperr.Invalid("file", msg.ImportNoRows)
	}
	var defaultOwner string
	if opts.DefaultOwnerID == 0 && strings.TrimSpace(opts.DefaultOwner) != "" {
		if defaultOwner, err = validate.Text("defaultOwner", msg.LabelDefaultOwner, opts.DefaultOwner, true, 50); err != nil {
			return res, err
		}
	}
	err = st.ImportTx(ctx, func(tx store.Tx) error {
		// Stages are read inside the transaction, which holds the write
		// lock, so the rows are checked against what they are written with.
		stages, err := store.ImportStages(ctx, tx)
		if err != nil {
			return err
		}
		c := newChecker(t, mapping, stages)
		// One core checks the rows while the other writes them. The first
		// bad row stops the writing, every row is still checked so that
		// every problem is reported, and the transaction is rolled back.
		chunks := make(chan []record, 16)
		var bad []RowError
		var failed atomic.Bool
		go func() {
			defer close(chunks)
			c.stream(func(e RowError) {
				failed.Store(true)
				bad = append(bad, e)
			}, chunks)
		}()
		werr := write(ctx, tx, c.customerNames(), chunks, len(t.Rows), &failed, opts.DefaultOwnerID, defaultOwner, opts.Progress, &res)
		for range chunks { // on a write error, let the checker finish
		}
		if len(bad) > 0 {
			return &RowErrors{Errors: bad}
		}
		if werr != nil {
			return werr
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "import", Action: oplog.Import, New: res})
	})
	if err != nil {
		return Result{Format: res.Format, Encoding: res.Encoding, Ignored: res.Ignored}, err
	}
	return res, nil
}

// write resolves owners and customers from maps loaded once, creating the
// missing ones, and inserts the checked rows as they arrive, until the
// checker reports a bad row.
func write(ctx context.Context, tx store.Tx, customerNames map[string]struct{}, chunks <-chan []record, total int,
	failed *atomic.Bool, defaultOwnerID int64, defaultOwnerName string, progress func(int, int), res *Result) error {
	owners, err := store.OwnersByName(ctx, tx)
	if err != nil {
		return err
	}
	// The default owner is chosen among the owners there were before the
	// import, so that it does not depend on the order of the rows.
	firstActive := ""
	for name, o := range owners {
		if o.Active && (firstActive == "" || name < firstActive) {
			firstActive = name
		}
	}
	customers, err := store.CustomerIDsByName(ctx, tx, customerNames)
	if err != nil {
		return err
	}
	w, err := store.NewImportWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.Close()

	ownerID := func(name string) (int64, error) {
		if o, ok := owners[name]; ok {
			return o.ID, nil
		}
		id, err := owner.EnsureByName(ctx, tx, name)
		if err != nil {
			return 0, err
		}
		owners[name] = store.Owner{ID: id, Name: name, Active: true}
		res.OwnersCreated++
		return id, nil
	}
	var defaultID int64
	defaultFor := func() (int64, error) {
		if defaultID != 0 {
			return defaultID, nil
		}
		switch {
		case defaultOwnerID != 0:
			o, err := store.GetOwner(ctx, tx, defaultOwnerID)
			if errors.Is(err, store.ErrNotFound) {
				return 0, apperr.Invalid("defaultOwner", msg.ImportDefaultOwner)
			}
			if err != nil {
				return 0, err
			}
			defaultID = o.ID
		case defaultOwnerName != "":
			id, err := ownerID(defaultOwnerName)
			if err != nil {
				return 0, err
			}
			defaultID = id
		default:
			first := firstActive
			if first == "" {
				first = DefaultOwnerName
			}
			id, err := ownerID(first)
			if err != nil {
				return 0, err
			}
			defaultID = id
		}
		return defaultID, nil
	}

	done := 0
	for chunk := range chunks {
		if failed.Load() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		for i := range chunk {
			r := &chunk[i]
			var oid int64
			if r.owner != "" {
				oid, err = ownerID(r.owner)
			} else {
				oid, err = defaultFor()
			}
			if err != nil {
				return err
			}
			cid, ok := customers[r.customer]
			if !ok {
				cid, err = w.AddCustomer(store.Customer{Name: r.customer, Source: r.opp.Source, OwnerID: &oid})
				if err != nil {
					return err
				}
				customers[r.customer] = cid
				res.CustomersCreated++
			}
			r.opp.CustomerID, r.opp.OwnerID = cid, oid
			if _, err := w.AddOpportunity(r.opp); err != nil {
				return err
			}
		}
		done += len(chunk)
		if progress != nil {
			progress(done, total)
		}
	}
	if failed.Load() {
		return nil // the caller reports the bad rows
	}
	if err := w.Finish(); err != nil {
		return err
	}
	res.Opportunities = done
	return nil
}
