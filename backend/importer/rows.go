package importer

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/msg"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/store"
	"funneldesk/backend/validate"
)

// RowError is one problem in one row of the file. Row is the row number as
// Excel shows it (the header is row 1, the first data row 2); Column is the
// column's header as written in the file.
type RowError struct {
	Row       int     `json:"row"`
	Column    string  `json:"column"`
	Field     string  `json:"field"`
	Value     string  `json:"value"`
	Key       msg.Key `json:"key" ts_type:"string"`
	Params    msg.P   `json:"params,omitempty"`
	Message   string  `json:"message"`
	MessageEn string  `json:"messageEn"`
}

// record is a checked row, ready to write once owners and customers are
// resolved.
type record struct {
	opp      store.Opportunity
	customer string
	owner    string
	// closedAt is when a won or lost deal closed, for its stage history.
	closedAt string
	// existing is the record the row is, as the database was before the
	// import (0: none; findErr: the look-up failed).
	existing int64
	findErr  error
	// idx is the row's index in the table (for merge notes).
	idx int
}

// checker validates rows against one mapping and the current stages.
type checker struct {
	t      *Table
	col    []int // per field of Fields: the column index, -1 if unmapped
	stages map[string]store.Stage
	names  string // the usable stages, for the "unknown stage" message

	// What a foreign file needs: the system it came from (-1 none), each
	// stage value's choice (nil: stage names must be ours), the stages by
	// id and kind, the file's date order and decimal separator, and the
	// opportunity types allowed.
	crm       int
	choices   map[string]StageChoice
	byID      map[int64]store.Stage
	dateOrder string
	decimal   decimalStyle
	types     []string
	// newTypes collects the foreign types the rows bring (added to the
	// configurable list on import).
	newTypes map[string]bool
	// typeSets maps a type to its stage set (migration 0023; a type in
	// none uses the shared stages); list is the stages in funnel order.
	typeSets map[string]int64
	list     []store.Stage
}

// checkMapping refuses a mapping that cannot be applied to t (wrong length,
// unknown or repeated field) and reports each required field no column maps
// to as an error on the header row.
func checkMapping(t *Table, mapping []string) ([]RowError, error) {
	if len(mapping) != len(t.Headers) {
		return nil, apperr.Invalid("mapping", msg.MappingLength, msg.P{"want": len(t.Headers), "got": len(mapping)})
	}
	seen := map[string]bool{}
	for _, k := range mapping {
		if k == "" {
			continue
		}
		i, ok := fieldIndex[k]
		if !ok {
			return nil, apperr.Invalid("mapping", msg.MappingUnknown, msg.P{"name": clip(k)})
		}
		if seen[k] {
			f := Fields[i]
			return nil, apperr.Invalid("mapping", msg.MappingTwice, msg.P{"label": f.label})
		}
		seen[k] = true
	}
	var errs []RowError
	for _, f := range Fields {
		if f.Required && !seen[f.Key] {
			e := apperr.Invalid(f.Key, msg.MissingColumn, msg.P{"label": f.label})
			errs = append(errs, RowError{Row: t.HeaderRow, Column: f.Label, Field: f.Key,
				Key: e.Key, Params: e.Params, Message: e.Message, MessageEn: e.MessageEn})
		}
	}
	return errs, nil
}

// ignoredColumns are the named columns no field is mapped to.
func ignoredColumns(t *Table, mapping []string) []string {
	out := []string{}
	for i, k := range mapping {
		if k == "" && t.Headers[i] != "" {
			out = append(out, t.Headers[i])
		}
	}
	return out
}

// defaultOwnerName is the checked DefaultOwner, or "" when DefaultOwnerID
// or no name is given.
func (o Options) defaultOwnerName() (string, error) {
	if o.DefaultOwnerID != 0 || strings.TrimSpace(o.DefaultOwner) == "" {
		return "", nil
	}
	return validate.Text("defaultOwner", msg.LabelDefaultOwner, o.DefaultOwner, true, 50)
}

