// Package importer reads opportunities from the CSV, tab-separated text and
// XLSX files people make in Excel or export from other CRMs: it detects the
// encoding and delimiter, maps Chinese or English headers to fields, checks
// every row, and writes all rows in one transaction or none at all.
package importer

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"strconv"
	"sync/atomic"

	"funneldesk/backend/apperr"
	"funneldesk/backend/dupe"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/owner"
	"funneldesk/backend/store"
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

	// FileName is recorded in the import history.
	FileName string
	// StageMap overrides the suggested stage choices, by the file's value.
	StageMap map[string]StageChoice
	// CreateStages creates every open stage of the file not named like one
	// of ours, instead of mapping it by synonym or probability.
	CreateStages bool
	// DateOrder ("mdy", "dmy", "ymd"; "" = decided from the file) reads
	// ambiguous a/b/Y dates.
	DateOrder string
	// OnDuplicate is what a row matching an existing opportunity does:
	// "update" (the default), "skip" or "create".
	OnDuplicate string
	// OnDuplicateContacts is the same choice for the contacts of a
	// customer file ("" = as OnDuplicate).
	OnDuplicateContacts string
}

// On-duplicate choices.
const (
	DupUpdate = "update"
	DupSkip   = "skip"
	DupCreate = "create"
)

// Result tells what an import wrote.
type Result struct {
	// Opportunities counts the rows written (added and updated).
	Opportunities int `json:"opportunities"`
	Added         int `json:"added"`
	Updated       int `json:"updated"`
	// Unchanged counts the rows equal to the record they matched: nothing
	// was written (a re-import of the same export is all unchanged).
	Unchanged int `json:"unchanged"`
	Skipped   int `json:"skipped"`
	// Merged counts the rows merged into the record an earlier row of the
	// file made or updated (Added + Updated + Unchanged + Skipped + Merged
	// = rows).
	Merged           int      `json:"merged"`
	Source           string   `json:"source"`
	StagesMapped     []string `json:"stagesMapped"`
	StagesCreated    []string `json:"stagesCreated"`
	TypesAdded       []string `json:"typesAdded"`
	ImportID         int64    `json:"importId"`
	CustomersCreated int      `json:"customersCreated"`
	OwnersCreated    int      `json:"ownersCreated"`
	Format           string   `json:"format"`
	Encoding         string   `json:"encoding"`
	// Ignored are the headers of the columns no field was taken from.
	Ignored []string `json:"ignored"`
	// Kind is what the file held (opportunities, customers, contacts,
	// products); Counts tells, per kind of record, what was added,
	// updated and skipped (customer, contact and product imports).
	Kind   string      `json:"kind"`
	Counts []KindCount `json:"counts"`
	// Notes tell each value of an earlier row that a later row of the
	// same record replaced (all of them for the CLI; the screen and the
	// history get the first MaxErrorsShown); NoteCount counts them.
	Notes     []MergeNote `json:"notes"`
	NoteCount int         `json:"noteCount"`
}

// oppCount is what an opportunity import did, as a KindCount.
func (r Result) oppCount() KindCount {
	return KindCount{Kind: KindOpportunities, New: r.Added, Updated: r.Updated, Unchanged: r.Unchanged, Skipped: r.Skipped, Merged: r.Merged}
}

