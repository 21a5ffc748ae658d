package importer

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"funneldesk/backend/apperr"
	"funneldesk/backend/dupe"
	"funneldesk/backend/msg"
	"funneldesk/backend/pool"
	"funneldesk/backend/store"

	"funneldesk/backend/svc"
)

// Limits of what the UI is sent at once.
const (
	SampleRows     = 20
	MaxErrorsShown = 200
	// keptJobs bounds the finished imports whose progress can still be read.
	keptJobs = 8
)

// Preview describes a parsed file and how its columns map, with the
// problems the rows have under that mapping.
type Preview struct {
	Token     string   `json:"token"`
	FileName  string   `json:"fileName"`
	Format    string   `json:"format"`
	Encoding  string   `json:"encoding"`
	Delimiter string   `json:"delimiter"`
	Sheet     string   `json:"sheet"`
	Headers   []string `json:"headers"`
	// Mapping holds each column's field key; "" means the column is ignored.
	Mapping []string `json:"mapping"`
	// Unmapped are the headers of the ignored columns.
	Unmapped  []string   `json:"unmapped"`
	Fields    []Field    `json:"fields"`
	Sample    [][]string `json:"sample"`
	TotalRows int        `json:"totalRows"`
	// Errors are the first MaxErrorsShown problems; ErrorCount counts all.
	Errors     []RowError `json:"errors"`
	ErrorCount int        `json:"errorCount"`

	// Source is the CRM the file was exported from ("" unknown), SourceName its name.
	Source     string `json:"source"`
	SourceName string `json:"sourceName"`
	// Stages lists each stage value of the file with its suggestion.
	Stages []StageChoice `json:"stages"`
	// DateOrder is the order ambiguous dates are read in; DateOrderNeeded
	// says the file has such dates and nothing decides their order.
	DateOrder       string `json:"dateOrder"`
	DateOrderNeeded bool   `json:"dateOrderNeeded"`
	// New, Update and Duplicate count the rows that would add an
	// opportunity and those matching an existing one (updated or skipped
	// by the on-duplicate choice); RowActions gives it for the sample rows.
	New        int      `json:"new"`
	Duplicates int      `json:"duplicates"`
	RowActions []string `json:"rowActions"`

	// Kind is what the rows are (opportunities, customers, contacts,
	// products): the one chosen, else guessed from the headers. Counts
	// tells, per kind of record, how many rows' records would be added,
	// updated and skipped under the on-duplicate choices (customer,
	// contact and product files); RowActions is then new, update or skip.
	Kind   string      `json:"kind"`
	Counts []KindCount `json:"counts"`
	// Notes are the first MaxErrorsShown values a later row of the same
	// record would replace (see MergeNote); NoteCount counts them all.
	Notes     []MergeNote `json:"notes"`
	NoteCount int         `json:"noteCount"`
	// NewCustomers counts the customers an opportunity file would add:
	// names that normalize alike (查重) are one.
	NewCustomers int `json:"newCustomers"`
}

// PreviewOptions are the user's choices the preview is checked under.
type PreviewOptions struct {
	Mapping     []string      `json:"mapping"`
	Stages      []StageChoice `json:"stages"`
	DateOrder   string        `json:"dateOrder"`
	OnDuplicate string        `json:"onDuplicate"`
	// DefaultOwnerID (0: automatic) owns the rows whose owner is empty.
	DefaultOwnerID int64 `json:"defaultOwnerId"`
	// Kind is what the rows are ("" = guessed from the headers); a
	// changed kind needs Mapping nil (mapped anew).
	Kind string `json:"kind"`
	// OnDuplicateContacts is the on-duplicate choice for the contacts of
	// a customer file ("" = as OnDuplicate).
	OnDuplicateContacts string `json:"onDuplicateContacts"`
}

func choiceMap(cs []StageChoice) map[string]StageChoice {
	if len(cs) == 0 {
		return nil
	}
	m := make(map[string]StageChoice, len(cs))
	for _, c := range cs {
		m[c.Value] = c
	}
	return m
}

// Progress is the state of an import started with Start.
type Progress struct {
	JobID      string     `json:"jobId"`
	Done       int        `json:"done"`
	Total      int        `json:"total"`
	Finished   bool       `json:"finished"`
	OK         bool       `json:"ok"`
	Result     Result     `json:"result"`
	Errors     []RowError `json:"errors"`
	ErrorCount int        `json:"errorCount"`
	Message    string     `json:"message"`
	MessageEn  string     `json:"messageEn"`
}