// readyToWrite refuses a file that misses required columns (missing, from
// checkMapping or checkKindMapping) or has no data rows, and gives the
// columns the import ignores.
func readyToWrite(t *Table, mapping []string, missing []RowError) ([]string, error) {
	if len(missing) > 0 {
		return []string{}, &RowErrors{Errors: missing}
	}
	ignored := ignoredColumns(t, mapping)
	if len(t.Rows) == 0 {
		return ignored, apperr.Invalid("file", msg.ImportNoRows)
	}
	return ignored, nil
}

func newChecker(t *Table, mapping []string, stages []store.Stage) *checker {
	c := &checker{t: t, col: make([]int, len(Fields)), stages: make(map[string]store.Stage, len(stages))}
	for i := range c.col {
		c.col[i] = -1
	}
	for i, k := range mapping {
		if j, ok := fieldIndex[k]; ok {
			c.col[j] = i
		}
	}
	var names []string
	for _, s := range stages {
		c.stages[s.Name] = s
		if !s.Retired {
			names = append(names, s.Name)
		}
	}
	c.names = strings.Join(names, "、")
	c.crm = -1
	c.list = stages
	c.types = opportunity.Types
	c.newTypes = map[string]bool{}
	c.byID = map[int64]store.Stage{}
	for _, s := range stages {
		c.byID[s.ID] = s
	}
	if col := c.col[iAmount]; col >= 0 {
		c.decimal = fileDecimalStyle(func(yield func(string) bool) {
			for i := range t.Rows {
				if !yield(t.Rows[i].cell(col)) {
					return
				}
			}
		})
	} else {
		c.decimal = '.'
	}
	return c
}

// dateColumns are the fields whose values decide the file's date order.
var dateColumns = []string{FieldExpectedClose, FieldCreated, FieldClosedDate}

// detectDateOrder decides the day/month order of a file's a/b/Y dates:
// from a value whose first or second part exceeds 12; else the exporting
// system's order (crm, -1 none); else "" (and needed reports whether some
// value is ambiguous, so that the user must say). conflict reports a file
// whose values say both.
func detectDateOrder(t *Table, mapping []string, crm int) (order string, needed, conflict bool) {
	var cols []int
	for i, k := range mapping {
		for _, d := range dateColumns {
			if k == d {
				cols = append(cols, i)
			}
		}
	}
	dmy, mdy := false, false
	for r := range t.Rows {
		for _, col := range cols {
			v, amb := dateVote(t.Rows[r].cell(col))
			dmy = dmy || v == OrderDMY
			mdy = mdy || v == OrderMDY
			needed = needed || amb
		}
	}
	switch {
	case dmy && mdy:
		return "", needed, true
	case dmy:
		return OrderDMY, false, false
	case mdy:
		return OrderMDY, false, false
	case crm >= 0 && crms[crm].dateOrder != "":
		return crms[crm].dateOrder, false, false
	}
	return "", needed, false
}

// run checks every row, reporting each problem to emit; with keep it also
// returns the checked records (nil as soon as any row is bad).
func (c *checker) run(emit func(RowError), keep bool) []record {
	var out []record
	if keep {
		out = make([]record, 0, len(c.t.Rows))
	}
	bad := false
	for i := range c.t.Rows {
		rec, ok := c.row(&c.t.Rows[i], emit)
		rec.idx = i
		if !ok {
			bad = true
		}
		if keep && !bad {
			out = append(out, rec)
		}
	}
	if bad {
		return nil
	}
	return out
}

// chunkRows is how many checked rows go to the writer at a time.
const chunkRows = 1024

// stream checks every row, reporting each problem to emit, and sends the
// checked records in chunks until the first bad row.
func (c *checker) stream(emit func(RowError), out chan<- []record) {
	chunk := make([]record, 0, chunkRows)
	bad := false
	for i := range c.t.Rows {
		rec, ok := c.row(&c.t.Rows[i], emit)
		rec.idx = i
		if !ok {
			bad = true
		}
		if bad {
			continue
		}
		chunk = append(chunk, rec)
		if len(chunk) == chunkRows {
			out <- chunk
			chunk = make([]record, 0, chunkRows)
		}
	}
	if !bad && len(chunk) > 0 {
		out <- chunk
	}
}