// shown is the result with at most MaxErrorsShown notes, for the screen
// and the operation log.
func (r Result) shown() Result {
	if len(r.Notes) > MaxErrorsShown {
		r.Notes = r.Notes[:MaxErrorsShown:MaxErrorsShown]
	}
	if r.Notes == nil {
		r.Notes = []MergeNote{}
	}
	return r
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
	res := Result{Format: t.Format, Encoding: t.Encoding, Ignored: []string{}, StagesMapped: []string{}, StagesCreated: []string{}, TypesAdded: []string{}}
	crm := detectCRM(t.Headers)
	if crm >= 0 {
		res.Source = crms[crm].Key
	}
	mapping := opts.Mapping
	if mapping == nil {
		mapping = autoMapping(t.Headers, crm)
	}
	missing, err := checkMapping(t, mapping)
	if err != nil {
		return res, err
	}
	if res.Ignored, err = readyToWrite(t, mapping, missing); err != nil {
		return res, err
	}
	dup := opts.OnDuplicate
	switch dup {
	case "":
		dup = DupUpdate
	case DupUpdate, DupSkip, DupCreate:
	default:
		return res, apperr.Invalid("onDuplicate", msg.ImportOnDuplicateBad)
	}
	order, err := fileDateOrder(t, mapping, crm, opts.DateOrder)
	if err != nil {
		return res, err
	}
	defaultOwner, err := opts.defaultOwnerName()
	if err != nil {
		return res, err
	}
	txDone := store.ImportPhase("transaction (all)")
	defer txDone()
	err = st.ImportTx(ctx, func(tx store.Tx) error {
		// Stages are read inside the transaction, which holds the write
		// lock, so the rows are checked against what they are written with.
		stages, err := store.ImportStages(ctx, tx)
		if err != nil {
			return err
		}
		firstStage, err := nextID(ctx, tx, "stages")
		if err != nil {
			return err
		}
		choices, err := applyStageChoices(suggestStages(t, mapping, crm, stages), opts.StageMap, opts.CreateStages, stages)
		if err != nil {
			return err
		}
		if stages, err = createStages(ctx, tx, choices); err != nil {
			return err
		}
		res.StagesMapped, res.StagesCreated = describeChoices(choices, stages)
		c := newChecker(t, mapping, stages)
		c.crm, c.dateOrder = crm, order
		c.choices = map[string]StageChoice{}
		for _, ch := range choices {
			c.choices[ch.Value] = ch
		}
		if c.types, err = store.OpportunityTypes(ctx, tx, c.types); err != nil {
			return err
		}
		if c.typeSets, err = store.StageSetTypes(ctx, tx); err != nil {
			return err
		}
		firstOwner, err := nextID(ctx, tx, "owners")
		if err != nil {
			return err
		}
		// One core checks the rows while the other writes them. The first
		// bad row stops the writing, every row is still checked so that
		// every problem is reported, and the transaction is rolled back.
		// Between them, the rows naming a customer there was are looked
		// up (startLookups).
		customers, err := store.CustomerIDsByName(ctx, tx, c.customerNames())
		if err != nil {
			return err
		}
		checked := make(chan []record, 16)
		var bad []RowError
		var failed atomic.Bool
		go func() {
			defer close(checked)
			c.stream(func(e RowError) {
				failed.Store(true)
				bad = append(bad, e)
			}, checked)
		}()
		chunks := (<-chan []record)(checked)
		if dup != DupCreate {
			// The writer adds to its own map of customers.
			if chunks, err = startLookups(ctx, st, maps.Clone(customers), checked); err != nil {
				for range checked {
				}
				return err
			}
		}
		lg := &importLog{}
		wrote := store.ImportPhase("check + write rows")
		werr := write(ctx, tx, customers, chunks, oppFile{t, mapping}, &failed, opts.DefaultOwnerID, defaultOwner, opts.Progress, dup, lg, &res)
		for range chunks { // on a write error, let the checker finish
		}
		wrote()
		if len(bad) > 0 {
			return &RowErrors{Errors: bad}
		}
		if werr != nil {
			return werr
		}
		for ty := range c.newTypes {
			c.types = append(c.types, ty)
			res.TypesAdded = append(res.TypesAdded, ty)
		}
		if len(res.TypesAdded) > 0 {
			if err := store.SetOpportunityTypes(ctx, tx, c.types); err != nil {
				return err
			}
		}
		recorded := store.ImportPhase("import history")
		if err := recordImport(ctx, tx, opts, mapping, t, lg, firstStage, firstOwner, &res); err != nil {
			return err
		}
		recorded()
		// The import's own log row, after every row it wrote: undo finds
		// the edits made since by the log rows that come after it.
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "import", ID: res.ImportID, Name: opts.FileName, Action: oplog.Import, New: res.shown()})
	})
	if err != nil {
		return Result{Format: res.Format, Encoding: res.Encoding, Ignored: res.Ignored, Source: res.Source}, err
	}
	return res, nil
}

// fileDateOrder is the order the file's a/b/Y dates are read in: the
// user's, else the values', else the exporting system's. A file whose
// values need an order nobody gave is refused at its first such date
// (the row checks name it).
func fileDateOrder(t *Table, mapping []string, crm int, given string) (string, error) {
	switch given {
	case "", OrderMDY, OrderDMY, OrderYMD:
	default:
		return "", apperr.Invalid("dateOrder", msg.ImportDateOrderBad)
	}
	order, _, conflict := detectDateOrder(t, mapping, crm)
	if given != "" {
		return given, nil
	}
	if conflict {
		return "", apperr.Invalid("dateOrder", msg.ImportDateConflict)
	}
	return order, nil
}

