package importer

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/dupe"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/pool"
	"funneldesk/backend/store"
)

// KindCount tells what an import does to one kind of record, row by row:
// how many rows add a record, update an existing one, are left out
// (duplicates skipped) or are merged into the record an earlier row of
// the file made or updated (the same customer, contact, product, lead or
// opportunity twice). For the file's kind, New + Updated + Skipped +
// Merged is the number of rows.
type KindCount struct {
	Kind    string `json:"kind"`
	New     int    `json:"new"`
	Updated int    `json:"updated"`
	Skipped int    `json:"skipped"`
	Merged  int    `json:"merged"`
	// Unchanged are the records a row would have updated that already
	// held every value it gives: not written, so not counted as updated.
	// Known once the import writes (the preview counts them as updated).
	Unchanged int `json:"unchanged"`
}

// Row actions the preview shows.
const (
	ActionNew    = "new"
	ActionUpdate = "update"
	ActionSkip   = "skip"
	ActionMerge  = "merge"
)

// custOp is what the import does to one customer; vals holds the values
// the file gives (empty: keep what the customer has).
type custOp struct {
	id       int64 // the existing customer's id; a new one's once written
	action   string
	vals     store.ImportedCustomer
	owner    string
	contacts []*contOp
	// seen: a row of the file reached it (a later one is merged); first
	// is that row, from the row each value came from (mergeCustomer).
	seen  bool
	first int
	from  [8]int
}

type contOp struct {
	id     int64
	action string
	c      store.Contact
	cust   *custOp
	// The folded name, phone and email later rows find it by.
	name, phone, email string
	seen               bool
	first              int
	from               [4]int
}

type prodOp struct {
	id       int64
	action   string
	p        store.Product
	category []string
	owner    string
	// activeText is the active cell as written ("": not given); activeValue
	// reads it.
	activeText string
	// priceGiven: some row gave the price (0 is a price).
	priceGiven bool
	first      int
	from       [7]int
}

// entityPlan is what importing a customer, contact or product file does,
// decided from the checked rows and the records there are: the preview
// shows it and the import carries it out.
type entityPlan struct {
	kind       string
	custs      []*custOp
	contacts   []*contOp
	products   []*prodOp
	leads      []*leadOp
	counts     map[string]*KindCount
	rowActions []string
	// notes are the values rows of the file replaced (see MergeNote).
	notes []MergeNote
}

// countList is the plan's counts in a fixed order (the file's kind first).
func (p *entityPlan) countList() []KindCount {
	out := []KindCount{}
	order := []string{p.kind}
	switch p.kind {
	case KindCustomers:
		order = append(order, KindContacts)
	case KindContacts:
		order = append(order, KindCustomers)
	}
	for _, k := range order {
		if c := p.counts[k]; c != nil {
			out = append(out, *c)
		}
	}
	return out
}

func (p *entityPlan) count(kind, action string) {
	c := p.counts[kind]
	if c == nil {
		c = &KindCount{Kind: kind}
		p.counts[kind] = c
	}
	switch action {
	case ActionNew:
		c.New++
	case ActionUpdate:
		c.Updated++
	case ActionSkip:
		c.Skipped++
	case ActionMerge:
		c.Merged++
	}
}

// same moves a planned update of kind to the unchanged: its record
// already held what the file gives, and nothing was written.
func (p *entityPlan) same(kind string) {
	if c := p.counts[kind]; c != nil {
		c.Updated--
		c.Unchanged++
	}
}

// again counts a row that reaches a record an earlier row of the file
// reached: merged into it, or skipped with it when it is skipped.
func (p *entityPlan) again(kind, action string) string {
	if action == ActionSkip {
		p.count(kind, ActionSkip)
		return ActionSkip
	}
	p.count(kind, ActionMerge)
	return ActionMerge
}

// dupChoices are the on-duplicate choices: for the file's kind, and for
// the contacts a customer file carries.
type dupChoices struct {
	main, contacts string
}

func checkDup(s string) (string, error) {
	switch s {
	case "":
		return DupUpdate, nil
	case DupUpdate, DupSkip, DupCreate:
		return s, nil
	}
	return "", apperr.Invalid("onDuplicate", msg.ImportOnDuplicateBad)
}