// customerNames are the customer names the rows give, to look up at once.
func (c *checker) customerNames() map[string]struct{} {
	names := make(map[string]struct{}, 1024)
	col := c.col[iCustomer]
	for i := range c.t.Rows {
		names[cleanCell(c.t.Rows[i].cell(col))] = struct{}{}
	}
	return names
}

// rowCheck collects one row's problems.
type rowCheck struct {
	c    *checker
	r    *Row
	emit func(RowError)
	ok   bool
}

func (rc *rowCheck) fail(field int, ae *apperr.Error) {
	rc.ok = false
	col := rc.c.col[field]
	e := RowError{Row: rc.r.Num, Field: Fields[field].Key, Key: ae.Key, Params: ae.Params, Message: ae.Message, MessageEn: ae.MessageEn}
	if col >= 0 {
		e.Column = clip(rc.c.t.Headers[col])
		e.Value = clip(strings.TrimSpace(rc.r.cell(col)))
	} else {
		e.Column = Fields[field].Label
	}
	rc.emit(e)
}

// value is the cell's text for a field, cleaned.
func (rc *rowCheck) value(field int) string {
	return cleanCell(rc.r.cell(rc.c.col[field]))
}

// cleanCell trims a cell and unwraps ="0123", Excel's way of keeping a text.
func cleanCell(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 3 && strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) {
		s = strings.ReplaceAll(s[2:len(s)-1], `""`, `"`)
	}
	return s
}

// stored is the xlsx cell's stored value when it differs from its text.
func (rc *rowCheck) stored(field int) string {
	return strings.TrimSpace(rc.r.raw(rc.c.col[field]))
}

func (rc *rowCheck) text(field int) string {
	f := Fields[field]
	s, err := validate.Text(f.Key, f.label, rc.value(field), f.Required, f.maxLen)
	if err != nil {
		e, _ := apperr.As(err)
		rc.fail(field, e)
	}
	return s
}

var (
	iName        = fieldIndex[FieldName]
	iCustomer    = fieldIndex[FieldCustomer]
	iOwner       = fieldIndex[FieldOwner]
	iAmount      = fieldIndex[FieldAmount]
	iClose       = fieldIndex[FieldExpectedClose]
	iStage       = fieldIndex[FieldStage]
	iProbability = fieldIndex[FieldProbability]
	iType        = fieldIndex[FieldType]
	iLostReason  = fieldIndex[FieldLostReason]
	iExternalID  = fieldIndex[FieldExternalID]
	iCreated     = fieldIndex[FieldCreated]
	iClosedDate  = fieldIndex[FieldClosedDate]
	iStatus      = fieldIndex[FieldStatus]
	iActive      = fieldIndex[FieldActive]
	iIsWon       = fieldIndex[FieldIsWon]
	iIsLost      = fieldIndex[FieldIsLost]
	iIsClosed    = fieldIndex[FieldIsClosed]
	iWeighted    = fieldIndex[FieldWeighted]
)

// date reads a date field under the file's order ("" if empty or bad).
func (rc *rowCheck) date(field int) string {
	s := rc.value(field)
	if s == "" {
		return ""
	}
	d, ok := parseDateOrder(s, rc.c.dateOrder)
	if !ok {
		d, ok = serialDate(rc.stored(field), rc.c.t.date1904)
	}
	if !ok {
		if v, amb := dateVote(s); v == "" && amb && rc.c.dateOrder == "" {
			rc.fail(field, apperr.Invalid(Fields[field].Key, msg.ImportDateAmbiguous, msg.P{"label": Fields[field].label}))
		} else {
			rc.fail(field, apperr.Invalid(Fields[field].Key, msg.ImportBadDate, msg.P{"label": Fields[field].label}))
		}
	}
	return d
}