func nextID(ctx context.Context, tx store.Tx, table string) (int64, error) {
	var id int64
	err := tx.GetContext(ctx, &id, `SELECT COALESCE(MAX(id), 0) + 1 FROM `+table)
	return id, err
}

// importLog is what the writer did, for the import history.
type importLog struct {
	firstOpp, nextOpp   int64
	firstCust, nextCust int64
	updated             []store.ImportItem
}

// recordImport writes the import's history row and what it added and
// changed, so that it can be listed and undone.
func recordImport(ctx context.Context, tx store.Tx, opts Options, mapping []string, t *Table, lg *importLog,
	firstStage, firstOwner int64, res *Result) error {
	mj, _ := json.Marshal(map[string]any{"headers": t.Headers, "mapping": mapping, "stagesMapped": res.StagesMapped,
		"stagesCreated": res.StagesCreated, "onDuplicate": opts.OnDuplicate, "dateOrder": opts.DateOrder,
		"counts": []KindCount{res.oppCount()}, "notes": res.shown().Notes, "noteCount": len(res.Notes)})
	id, err := store.InsertImport(ctx, tx, store.Import{FileName: opts.FileName, Kind: "opportunities", Source: res.Source,
		CreatedAt: store.Now(), Added: res.Added, Updated: res.Updated, Skipped: res.Skipped, Summary: Summary(*res, opts.FileName),
		Mapping: string(mj)})
	if err != nil {
		return err
	}
	res.ImportID = id
	nextStage, err := nextID(ctx, tx, "stages")
	if err != nil {
		return err
	}
	nextOwner, err := nextID(ctx, tx, "owners")
	if err != nil {
		return err
	}
	for _, r := range []struct {
		table       string
		first, next int64
	}{{"opportunities", lg.firstOpp, lg.nextOpp}, {"customers", lg.firstCust, lg.nextCust},
		{"stages", firstStage, nextStage}, {"owners", firstOwner, nextOwner}} {
		if err := store.AddImportItems(ctx, tx, id, r.table, r.first, r.next); err != nil {
			return err
		}
	}
	for _, it := range lg.updated {
		if err := store.AddImportItem(ctx, tx, id, it); err != nil {
			return err
		}
	}
	return nil
}