func newDupChoices(kind, main, contacts string) (dupChoices, error) {
	var d dupChoices
	var err error
	if d.main, err = checkDup(main); err != nil {
		return d, err
	}
	if contacts == "" {
		contacts = main
	}
	if d.contacts, err = checkDup(contacts); err != nil {
		return d, err
	}
	if kind == KindContacts {
		d.contacts = d.main
	}
	if kind == KindProducts && d.main == DupCreate {
		return d, apperr.Invalid("onDuplicate", msg.ImportProductCreate)
	}
	return d, nil
}

func dupAction(choice string) string {
	if choice == DupSkip {
		return ActionSkip
	}
	return ActionUpdate
}

// planEntities decides, for every checked row, which record it adds,
// updates or leaves (查重 rules: backend/dupe, as pool.FindDuplicates):
//   - a customer is found by its normalized name, else by a phone (its
//     own or its contact's, against customers' and contacts' phones),
//     else by its contact's email; rows of the file that find each other
//     the same way are one customer, so that 华强电子 and 华强电子有限公司
//     are one new customer, and a customer with three contacts on three
//     rows is one;
//   - a contact is found among its customer's contacts (those of the
//     file's earlier rows, then those there are) by its phone, else its
//     email, else its name; a contact of the same name whose phone and
//     email both differ (both given on both sides) is another person;
//   - a product by its code, without regard to ASCII case.
//
// A row that reaches a record an earlier row reached is merged into it
// (counted as merged): its given values win, and each value of an
// earlier row it replaces is noted (plan.notes).
func planEntities(ctx context.Context, q store.Querier, kind string, recs []entityRec, dup dupChoices) (*entityPlan, error) {
	p := &entityPlan{kind: kind, counts: map[string]*KindCount{kind: {Kind: kind}}, rowActions: make([]string, 0, min(len(recs), SampleRows))}
	switch kind {
	case KindProducts:
		return p, planProducts(ctx, q, p, recs, dup)
	case KindLeads:
		return p, planLeads(ctx, q, p, recs, dup)
	}
	if kind == KindCustomers {
		p.counts[KindContacts] = &KindCount{Kind: KindContacts}
	} else {
		p.counts[KindCustomers] = &KindCount{Kind: KindCustomers}
	}
	n := len(recs)
	exName, exPhone, exEmail := make(map[string]int64, n), make(map[string]int64, n), make(map[string]int64, n)
	matchExisting := kind == KindContacts || dup.main != DupCreate
	if matchExisting {
		if err := store.EachCustomerKey(ctx, q, func(k store.CustomerKey) {
			if _, ok := exName[k.NameKey]; !ok && k.NameKey != "" {
				exName[k.NameKey] = k.ID
			}
			if _, ok := exPhone[k.PhoneKey]; !ok && k.PhoneKey != "" {
				exPhone[k.PhoneKey] = k.ID
			}
		}); err != nil {
			return nil, err
		}
	}
	byCust := make(map[int64][]store.ContactKey, n)
	if err := store.EachContactKey(ctx, q, func(k store.ContactKey) {
		byCust[k.CustomerID] = append(byCust[k.CustomerID], k)
		if matchExisting && kind == KindCustomers {
			if _, ok := exPhone[k.PhoneKey]; !ok && k.PhoneKey != "" {
				exPhone[k.PhoneKey] = k.CustomerID
			}
			if _, ok := exEmail[k.EmailKey]; !ok && k.EmailKey != "" {
				exEmail[k.EmailKey] = k.CustomerID
			}
		}
	}); err != nil {
		return nil, err
	}
	fName, fPhone, fEmail := make(map[string]*custOp, n), make(map[string]*custOp, 2*n), make(map[string]*custOp, n)
	exOps := make(map[int64]*custOp, n)
	existingOp := func(id int64) *custOp {
		if op := exOps[id]; op != nil {
			return op
		}
		op := &custOp{id: id}
		if kind == KindCustomers {
			op.action = dupAction(dup.main)
			p.count(KindCustomers, op.action)
			if op.action == ActionUpdate {
				p.custs = append(p.custs, op)
			}
		}
		exOps[id] = op
		return op
	}
	find := func(key string, file map[string]*custOp, ex map[string]int64) *custOp {
		if key == "" {
			return nil
		}
		if op := file[key]; op != nil {
			return op
		}
		if id, ok := ex[key]; ok {
			return existingOp(id)
		}
		return nil
	}
	for i := range recs {
		r := &recs[i]
		nameKey, phones, email := r.customerKeys(kind == KindCustomers)
		op := find(nameKey, fName, exName)
		for _, ph := range phones {
			if op == nil {
				op = find(ph, fPhone, exPhone)
			}
		}
		if op == nil {
			op = find(email, fEmail, exEmail)
		}
		if op == nil {
			op = &custOp{action: ActionNew, vals: store.ImportedCustomer{Name: r.cust.Name}}
			p.count(KindCustomers, ActionNew)
			p.custs = append(p.custs, op)
		}
		if op.first == 0 {
			op.first = r.row
		}
		if _, ok := fName[nameKey]; !ok && nameKey != "" {
			fName[nameKey] = op
		}
		for _, ph := range phones {
			if _, ok := fPhone[ph]; !ok {
				fPhone[ph] = op
			}
		}
		if _, ok := fEmail[email]; !ok && email != "" {
			fEmail[email] = op
		}
		action := op.action
		if kind == KindCustomers {
			if op.seen {
				action = p.again(KindCustomers, op.action)
			}
			op.seen = true
			mergeCustomer(merger{p: p, kind: KindCustomers, row: r.row, first: op.first, quiet: op.action == ActionSkip}, op, r)
		}
		if r.contact != nil {
			if a := p.planContact(op, r, byCust, dup.contacts); kind == KindContacts {
				action = a
			}
		}
		if len(p.rowActions) < SampleRows {
			p.rowActions = append(p.rowActions, action)
		}
	}
	return p, nil
}