// localMidnight is a file's date as a creation time, at midnight here.
func localMidnight(d string) string {
	t, err := time.ParseInLocation("2006-01-02", d, time.Local)
	if err != nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

// stage resolves the row's stage. A status column wins over the stage a
// closed deal was left in (Pipedrive keeps the stage of a won deal and says
// Won in Status; Salesforce and HubSpot have won/closed flags); an archived
// deal with a lost reason is lost (Odoo archives lost opportunities). It
// returns the stage and, when known, the other system's default
// probability for the row's stage (-1 if none).
// outcome is the first active stage of kind (won or lost) that the stage
// set setID admits: a row saying only won or lost takes it.
func (c *checker) outcome(kind string, setID int64) store.Stage {
	for _, s := range c.list {
		if s.Kind == kind && !s.Retired && (s.SetID == 0 || s.SetID == setID) {
			return s
		}
	}
	return store.Stage{}
}

// stage is the row's stage for an opportunity of type typ, and the
// probability its stage name implies in the system the file came from
// (-1 none).
func (rc *rowCheck) stage(typ string) (store.Stage, int) {
	c := rc.c
	name := rc.value(iStage)
	closed := ""
	if s := rc.value(iStatus); s != "" {
		switch statusKind(s) {
		case "won":
			closed = store.KindWon
		case "lost":
			closed = store.KindLost
		}
	}
	if closed == "" {
		won, wonOK := parseBool(rc.value(iIsWon))
		lost, lostOK := parseBool(rc.value(iIsLost))
		isClosed, closedOK := parseBool(rc.value(iIsClosed))
		switch {
		case c.col[iIsWon] >= 0 && wonOK && won:
			closed = store.KindWon
		case c.col[iIsLost] >= 0 && lostOK && lost:
			closed = store.KindLost
		case c.col[iIsClosed] >= 0 && closedOK && isClosed && c.col[iIsWon] >= 0 && wonOK:
			closed = store.KindLost
		}
	}
	if closed == "" && c.col[iActive] >= 0 && rc.value(iLostReason) != "" {
		active, ok := parseBool(rc.value(iActive))
		h := normHeader(c.t.Headers[c.col[iActive]])
		archived := h == "archived" || h == "已归档"
		if ok && active == archived {
			closed = store.KindLost
		}
	}
	if closed == "" && c.col[iStatus] >= 0 && statusKind(rc.value(iStatus)) == "archived" && rc.value(iLostReason) != "" {
		closed = store.KindLost
	}
	known := -1
	if c.choices != nil && name != "" {
		if _, k, ok := knownStageOf(c.crm, name); ok && k.kind == store.KindOpen && k.bp >= 0 {
			known = k.bp * 100
		}
	}
	if closed != "" {
		// A row that says only won or lost: the first outcome of that
		// kind its type may use (every type has a shared one).
		if st := c.outcome(closed, c.typeSets[typ]); st.ID != 0 {
			return st, -1
		}
	}
	if name == "" {
		rc.fail(iStage, apperr.Invalid(FieldStage, msg.Required, msg.P{"label": msg.LabelStage}))
		return store.Stage{}, -1
	}
	if c.choices != nil {
		if ch, ok := c.choices[name]; ok && ch.StageID != 0 {
			if st, ok := c.byID[ch.StageID]; ok {
				if st.Retired {
					rc.fail(iStage, apperr.Invalid(FieldStage, msg.StageRetired, msg.P{"name": st.Name}))
				}
				return st, known
			}
		}
	}
	st, found := c.stages[name]
	switch {
	case !found:
		rc.fail(iStage, apperr.Invalid(FieldStage, msg.ImportStageUnknown, msg.P{"name": clip(name), "stages": c.names}))
	case st.Retired:
		rc.fail(iStage, apperr.Invalid(FieldStage, msg.StageRetired, msg.P{"name": name}))
	}
	return st, known
}

// row checks one row; every problem is reported, not only the first.
func (c *checker) row(r *Row, emit func(RowError)) (record, bool) {
	rc := rowCheck{c: c, r: r, emit: emit, ok: true}
	var rec record
	o := &rec.opp
	o.Name = rc.text(iName)
	rec.customer = rc.text(iCustomer)
	rec.owner = rc.text(iOwner)
	for i, f := range Fields {
		if f.set != nil {
			f.set(o, rc.text(i))
		}
	}

	if t := rc.value(iType); t != "" {
		switch {
		case oneOf(t, c.types):
		case typeSynonyms[normStage(t)] != "":
			t = typeSynonyms[normStage(t)]
		case len([]rune(t)) > 50:
			rc.fail(iType, apperr.Invalid(FieldType, msg.TooLong, msg.P{"label": msg.LabelType, "max": 50}))
		default:
			// An unknown type joins the configurable list rather than
			// refusing the row (see store.OpportunityTypes).
			c.newTypes[t] = true
		}
		o.Type = t
	}

	if s := rc.value(iAmount); s != "" {
		v, err := parseMoney(s, c.decimal)
		if err != nil {
			if alt := storedNumber(rc.stored(iAmount)); alt != "" {
				if v2, err2 := parseAmount(alt); err2 == nil {
					v, err = v2, nil
				}
			}
		}
		if err != nil {
			rc.fail(iAmount, amountError(err))
		}
		o.AmountCents = v
	}

	o.ExpectedClose = rc.date(iClose)
	if d := rc.date(iCreated); d != "" {
		o.CreatedAt = localMidnight(d)
	}
	rec.closedAt = rc.date(iClosedDate)
	o.ExternalID = rc.text(iExternalID)

	bp, given := 0, false
	if s := rc.value(iProbability); s != "" {
		v, err := parsePercent(s)
		if err != nil {
			if alt := storedNumber(rc.stored(iProbability)); alt != "" {
				if v2, err2 := parsePercent(alt); err2 == nil {
					v, err = v2, nil
				}
			}
		}
		if err != nil {
			rc.fail(iProbability, percentError(err))
		}
		bp, given = v, true
	}
	// Without a probability, a weighted amount (amount × probability)
	// gives it back.
	if s := rc.value(iWeighted); !given && s != "" && o.AmountCents > 0 {
		if w, err := parseMoney(s, c.decimal); err == nil && w <= o.AmountCents {
			bp, given = int((w*10000+o.AmountCents/2)/o.AmountCents), true
		}
	}

	st, known := rc.stage(o.Type)
	if st.SetID != 0 && st.SetID != c.typeSets[o.Type] {
		// The stage belongs to another type's stage set (项目型's
		// 招投标 for a 续约型 row): refused, as the opportunity form does,
		// rather than guessing which of the type's stages was meant.
		shown := o.Type
		if shown == "" {
			shown = "—"
		}
		rc.fail(iStage, apperr.Invalid(FieldStage, msg.StageNotInTypeSet, msg.P{"stage": st.Name, "type": shown}))
	}
	o.StageID = st.ID
	if !given {
		bp = st.ProbabilityBP
		if known >= 0 {
			bp = known
		}
	}
	// The won stage is always 100% and the lost stage 0%, whatever the
	// file says; only a lost opportunity keeps its reason and competitor,
	// as the opportunity form has it.
	switch st.Kind {
	case store.KindWon:
		bp = 10000
		o.LostReason, o.Competitor = "", ""
	case store.KindLost:
		bp = 0
	default:
		o.LostReason, o.Competitor = "", ""
		rec.closedAt = ""
	}
	o.ProbabilityBP = bp
	// A cell right of the last named column belongs to no field: report it
	// rather than drop it (a stray delimiter in a name shifts the row).
	for j := len(c.t.Headers); j < len(r.Cells); j++ {
		if v := strings.TrimSpace(r.Cells[j]); v != "" {
			col := columnName(j)
			rc.ok = false
			emit(RowError{Row: r.Num, Column: col, Value: clip(v),
				Message:   "第 " + col + " 列没有列名，这一格的内容不属于任何字段；请删除它，或给这一列加上列名（内容里的逗号要放在双引号里）",
				MessageEn: "Column " + col + " has no header, so this cell belongs to no field; delete it, or give the column a header (a comma inside a value must be in double quotes)"})
		}
	}
	return rec, rc.ok
}

func oneOf(s string, allowed []string) bool {
	for _, a := range allowed {
		if a == s {
			return true
		}
	}
	return false
}

// parseAmount reads yuan: "1,234.56", "¥500", "500元", "RMB 500", full-width
// digits, and zeros past the second decimal ("40000.0000", as some systems
// export).
func parseAmount(s string) (int64, error) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	s = strings.TrimSpace(strings.TrimSuffix(s, "元"))
	for _, p := range []string{"RMB", "CNY", "rmb", "cny"} {
		s = strings.TrimPrefix(s, p)
	}
	return money.ParseYuan(trimZeros(s))
}