// write resolves owners and customers from maps loaded once, creating the
// missing ones, and inserts the checked rows as they arrive, until the
// checker reports a bad row.
func write(ctx context.Context, tx store.Tx, customers map[string]int64, chunks <-chan []record, file oppFile,
	failed *atomic.Bool, defaultOwnerID int64, defaultOwnerName string, progress func(int, int), dup string, lg *importLog, res *Result) error {
	total := len(file.t.Rows)
	loaded := store.ImportPhase("write: load maps")
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
	newByKey := map[string]int64{}
	w, err := store.NewImportWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.Close()
	lg.firstCust = w.NextCustomer()
	updatedHere := map[int64]bool{}
	// The rows this import adds, by the keys a later row of the file finds
	// them by (the look-ups see the database as it was before), and the
	// records there were that a row reached: a later row of the same
	// record is merged into it.
	newByExt, newByNatural := map[string]fileRow{}, map[string]fileRow{}
	reached := map[int64]fileRow{}
	loaded()
	rowsDone := store.ImportPhase("write: rows")

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
				// One new customer for the names of the file that are the
				// same once normalized (华强电子 and 华强电子有限公司).
				cid, ok = newByKey[dupe.Name(r.customer)]
			}
			if !ok {
				cid, err = w.AddCustomer(store.Customer{Name: r.customer, Source: r.opp.Source, OwnerID: &oid})
				if err != nil {
					return err
				}
				newByKey[dupe.Name(r.customer)] = cid
				res.CustomersCreated++
			}
			customers[r.customer] = cid
			r.opp.CustomerID, r.opp.OwnerID = cid, oid
			// The record a row is, found by the other system's id, else by
			// name + customer + expected close date (rows this import added
			// included: a row the file repeats updates the first).
			if r.findErr != nil {
				return r.findErr
			}
			existing, nk := r.existing, ""
			// A later row of a record this import adds (fileNew) is merged
			// into it, whatever is done with the records there were.
			var prev fileRow
			fileNew := false
			if dup != DupCreate {
				if r.opp.ExternalID != "" {
					prev = newByExt[r.opp.ExternalID]
				} else {
					nk = naturalKey(r.opp.Name, cid, r.opp.ExpectedClose)
					prev = newByNatural[nk]
				}
				if prev.id != 0 {
					existing, fileNew = prev.id, true
				} else if existing != 0 {
					prev = reached[existing]
				}
			}
			switch {
			case existing != 0 && dup == DupSkip && !fileNew:
				res.Skipped++
				reached[existing] = fileRow{id: existing}
			case existing != 0:
				first, _ := w.Range()
				before, changed, err := w.UpdateOpportunity(existing, r.opp, localTime(r.closedAt))
				if err != nil {
					return err
				}
				// Only rows that were there before the import have a state
				// to restore; a row of the file that repeats an earlier one
				// updates what the import itself added. A row left as it was
				// has nothing to restore.
				if changed && existing < first && !updatedHere[existing] {
					updatedHere[existing] = true
					lg.updated = append(lg.updated, store.ImportItem{Table: "opportunities", RecordID: existing, Action: "update",
						Before: before, Stamp: w.Now()})
				}
				next := fileRow{id: existing, idx: int32(r.idx), first: int32(file.t.Rows[r.idx].Num)}
				switch {
				case prev.id != 0:
					res.Merged++
					res.Notes = file.notes(res.Notes, int(prev.idx), r.idx, int(prev.first))
					next.first = prev.first
				case changed:
					res.Updated++
				default:
					res.Unchanged++
				}
				switch {
				case fileNew && r.opp.ExternalID != "":
					newByExt[r.opp.ExternalID] = next
				case fileNew:
					newByNatural[nk] = next
				default:
					reached[existing] = next
				}
			default:
				id, err := w.AddOpportunity(r.opp, localTime(r.closedAt))
				if err != nil {
					return err
				}
				res.Added++
				fr := fileRow{id: id, idx: int32(r.idx), first: int32(file.t.Rows[r.idx].Num)}
				if r.opp.ExternalID != "" {
					newByExt[r.opp.ExternalID] = fr
				} else if dup != DupCreate {
					newByNatural[nk] = fr
				}
			}
		}
		done += len(chunk)
		if progress != nil {
			progress(done, total)
		}
	}
	rowsDone()
	if failed.Load() {
		return nil // the caller reports the bad rows
	}
	if err := w.Finish(); err != nil {
		return err
	}
	lg.firstOpp, lg.nextOpp = w.Range()
	lg.nextCust = w.NextCustomer()
	res.Opportunities = res.Added + res.Updated
	res.NoteCount = len(res.Notes)
	return nil
}

// fileRow is the record a row of the file added or updated: idx is the
// table index of the row whose values it has now, first the number of the
// first row of the file that reached it.
type fileRow struct {
	id         int64
	idx, first int32
}

// oppFile is an opportunity file and its mapping, for merge notes.
type oppFile struct {
	t       *Table
	mapping []string
}

// notes adds a note for each mapped cell of the earlier row (index prev)
// that the later row (cur) replaces: a later row of an opportunity
// replaces the whole record, empty cells included.
func (f oppFile) notes(out []MergeNote, prev, cur, first int) []MergeNote {
	a, b := &f.t.Rows[prev], &f.t.Rows[cur]
	for col, key := range f.mapping {
		if key == "" {
			continue
		}
		was, now := cleanCell(a.cell(col)), cleanCell(b.cell(col))
		if was != "" && was != now {
			h := f.t.Headers[col]
			out = append(out, newMergeNote(KindOpportunities, key, h, h, b.Num, first, a.Num, was, now))
		}
	}
	return out
}

// naturalKey finds an opportunity without an external id: its name,
// customer and expected close date.
func naturalKey(name string, customerID int64, close string) string {
	return name + "\x00" + strconv.FormatInt(customerID, 10) + "\x00" + close
}

// localTime is a file's date as a stage-history time ("" stays "").
func localTime(d string) string {
	if d == "" {
		return ""
	}
	return localMidnight(d)
}