// planContact finds the row's contact among those of its customer, the
// file's earlier rows' first, then the customer's own: by phone, else by
// email, else by name, unless the phone and the email both differ (given
// on both sides): that is another person of the same name. It returns
// what the row does to the contact.
func (p *entityPlan) planContact(op *custOp, r *entityRec, byCust map[int64][]store.ContactKey, choice string) string {
	c := r.contact
	name, phone, email := strings.ToLower(c.Name), dupe.Phone(c.Phone), dupe.Email(c.Email)
	var co *contOp
	if choice != DupCreate {
		co = p.findContact(op, name, phone, email, byCust, choice)
	}
	action := ActionNew
	switch {
	case co == nil:
		co = &contOp{action: ActionNew, cust: op}
		op.contacts = append(op.contacts, co)
		p.contacts = append(p.contacts, co)
		p.count(KindContacts, ActionNew)
	case co.seen:
		action = p.again(KindContacts, co.action)
	default:
		action = co.action
	}
	if !co.seen {
		co.seen, co.first = true, r.row
	}
	mergeContact(merger{p: p, kind: KindContacts, row: r.row, first: co.first, quiet: co.action == ActionSkip}, co, c)
	return action
}

// findContact is the contact a row with these folded keys is, or nil.
// Claiming one of the customer's own contacts plans its update (or skip).
func (p *entityPlan) findContact(op *custOp, name, phone, email string, byCust map[int64][]store.ContactKey, choice string) *contOp {
	var own []store.ContactKey
	if op.id != 0 {
		own = byCust[op.id]
	}
	claim := func(k store.ContactKey) *contOp {
		for _, co := range op.contacts {
			if co.id == k.ID {
				return co
			}
		}
		co := &contOp{id: k.ID, action: dupAction(choice), cust: op, name: strings.ToLower(k.Name), phone: k.PhoneKey, email: k.EmailKey}
		op.contacts = append(op.contacts, co)
		p.count(KindContacts, co.action)
		if co.action == ActionUpdate {
			p.contacts = append(p.contacts, co)
		}
		return co
	}
	// find is the first contact match says is the row's: among those
	// earlier rows planned for this customer, then among its own.
	find := func(match func(name, phone, email string) bool) *contOp {
		for _, co := range op.contacts {
			if match(co.name, co.phone, co.email) {
				return co
			}
		}
		for _, k := range own {
			if match(strings.ToLower(k.Name), k.PhoneKey, k.EmailKey) {
				return claim(k)
			}
		}
		return nil
	}
	// By phone, else email, else the same name: the same person unless
	// both the phone and the email say otherwise.
	for _, match := range []func(n, ph, em string) bool{
		func(_, ph, _ string) bool { return phone != "" && ph == phone },
		func(_, _, em string) bool { return email != "" && em == email },
		func(n, ph, em string) bool {
			return n == name && !(phone != "" && ph != "" && ph != phone && email != "" && em != "" && em != email)
		},
	} {
		if co := find(match); co != nil {
			return co
		}
	}
	return nil
}