// trimZeros drops zeros past the second decimal: "12.3400" is 12.34, and
// only a third significant decimal (12.345) is too precise.
func trimZeros(s string) string {
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return s
	}
	for len(s)-i-1 > 2 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	return s
}

func amountError(err error) *apperr.Error {
	switch err {
	case money.ErrNegative:
		return apperr.Invalid(FieldAmount, msg.ImportNegative, msg.P{"label": msg.LabelAmount})
	case money.ErrPrecision:
		return apperr.Invalid(FieldAmount, msg.ImportTwoDecimals, msg.P{"label": msg.LabelAmount})
	case money.ErrRange:
		return apperr.Invalid(FieldAmount, msg.ImportOutOfRange, msg.P{"label": msg.LabelAmount})
	}
	return apperr.Invalid(FieldAmount, msg.ImportBadNumber, msg.P{"label": msg.LabelAmount})
}

// parsePercent reads "60", "60.5", "60%", "60％".
func parsePercent(s string) (int, error) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if t, ok := strings.CutSuffix(s, "%"); ok {
		return money.ParsePercent(trimZeros(strings.TrimSpace(t)))
	}
	return money.ParsePercent(trimZeros(s))
}

func percentError(err error) *apperr.Error {
	switch err {
	case money.ErrRange:
		return apperr.Invalid(FieldProbability, msg.ImportPercentRange, msg.P{"label": msg.LabelProbability})
	case money.ErrPrecision:
		return apperr.Invalid(FieldProbability, msg.ImportTwoDecimals, msg.P{"label": msg.LabelProbability})
	}
	return apperr.Invalid(FieldProbability, msg.ImportBadPercent, msg.P{"label": msg.LabelProbability})
}