// Service is bound to the UI: preview a file, adjust the mapping, import in
// the background and poll the progress. It keeps one parsed file at a time.
type Service struct {
	st  *store.Store
	env *svc.Env

	mu      sync.Mutex
	file    *loadedFile
	running string // the job id of the import under way, if any
	// undoing is the import an undo under way undoes (0: none); undoDone
	// of its undoTotal records are dealt with.
	undoing             int64
	undoDone, undoTotal atomic.Int64
	jobs                map[string]*job
	order               []string
}

type loadedFile struct {
	token string
	name  string
	table *Table
}

type job struct {
	id    string
	done  atomic.Int64
	total int

	mu       sync.Mutex
	finished bool
	ok       bool
	result   Result
	errors   []RowError
	count    int
	msg      string
	msgEn    string
}

// NewService returns the import service over st.
func NewService(st *store.Store, env *svc.Env) *Service {
	return &Service{st: st, env: env, jobs: map[string]*job{}}
}

// PreviewFile parses a file on this computer and maps its headers. The page
// names the path, so only a file the user chose in the open dialog (or, in
// the headless server, one under its --save-dir or --open-dir) is read.
func (s *Service) PreviewFile(path string) (Preview, error) {
	if !s.env.MayOpen(path) {
		return Preview{}, apperr.Invalid("path", msg.ImportNotChosen, nil)
	}
	src, err := FileSource(path)
	if err != nil {
		return Preview{}, err
	}
	return s.load(src)
}

// PreviewData parses a file the browser uploaded (its bytes in base64).
func (s *Service) PreviewData(fileName string, base64Content string) (Preview, error) {
	// A data: URL prefix, as FileReader.readAsDataURL gives, is tolerated.
	if i := strings.Index(base64Content, ";base64,"); i >= 0 && strings.HasPrefix(base64Content, "data:") {
		base64Content = base64Content[i+len(";base64,"):]
	}
	b, err := base64.StdEncoding.DecodeString(base64Content)
	if err != nil {
		// Wrapped lines or missing padding, as some encoders write.
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(strings.Join(strings.Fields(base64Content), ""), "="))
	}
	if err != nil {
		return Preview{}, apperr.Invalid("file", msg.ImportBase64)
	}
	return s.load(Source{Name: filepath.Base(fileName), Data: b})
}

func (s *Service) load(src Source) (Preview, error) {
	s.mu.Lock()
	if s.running != "" {
		s.mu.Unlock()
		return Preview{}, errBusy()
	}
	s.file = nil // let the previous file go before reading the next
	s.mu.Unlock()
	t, err := Parse(src)
	if err != nil {
		return Preview{}, err
	}
	f := &loadedFile{token: newID(), name: src.Name, table: t}
	s.mu.Lock()
	if s.running != "" {
		s.mu.Unlock()
		return Preview{}, errBusy()
	}
	s.file = f
	s.mu.Unlock()
	return s.preview(f, PreviewOptions{})
}

// Validate checks the rows again under an adjusted mapping, stage choices
// and date order.
func (s *Service) Validate(token string, opts PreviewOptions) (Preview, error) {
	f, err := s.get(token)
	if err != nil {
		return Preview{}, err
	}
	return s.preview(f, opts)
}