func planProducts(ctx context.Context, q store.Querier, p *entityPlan, recs []entityRec, dup dupChoices) error {
	codes, err := store.ProductCodes(ctx, q)
	if err != nil {
		return err
	}
	file := make(map[string]*prodOp, len(recs))
	for i := range recs {
		r := &recs[i]
		key := strings.ToLower(r.product.Code)
		op := file[key]
		action := ""
		switch {
		case op != nil:
			action = p.again(KindProducts, op.action)
		case codes[key] != 0:
			op = &prodOp{id: codes[key], action: dupAction(dup.main), first: r.row}
			p.count(KindProducts, op.action)
			if op.action == ActionUpdate {
				p.products = append(p.products, op)
			}
		default:
			op = &prodOp{action: ActionNew, p: store.Product{Code: r.product.Code}, first: r.row}
			p.count(KindProducts, ActionNew)
			p.products = append(p.products, op)
		}
		if action == "" {
			action = op.action
		}
		mergeProduct(merger{p: p, kind: KindProducts, row: r.row, first: op.first, quiet: op.action == ActionSkip}, op, r)
		file[key] = op
		if len(p.rowActions) < SampleRows {
			p.rowActions = append(p.rowActions, action)
		}
	}
	return nil
}

// mergeCustomer puts the row's given (non-empty) values over the
// customer's.
func mergeCustomer(m merger, op *custOp, r *entityRec) {
	d, src := &op.vals, &r.cust
	m.str(EFClassification, msg.LabelClassification, &d.Classification, &op.from[0], src.Classification, nil)
	m.str(EFSource, msg.LabelSource, &d.Source, &op.from[1], src.Source, nil)
	m.str(EFIndustry, msg.LabelIndustry, &d.Industry, &op.from[2], src.Industry, nil)
	m.str(EFPhone, msg.LabelPhone, &d.Phone, &op.from[3], src.Phone, dupe.Phone)
	m.str(EFAddress, msg.LabelAddress, &d.Address, &op.from[4], src.Address, nil)
	m.str(EFNotes, msg.LabelNotes, &d.Notes, &op.from[5], src.Notes, nil)
	m.str(EFLevel, msg.LabelLevel, &d.Level, &op.from[6], src.Level, nil)
	m.str(EFOwner, msg.LabelOwner, &op.owner, &op.from[7], r.owner, nil)
}

func mergeContact(m merger, co *contOp, src *store.Contact) {
	d := &co.c
	m.str(EFContactName, msg.LabelContactName, &d.Name, &co.from[0], src.Name, strings.ToLower)
	m.str(EFContactTitle, msg.LabelContactTitle, &d.Title, &co.from[1], src.Title, nil)
	m.str(EFContactMobile, msg.LabelContactMobile, &d.Phone, &co.from[2], src.Phone, dupe.Phone)
	m.str(EFContactEmail, msg.LabelContactEmail, &d.Email, &co.from[3], src.Email, dupe.Email)
	co.name = strings.ToLower(d.Name)
	if k := dupe.Phone(d.Phone); k != "" {
		co.phone = k
	}
	if k := dupe.Email(d.Email); k != "" {
		co.email = k
	}
}