// parseDate reads YYYY-MM-DD, YYYY/MM/DD and YYYY年M月D日, with or without a
// time after it (other CRMs export date-times), into YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	if i := strings.IndexAny(s, " T"); i > 0 && isClock(strings.TrimSpace(s[i+1:])) {
		s = s[:i]
	}
	if strings.HasSuffix(s, "日") {
		s = strings.NewReplacer("年", "-", "月", "-", "日", "").Replace(s)
	}
	return validate.ParseDate(s)
}

// isClock reports whether s looks like a time of day: "0:00", "00:00:00", "09:30:00.000".
func isClock(s string) bool {
	if s == "" {
		return false
	}
	colons := 0
	for _, r := range s {
		switch {
		case r == ':':
			colons++
		case r >= '0' && r <= '9', r == '.':
		default:
			return false
		}
	}
	return colons >= 1 && colons <= 2
}

// serialDate turns an Excel date serial (a stored xlsx value) into YYYY-MM-DD.
func serialDate(raw string, date1904 bool) (string, bool) {
	if raw == "" {
		return "", false
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || v < 1 || v > 401768 { // 1900-01-01 .. 2999-12-31
		return "", false
	}
	t, err := excelize.ExcelDateToTime(math.Floor(v), date1904)
	if err != nil {
		return "", false
	}
	return validate.ParseDate(t.Format("2006-01-02"))
}

// storedNumber writes a stored xlsx number with at most 2 decimals when it
// is one up to float noise (1234.5600000000001 is 1234.56), and in full
// otherwise, so that 12.345 still counts as too precise.
func storedNumber(raw string) string {
	if raw == "" {
		return ""
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return ""
	}
	for prec := 0; prec <= 2; prec++ {
		s := strconv.FormatFloat(v, 'f', prec, 64)
		r, _ := strconv.ParseFloat(s, 64)
		if math.Abs(r-v) <= 1e-9*math.Max(1, math.Abs(v)) {
			return s
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