func (s *Service) preview(f *loadedFile, opts PreviewOptions) (Preview, error) {
	t := f.table
	kind := opts.Kind
	if kind == "" {
		kind = DetectKind(t.Headers)
	}
	if err := checkKind(kind); err != nil {
		return Preview{}, err
	}
	if kind != KindOpportunities {
		return s.entityPreview(f, kind, opts)
	}
	crm := detectCRM(t.Headers)
	mapping := opts.Mapping
	if mapping == nil {
		mapping = autoMapping(t.Headers, crm)
	}
	p := Preview{Token: f.token, FileName: f.name, Format: t.Format, Encoding: t.Encoding, Delimiter: t.Delimiter,
		Sheet: t.Sheet, Headers: t.Headers, Mapping: mapping, Unmapped: []string{}, Fields: Fields,
		Sample: [][]string{}, TotalRows: len(t.Rows), Errors: []RowError{}, Kind: KindOpportunities, Counts: []KindCount{},
		Notes: []MergeNote{}}
	missing, err := checkMapping(t, mapping)
	if err != nil {
		return Preview{}, err
	}
	p.describe(t, mapping, missing)
	if len(missing) > 0 {
		return p, nil
	}
	emit := p.addError
	ctx := s.env.Ctx()
	stages, err := store.ImportStages(ctx, s.st.DB)
	if err != nil {
		return Preview{}, err
	}
	if crm >= 0 {
		p.Source, p.SourceName = crms[crm].Key, crms[crm].Name
	}
	order, needed, conflict := detectDateOrder(t, mapping, crm)
	p.DateOrderNeeded = needed && order == ""
	if opts.DateOrder != "" {
		order = opts.DateOrder
		p.DateOrderNeeded = false
	}
	p.DateOrder = order
	if conflict && opts.DateOrder == "" {
		e := apperr.Invalid("dateOrder", msg.ImportDateConflict)
		emit(RowError{Row: t.HeaderRow, Field: "dateOrder", Key: e.Key, Message: e.Message, MessageEn: e.MessageEn})
	}
	choices, err := applyStageChoices(suggestStages(t, mapping, crm, stages), choiceMap(opts.Stages), false, stages)
	if err != nil {
		return Preview{}, err
	}
	p.Stages = choices
	// Stages to be created are checked as if they were there.
	c := newChecker(t, mapping, stages)
	c.crm, c.dateOrder = crm, order
	c.choices = map[string]StageChoice{}
	for i, ch := range choices {
		if ch.Action == ChoiceCreate {
			ch.StageID = -int64(i + 1)
			c.byID[ch.StageID] = store.Stage{ID: ch.StageID, Name: ch.NewName, ProbabilityBP: ch.NewBP, Kind: store.KindOpen}
		}
		c.choices[ch.Value] = ch
	}
	if c.types, err = store.OpportunityTypes(ctx, s.st.DB, c.types); err != nil {
		return Preview{}, err
	}
	if c.typeSets, err = store.StageSetTypes(ctx, s.st.DB); err != nil {
		return Preview{}, err
	}
	recs := c.run(emit, true)
	if recs != nil {
		merged, notes, err := s.countDuplicates(ctx, &p, recs, oppFile{t, mapping}, opts.OnDuplicate)
		if err != nil {
			return Preview{}, err
		}
		p.Notes, p.NoteCount = Result{Notes: notes}.shown().Notes, len(notes)
		oc := KindCount{Kind: KindOpportunities, New: p.New, Updated: p.Duplicates, Merged: merged}
		switch opts.OnDuplicate {
		case DupSkip:
			oc.Updated, oc.Skipped = 0, p.Duplicates
		case DupCreate:
			oc.New, oc.Updated = p.New+p.Duplicates, 0
		}
		p.Counts = []KindCount{oc, {Kind: KindCustomers, New: p.NewCustomers}}
	}
	return p, nil
}

// countDuplicates tells, for the checked rows, which would add an
// opportunity and which match one (by external id, else name + customer +
// expected close date), as the import will.
//
// A row of a record an earlier row of the file reached is merged into it
// (merged counts them); notes are the values it replaces.
func (s *Service) countDuplicates(ctx context.Context, p *Preview, recs []record, file oppFile, onDup string) (merged int, notes []MergeNote, err error) {
	names := map[string]struct{}{}
	for _, r := range recs {
		names[r.customer] = struct{}{}
	}
	customers, err := store.CustomerIDsByName(ctx, s.st.DB, names)
	if err != nil {
		return 0, nil, err
	}
	byExt, byNatural := map[string]bool{}, map[string]bool{}
	inFile := map[string]fileRow{}
	if err := store.EachOppKey(ctx, s.st.DB, func(k store.OppKey) {
		if k.ExternalID != "" {
			byExt[k.ExternalID] = true
		}
		byNatural[naturalKey(k.Name, k.CustomerID, k.ExpectedClose)] = true
	}); err != nil {
		return 0, nil, err
	}
	p.RowActions = []string{}
	newCust := map[string]int64{}
	for i, r := range recs {
		cid, ok := customers[r.customer]
		if !ok {
			// Names that normalize alike (华强电子, 华强电子有限公司) are one
			// new customer, as the import makes them.
			key := dupe.Name(r.customer)
			if newCust[key] == 0 {
				newCust[key] = -int64(len(newCust) + 1)
			}
			cid = newCust[key]
		}
		nk := naturalKey(r.opp.Name, cid, r.opp.ExpectedClose)
		dup := byNatural[nk]
		key := "n" + nk
		if r.opp.ExternalID != "" {
			dup = byExt[r.opp.ExternalID]
			key = "e" + r.opp.ExternalID
		}
		action := "new"
		if prev, ok := inFile[key]; ok && onDup != DupCreate {
			// A row of a record an earlier row of the file reached.
			action = ActionMerge
			if prev.id != 0 && onDup == DupSkip {
				// Skipped with the record there was.
				action = "duplicate"
				p.Duplicates++
			} else {
				merged++
				notes = file.notes(notes, int(prev.idx), r.idx, int(prev.first))
				inFile[key] = fileRow{id: prev.id, idx: int32(r.idx), first: prev.first}
			}
		} else {
			fr := fileRow{idx: int32(r.idx), first: int32(file.t.Rows[r.idx].Num)}
			if dup {
				action = "duplicate"
				p.Duplicates++
				fr.id = 1 // a record there was
			} else {
				p.New++
			}
			inFile[key] = fr
		}
		if i < SampleRows {
			p.RowActions = append(p.RowActions, action)
		}
	}
	p.NewCustomers = len(newCust)
	return merged, notes, nil
}