func mergeProduct(m merger, op *prodOp, r *entityRec) {
	src := r.product
	m.str(EFProductName, msg.LabelProductName, &op.p.Name, &op.from[0], src.Name, nil)
	m.str(EFUnit, msg.LabelUnit, &op.p.Unit, &op.from[1], src.Unit, nil)
	m.str(EFDescription, msg.LabelDescription, &op.p.Description, &op.from[2], src.Description, nil)
	if r.priceGiven {
		if !op.priceGiven || op.p.PriceCents != src.PriceCents {
			if op.priceGiven && !m.quiet {
				m.note(EFPrice, msg.LabelStandardPrice, op.from[3], centsText(op.p.PriceCents), centsText(src.PriceCents))
			}
			op.p.PriceCents, op.priceGiven, op.from[3] = src.PriceCents, true, r.row
		}
	}
	if len(r.category) > 0 {
		cat := strings.Join(op.category, "/")
		m.str(EFCategory, msg.LabelProductCategory, &cat, &op.from[4], strings.Join(r.category, "/"), nil)
		op.category = r.category
	}
	m.str(EFOwner, msg.LabelOwner, &op.owner, &op.from[5], r.owner, nil)
	// Compared by meaning, noted as written: 是 after 启用 changes nothing
	// and keeps the first row's word.
	if activeValue(op.activeText) != activeValue(r.activeText) {
		m.str(EFActive, msg.LabelProductActive, &op.activeText, &op.from[6], r.activeText, nil)
	}
}

// centsText writes cents as a price the way a file does: 1234.5 → 1234.50.
func centsText(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return sign + strconv.FormatInt(c/100, 10) + "." + fmt.Sprintf("%02d", c%100)
}