// Start imports the previewed file with the given mapping in the
// background and returns the job id to poll with Progress. defaultOwnerID
// (0: automatic) owns the rows whose owner is empty.
func (s *Service) Start(token string, opts PreviewOptions) (string, error) {
	f, err := s.get(token)
	if err != nil {
		return "", err
	}
	kind := opts.Kind
	if kind == "" {
		kind = DetectKind(f.table.Headers)
	}
	if err := checkKind(kind); err != nil {
		return "", err
	}
	mapping := opts.Mapping
	if mapping == nil {
		mapping = kindMapping(kind, f.table.Headers)
	}
	check := checkMapping
	if kind != KindOpportunities {
		check = func(t *Table, m []string) ([]RowError, error) { return checkKindMapping(t, kind, m) }
	}
	missing, err := check(f.table, mapping)
	if err != nil {
		return "", err
	}
	opts.Kind = kind
	if len(missing) > 0 {
		return "", (&RowErrors{Errors: missing}).summary()
	}
	j := &job{id: newID(), total: len(f.table.Rows)}
	s.mu.Lock()
	if s.running != "" {
		s.mu.Unlock()
		return "", errBusy()
	}
	if s.undoing != 0 {
		s.mu.Unlock()
		return "", errUndoBusy()
	}
	s.running = j.id
	s.jobs[j.id] = j
	s.order = append(s.order, j.id)
	for len(s.order) > keptJobs {
		delete(s.jobs, s.order[0])
		s.order = s.order[1:]
	}
	s.mu.Unlock()

	go s.run(j, f, mapping, opts)
	return j.id, nil
}

func (s *Service) run(j *job, f *loadedFile, mapping []string, po PreviewOptions) {
	opts := Options{Mapping: mapping, DefaultOwnerID: po.DefaultOwnerID, FileName: f.name, StageMap: choiceMap(po.Stages),
		DateOrder: po.DateOrder, OnDuplicate: po.OnDuplicate, OnDuplicateContacts: po.OnDuplicateContacts,
		Progress: func(done, _ int) { j.done.Store(int64(done)) }}
	res, err := importAny(s.env.Ctx(), s.st, f.table, po.Kind, opts)

	j.mu.Lock()
	j.finished = true
	j.result = res.shown()
	var rowErrs *RowErrors
	switch {
	case err == nil && res.Kind != KindOpportunities:
		j.ok = true
		j.msg, j.msgEn = entitiesSummary(msg.Zh, res), Summary(res, f.name)
	case err == nil:
		j.ok = true
		j.msg = "已导入 " + itoa(res.Opportunities) + " 条销售机会（新增 " + itoa(res.Added) + "，更新 " + itoa(res.Updated) +
			"，跳过 " + itoa(res.Skipped) + "，合并 " + itoa(res.Merged) + "；新建客户 " + itoa(res.CustomersCreated) + " 个，新建负责人 " + itoa(res.OwnersCreated) + " 个）"
		if res.Unchanged > 0 {
			j.msg += "；" + itoa(res.Unchanged) + " 行与已有记录相同，未改动"
		}
		j.msgEn = Summary(res, f.name)
	case asRowErrors(err, &rowErrs):
		j.count = len(rowErrs.Errors)
		j.errors = rowErrs.Errors[:min(len(rowErrs.Errors), MaxErrorsShown)]
		sum := rowErrs.summary()
		j.msg, j.msgEn = sum.Message, sum.MessageEn
	default:
		e := apperr.Format(err).(*apperr.Error)
		j.msg, j.msgEn = e.Message, e.MessageEn
	}
	j.mu.Unlock()

	s.mu.Lock()
	s.running = ""
	if err == nil && s.file == f {
		s.file = nil // imported: the file is not needed any more
	}
	s.mu.Unlock()
}

// Progress reports how far an import is.
func (s *Service) Progress(jobID string) (Progress, error) {
	s.mu.Lock()
	j, ok := s.jobs[jobID]
	s.mu.Unlock()
	if !ok {
		return Progress{}, apperr.NotFound("jobId", msg.ImportNoSuchJob)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	p := Progress{JobID: j.id, Done: int(j.done.Load()), Total: j.total, Finished: j.finished, OK: j.ok,
		Result: j.result, Errors: j.errors, ErrorCount: j.count, Message: j.msg, MessageEn: j.msgEn}
	if p.Errors == nil {
		p.Errors = []RowError{}
	}
	if p.Result.Ignored == nil {
		p.Result.Ignored = []string{}
	}
	if !p.Finished {
		p.Message, p.MessageEn = msg.Render(msg.Zh, msg.Importing, nil), msg.Render(msg.En, msg.Importing, nil)
	}
	return p, nil
}

func (s *Service) get(token string) (*loadedFile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil || s.file.token != token {
		return nil, apperr.NotFound("token", msg.ImportFileExpired)
	}
	return s.file, nil
}

func errBusy() error {
	return apperr.Conflict("", msg.ImportBusy)
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// describe fills the columns p ignores and its sample rows, and lists the
// required columns mapping misses as p's errors.
func (p *Preview) describe(t *Table, mapping []string, missing []RowError) {
	p.Unmapped = ignoredColumns(t, mapping)
	for i := 0; i < len(t.Rows) && i < SampleRows; i++ {
		row := make([]string, len(t.Headers))
		copy(row, t.Rows[i].Cells)
		p.Sample = append(p.Sample, row)
	}
	for _, e := range missing {
		p.addError(e)
	}
}

// addError keeps the first MaxErrorsShown errors and counts them all.
func (p *Preview) addError(e RowError) {
	if len(p.Errors) < MaxErrorsShown {
		p.Errors = append(p.Errors, e)
	}
	p.ErrorCount++
}

// entityPreview checks a customer, contact or product file and tells what
// importing it would do, row by row and per kind of record.
func (s *Service) entityPreview(f *loadedFile, kind string, opts PreviewOptions) (Preview, error) {
	t := f.table
	mapping := opts.Mapping
	if mapping == nil {
		mapping = kindMapping(kind, t.Headers)
	}
	p := Preview{Token: f.token, FileName: f.name, Format: t.Format, Encoding: t.Encoding, Delimiter: t.Delimiter,
		Sheet: t.Sheet, Headers: t.Headers, Mapping: mapping, Unmapped: []string{}, Fields: kindFields(kind),
		Sample: [][]string{}, TotalRows: len(t.Rows), Errors: []RowError{}, Stages: []StageChoice{}, Kind: kind,
		Counts: []KindCount{}, RowActions: []string{}, Notes: []MergeNote{}}
	missing, err := checkKindMapping(t, kind, mapping)
	if err != nil {
		return Preview{}, err
	}
	dup, err := newDupChoices(kind, opts.OnDuplicate, opts.OnDuplicateContacts)
	if err != nil {
		return Preview{}, err
	}
	p.describe(t, mapping, missing)
	if len(missing) > 0 {
		return p, nil
	}
	emit := p.addError
	ctx := s.env.Ctx()
	levels, err := pool.Levels(ctx, s.st.DB)
	if err != nil {
		return Preview{}, err
	}
	recs := newEntityChecker(kind, t, mapping, levels).run(emit)
	if recs == nil {
		return p, nil
	}
	plan, err := planEntities(ctx, s.st.DB, kind, recs, dup)
	if err != nil {
		return Preview{}, err
	}
	p.Counts, p.RowActions = plan.countList(), plan.rowActions
	main := plan.counts[kind]
	p.New, p.Duplicates = main.New, main.Updated+main.Skipped
	p.Notes, p.NoteCount = Result{Notes: plan.notes}.shown().Notes, len(plan.notes)
	return p, nil
}