// importEntities checks a customer, contact or product file and writes
// it in one transaction: all rows or none.
func importEntities(ctx context.Context, st *store.Store, t *Table, kind string, opts Options) (Result, error) {
	res := Result{Kind: kind, Format: t.Format, Encoding: t.Encoding, Ignored: []string{}, StagesMapped: []string{}, StagesCreated: []string{},
		TypesAdded: []string{}, Counts: []KindCount{}}
	mapping := opts.Mapping
	if mapping == nil {
		mapping = kindMapping(kind, t.Headers)
	}
	missing, err := checkKindMapping(t, kind, mapping)
	if err != nil {
		return res, err
	}
	if res.Ignored, err = readyToWrite(t, mapping, missing); err != nil {
		return res, err
	}
	dup, err := newDupChoices(kind, opts.OnDuplicate, opts.OnDuplicateContacts)
	if err != nil {
		return res, err
	}
	defaultOwner, err := opts.defaultOwnerName()
	if err != nil {
		return res, err
	}
	err = st.ImportTx(ctx, func(tx store.Tx) error {
		levels, err := pool.Levels(ctx, tx)
		if err != nil {
			return err
		}
		var bad []RowError
		recs := newEntityChecker(kind, t, mapping, levels).run(func(e RowError) { bad = append(bad, e) })
		if len(bad) > 0 {
			return &RowErrors{Errors: bad}
		}
		plan, err := planEntities(ctx, tx, kind, recs, dup)
		if err != nil {
			return err
		}
		firstOwner, err := nextID(ctx, tx, "owners")
		if err != nil {
			return err
		}
		w, err := store.NewEntityWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.Close()
		owners, err := newOwnerResolver(ctx, tx, opts.DefaultOwnerID, defaultOwner)
		if err != nil {
			return err
		}
		if err := writePlan(ctx, tx, w, plan, owners, opts.Progress, len(t.Rows)); err != nil {
			return err
		}
		if err := w.Finish(); err != nil {
			return err
		}
		var lw *store.LeadWriter
		if kind == KindLeads {
			if lw, err = store.NewLeadWriter(ctx, tx); err != nil {
				return err
			}
			defer lw.Close()
			done := 0
			step := func() error {
				if done++; done%1024 == 0 {
					if opts.Progress != nil {
						opts.Progress(min(done, len(t.Rows)), len(t.Rows))
					}
					return ctx.Err()
				}
				return nil
			}
			if err := writeLeads(lw, plan, owners, step); err != nil {
				return err
			}
			if err := lw.Finish(); err != nil {
				return err
			}
		}
		res.Counts = plan.countList()
		main := plan.counts[kind]
		res.Added, res.Updated, res.Skipped, res.Merged, res.Unchanged = main.New, main.Updated, main.Skipped, main.Merged, main.Unchanged
		res.Notes, res.NoteCount = plan.notes, len(plan.notes)
		res.OwnersCreated = owners.created
		if c := plan.counts[KindCustomers]; c != nil {
			res.CustomersCreated = c.New
		}
		mj, _ := json.Marshal(map[string]any{"headers": t.Headers, "mapping": mapping, "onDuplicate": dup.main,
			"onDuplicateContacts": dup.contacts, "counts": res.Counts, "notes": res.shown().Notes, "noteCount": res.NoteCount})
		id, err := store.InsertImport(ctx, tx, store.Import{FileName: opts.FileName, Kind: kind, CreatedAt: store.Now(),
			Added: res.Added, Updated: res.Updated, Skipped: res.Skipped, Summary: Summary(res, opts.FileName), Mapping: string(mj)})
		if err != nil {
			return err
		}
		res.ImportID = id
		nextOwner, err := nextID(ctx, tx, "owners")
		if err != nil {
			return err
		}
		for _, r := range []struct {
			table       string
			first, next int64
		}{{"customers", w.FirstCustomer, w.NextCustomer}, {"contacts", w.FirstContact, w.NextContact},
			{"products", w.FirstProduct, w.NextProduct}, {"categories", w.FirstCategory, w.NextCategory}, {"owners", firstOwner, nextOwner}} {
			if err := store.AddImportItems(ctx, tx, id, r.table, r.first, r.next); err != nil {
				return err
			}
		}
		updated := w.Updated
		if lw != nil {
			if err := store.AddImportItems(ctx, tx, id, "leads", lw.First, lw.Next); err != nil {
				return err
			}
			updated = append(updated, lw.Updated...)
		}
		for _, it := range updated {
			if err := store.AddImportItem(ctx, tx, id, it); err != nil {
				return err
			}
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "import", ID: id, Name: opts.FileName, Action: oplog.Import, New: res.shown()})
	})
	if err != nil {
		return Result{Kind: kind, Format: res.Format, Encoding: res.Encoding, Ignored: res.Ignored, Counts: []KindCount{}}, err
	}
	return res, nil
}

// checkKindMapping refuses a mapping that does not fit the file or names
// unknown or repeated fields, and reports each required field no column
// maps to as an error on the header row.
func checkKindMapping(t *Table, kind string, mapping []string) ([]RowError, error) {
	fields := kindFields(kind)
	if len(mapping) != len(t.Headers) {
		return nil, apperr.Invalid("mapping", msg.MappingLength, msg.P{"want": len(t.Headers), "got": len(mapping)})
	}
	seen := map[string]bool{}
	for _, k := range mapping {
		if k == "" {
			continue
		}
		var f *Field
		for i := range fields {
			if fields[i].Key == k {
				f = &fields[i]
			}
		}
		if f == nil {
			return nil, apperr.Invalid("mapping", msg.MappingUnknown, msg.P{"name": clip(k)})
		}
		if seen[k] {
			return nil, apperr.Invalid("mapping", msg.MappingTwice, msg.P{"label": f.label})
		}
		seen[k] = true
	}
	var errs []RowError
	for _, f := range fields {
		if !f.Required || seen[f.Key] {
			continue
		}
		// A contact file may give the name as first + last name.
		if f.Key == EFContactName && (seen[EFContactFirst] || seen[EFContactLast]) {
			continue
		}
		e := apperr.Invalid(f.Key, msg.MissingColumn, msg.P{"label": f.label})
		errs = append(errs, RowError{Row: t.HeaderRow, Column: f.Label, Field: f.Key, Key: e.Key, Params: e.Params, Message: e.Message,
			MessageEn: e.MessageEn})
	}
	return errs, nil
}
