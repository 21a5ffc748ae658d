package store

import (
	"context"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"funneldesk/backend/pinyin"
)

// Opportunity is a sales opportunity (销售机会) with the names it refers to.
type Opportunity struct {
	ID            int64  `db:"id" json:"id"`
	Name          string `db:"name" json:"name"`
	CustomerID    int64  `db:"customer_id" json:"customerId"`
	CustomerName  string `db:"customer_name" json:"customerName"`
	Type          string `db:"type" json:"type"`
	Source        string `db:"source" json:"source"`
	OwnerID       int64  `db:"owner_id" json:"ownerId"`
	OwnerName     string `db:"owner_name" json:"ownerName"`
	Campaign      string `db:"campaign" json:"campaign"`
	AmountCents   int64  `db:"amount_cents" json:"amountCents"`
	ExpectedClose string `db:"expected_close" json:"expectedClose"`
	NextStep      string `db:"next_step" json:"nextStep"`
	StageID       int64  `db:"stage_id" json:"stageId"`
	StageName     string `db:"stage_name" json:"stageName"`
	StageKind     string `db:"stage_kind" json:"stageKind"`
	ProbabilityBP int    `db:"probability_bp" json:"probabilityBp"`
	Description   string `db:"description" json:"description"`
	LostReason    string `db:"lost_reason" json:"lostReason"`
	Competitor    string `db:"competitor" json:"competitor"`
	// Priority is "high", "medium", "low" or "" (none).
	Priority  string `db:"priority" json:"priority"`
	CreatedAt string `db:"created_at" json:"createdAt"`
	UpdatedAt string `db:"updated_at" json:"updatedAt"`
	// ExternalID is the id another CRM gave it, kept by the import so that
	// importing the same export again updates it.
	ExternalID string `db:"external_id" json:"externalId"`
	// LastFollowupAt is the date of the latest follow-up, "" for none.
	LastFollowupAt string `db:"last_followup_at" json:"lastFollowupAt"`
	// ContactsText and StaffText word the contacts (with roles) and staff
	// involved for the detail and the history; LoadOpportunityPeople fills
	// them, lists leave them empty.
	ContactsText string `db:"-" json:"contactsText"`
	StaffText    string `db:"-" json:"staffText"`
}

// OpportunityFilter selects opportunities for the list, the board and exports.
// Zero values mean "no condition".
type OpportunityFilter struct {
	// View is a built-in view: "all" (or ""), "won", "open" or "lost".
	View       string   `json:"view"`
	StageIDs   []int64  `json:"stageIds"`
	OwnerIDs   []int64  `json:"ownerIds"`
	Sources    []string `json:"sources"`
	Types      []string `json:"types"`
	CustomerID int64    `json:"customerId"`
	// CloseFrom and CloseTo bound the expected close date, both inclusive (YYYY-MM-DD).
	CloseFrom string `json:"closeFrom"`
	CloseTo   string `json:"closeTo"`
	// StageSetID keeps the opportunities whose type belongs to that stage
	// set (the funnel's and the board's stage-set choice); 0: every type.
	StageSetID int64 `json:"stageSetId"`
	// CreatedFrom and CreatedTo bound the creation day, both inclusive
	// (YYYY-MM-DD); ClosedFrom and ClosedTo the day the opportunity entered
	// its current won or lost stage (closed_on; an open one never matches).
	// The analysis reports drill down with them.
	CreatedFrom string `json:"createdFrom"`
	CreatedTo   string `json:"createdTo"`
	ClosedFrom  string `json:"closedFrom"`
	ClosedTo    string `json:"closedTo"`
	// LostReasons and Competitors match those fields exactly ("" matches
	// an empty one).
	LostReasons []string `json:"lostReasons"`
	Competitors []string `json:"competitors"`
	// Query matches the opportunity's or its customer's name, anywhere
	// in it, or the start of the name's pinyin or initials.
	Query string `json:"query"`
	// Sort is one of SortColumns' keys; Desc reverses it.
	Sort string `json:"sort"`
	Desc bool   `json:"desc"`

	// noCustomerText: no customer's name matches Query, so a walk tests
	// the opportunity's own names only (ListOpportunitiesCapped finds out).
	noCustomerText bool
	// rowText: test the search on each row (textTest) whatever leads, for
	// a walk of the filter's index (filteredSearch).
	rowText bool
}

// SortColumns maps the sort keys the list offers to SQL. Names sort by
// their pinyin key (migration 0010), so Chinese names come in the order
// 阿, 白, 陈 … with Latin names among them by their letters.
var SortColumns = map[string]string{
	"expectedClose": "o.expected_close",
	"name":          "o.name_py",
	"amount":        "o.amount_cents",
	"probability":   "o.probability_bp",
	"updatedAt":     "o.updated_at",
	"createdAt":     "o.id",
	"lastFollowup":  "o.last_followup_at",
	"stage":         "(SELECT position FROM stages WHERE id = o.stage_id)",
}

const oppSelect = `SELECT o.id, o.name, o.customer_id, c.name AS customer_name, o.type, o.source, o.owner_id,
	w.name AS owner_name, o.campaign, o.amount_cents, o.expected_close, o.next_step, o.stage_id,
	s.name AS stage_name, s.kind AS stage_kind, o.probability_bp, o.description, o.lost_reason, o.competitor,
	o.priority, o.created_at, o.updated_at, o.last_followup_at
	FROM opportunities o
	JOIN customers c ON c.id = o.customer_id
	JOIN owners w ON w.id = o.owner_id
	JOIN stages s ON s.id = o.stage_id`

func inInts(col string, ids []int64) (string, []any) {
	ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, v := range ids {
		args[i] = v
	}
	return col + " IN (" + ph + ")", args
}

func inStrings(col string, vals []string) (string, []any) {
	ph := strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	return col + " IN (" + ph + ")", args
}

// Which index a filter's conditions are driven through. SQLite keeps no
// statistics here (nobody runs ANALYZE), so without help it may walk a
// weak index (source, type, a whole view) and look up hundreds of
// thousands of rows. Each condition that must not lead is written with a
// unary plus (+o.col), which changes nothing in its meaning and keeps the
// planner off that column's index. bench/README.md has the measurements.
const (
	leadNone     = iota
	leadCustomer // opportunities_customer: a customer's few rows
	leadOwner    // opportunities_owner_cover: owner (+ close) ranges, stage/source/type covered
	leadQuery    // text search: a scan whatever the index
	leadStage    // opportunities_stage_cover / opportunities_stage: view or stage filter
	leadClose    // opportunities_stage_cover with every stage: close date ranges
	leadSource   // opportunities_source
	leadType     // opportunities_type
)

func (f OpportunityFilter) hasStage() bool {
	switch f.View {
	case KindWon, KindLost, KindOpen:
		return true
	}
	return len(f.StageIDs) > 0
}

func (f OpportunityFilter) query() string { return strings.TrimSpace(f.Query) }

// pinyinQuery reports whether the search also matches pinyin keys.
func (f OpportunityFilter) pinyinQuery() bool {
	_, ok := pinyin.Query(f.query())
	return ok
}

// lead picks the condition that narrows the rows through an index.
func (f OpportunityFilter) lead() int {
	switch {
	case f.CustomerID != 0:
		return leadCustomer
	case len(f.OwnerIDs) > 0:
		return leadOwner
	case f.query() != "":
		return leadQuery
	case f.hasStage():
		return leadStage
	case f.CloseFrom != "" || f.CloseTo != "" || (len(f.Sources) > 0 && len(f.Types) > 0):
		// Both weak filters at once: one covered pass over the stage index
		// beats looking up the rows of either.
		return leadClose
	case len(f.Sources) > 0:
		return leadSource
	case len(f.Types) > 0:
		return leadType
	}
	return leadNone
}

// filtered reports whether f has any condition.
func (f OpportunityFilter) filtered() bool {
	return f.hasStage() || len(f.OwnerIDs) > 0 || len(f.Sources) > 0 || len(f.Types) > 0 || f.CustomerID != 0 ||
		f.CloseFrom != "" || f.CloseTo != "" || f.query() != "" || f.extraFiltered()
}

// extraFiltered reports the conditions of stage sets and the drill-down
// ones (created/closed dates, lost reasons, competitors), which never lead
// an index and which the kept totals cannot answer.
func (f OpportunityFilter) extraFiltered() bool {
	return f.StageSetID != 0 || f.analysisFiltered()
}

// analysisFiltered reports whether f has any of the drill-down conditions.
func (f OpportunityFilter) analysisFiltered() bool {
	return f.CreatedFrom != "" || f.CreatedTo != "" || f.ClosedFrom != "" || f.ClosedTo != "" ||
		len(f.LostReasons) > 0 || len(f.Competitors) > 0
}

// where builds the condition on table alias o for f, steering SQLite to
// the index of f.lead().
func (f OpportunityFilter) where() (string, []any) {
	conds, args := f.conds(f.lead())
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// conds lists f's conditions; only those of lead (leadNone: none) may use
// an index.
func (f OpportunityFilter) conds(lead int) ([]string, []any) {
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	plus := func(l int) string {
		if l == lead {
			return ""
		}
		return "+"
	}
	switch f.View {
	case KindWon, KindLost, KindOpen:
		add(plus(leadStage)+`o.stage_id IN (SELECT id FROM stages WHERE kind = ?)`, f.View)
	}
	if len(f.StageIDs) > 0 {
		c, a := inInts(plus(leadStage)+"o.stage_id", f.StageIDs)
		add(c, a...)
	}
	if lead == leadClose {
		// Every opportunity has a stage: this only lets SQLite seek the
		// close date range within each stage of opportunities_stage_cover.
		add(`o.stage_id IN (SELECT id FROM stages)`)
	}
	if len(f.OwnerIDs) > 0 {
		c, a := inInts(plus(leadOwner)+"o.owner_id", f.OwnerIDs)
		add(c, a...)
	}
	if len(f.Sources) > 0 {
		c, a := inStrings(plus(leadSource)+"o.source", f.Sources)
		add(c, a...)
	}
	if len(f.Types) > 0 {
		c, a := inStrings(plus(leadType)+"o.type", f.Types)
		add(c, a...)
	}
	if f.CustomerID != 0 {
		add(plus(leadCustomer)+`o.customer_id = ?`, f.CustomerID)
	}
	if f.StageSetID != 0 {
		add(`+o.type IN (SELECT type FROM stage_set_types WHERE set_id = ?)`, f.StageSetID)
	}
	// The close date is the second column of both cover indexes, so its
	// range narrows whichever of them leads; no index has it first.
	if f.CloseFrom != "" {
		add(`o.expected_close >= ?`, f.CloseFrom)
	}
	if f.CloseTo != "" {
		// An opportunity without a close date does not close before
		// anything. Written as a bound ("> ''" rather than "<> ''") and
		// only when no lower bound excludes '' already, so the index range
		// does it all: a per-entry check costs a third of a year's count.
		if f.CloseFrom == "" {
			add(`o.expected_close > ''`)
		}
		add(`o.expected_close <= ?`, f.CloseTo)
	}
	// The drill-down conditions never lead: the filter's other conditions
	// (owner, stage, view) or a walk in the sort order narrow the rows.
	if f.CreatedFrom != "" {
		add(`+o.created_at >= ?`, f.CreatedFrom)
	}
	if f.CreatedTo != "" {
		add(`+o.created_at < ?`, NextDay(f.CreatedTo))
	}
	if f.ClosedFrom != "" || f.ClosedTo != "" {
		add(`+o.closed_on <> ''`)
	}
	if f.ClosedFrom != "" {
		add(`+o.closed_on >= ?`, f.ClosedFrom)
	}
	if f.ClosedTo != "" {
		add(`+o.closed_on <= ?`, f.ClosedTo)
	}
	if len(f.LostReasons) > 0 {
		c, a := inStrings("+o.lost_reason", f.LostReasons)
		add(c, a...)
	}
	if len(f.Competitors) > 0 {
		c, a := inStrings("+o.competitor", f.Competitors)
		add(c, a...)
	}
	if s := f.query(); s != "" {
		// The opportunity's or its customer's name, as text or as pinyin.
		own, ownArgs := nameMatch("o", "opportunities", s)
		cust, custArgs := nameMatch("c", "customers", s)
		if lead == leadNone || f.rowText {
			// Walking an index in sort order checks few rows: test each
			// one's names on the row rather than read the word's id lists
			// (SQLite reads an IN list whole before the first row, per part
			// of a merged query: every posting of a common word).
			own, ownArgs = textTest("o", s)
			if f.noCustomerText {
				add(own, ownArgs...)
				return conds, args
			}
			cust, custArgs = textTest("c", s)
			add(`(`+own+` OR EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id AND `+cust+`))`,
				append(ownArgs, custArgs...)...)
		} else {
			add(`(`+own+` OR o.customer_id IN (SELECT c.id FROM customers c WHERE `+cust+`))`, append(ownArgs, custArgs...)...)
		}
	}
	return conds, args
}

func (f OpportunityFilter) sortKey() string {
	if _, ok := SortColumns[f.Sort]; ok {
		return f.Sort
	}
	return "expectedClose"
}

func (f OpportunityFilter) dir() string {
	if f.Desc {
		return " DESC"
	}
	return " ASC"
}

func (f OpportunityFilter) orderBy() string {
	dir := f.dir()
	return " ORDER BY " + SortColumns[f.sortKey()] + dir + ", o.id" + dir
}

// searchCollect is how many matches of a text search are gathered in the
// pass that counts them; fewer matches than that need no second pass. The
// name bigrams (migration 0025) find the matches through index ranges, so
// gathering 20,000 ids costs a few milliseconds, and sorting them (idList)
// less than walking a sort index past rows that do not match.
var searchCollect = 20000 // a variable: tests lower it to take the walk

// ListOpportunities returns one page and the total count for f. The count
// runs first, through a covering index where the filter has one; the page
// is then picked on the opportunities table alone (see pageIDs) and only
// its rows are joined.
func ListOpportunities(ctx context.Context, q Querier, f OpportunityFilter, offset, limit int) ([]Opportunity, int, error) {
	cond, args := f.where()
	total := -1
	var ids []int64
	if f.query() != "" {
		// A text search reads every row whatever the index: collect the
		// matches in the same pass when they are few.
		var found []int64
		if err := q.SelectContext(ctx, &found, `SELECT o.id FROM opportunities o`+cond+` LIMIT ?`,
			append(args, searchCollect+1)...); err != nil {
			return nil, 0, fmt.Errorf("search opportunities: %w", err)
		}
		if len(found) <= searchCollect {
			total = len(found)
			var err error
			if ids, err = sortIDs(ctx, q, f, found, offset, limit); err != nil {
				return nil, 0, err
			}
		}
	}
	if total < 0 {
		var err error
		if total, err = countOpportunities(ctx, q, f, cond, args); err != nil {
			return nil, 0, err
		}
		if ids, err = pageIDs(ctx, q, f, total, offset, limit); err != nil {
			return nil, 0, err
		}
	}
	out, err := opportunitiesByID(ctx, q, ids)
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// countOpportunities counts the opportunities matching f (cond, args: its
// where()): from the kept per-stage totals when they answer f — a view, a
// year of close dates or a source is then a few rows' read instead of a
// pass over hundreds of thousands of index entries — else by COUNT(*).
func countOpportunities(ctx context.Context, q Querier, f OpportunityFilter, cond string, args []any) (int, error) {
	if f.query() == "" {
		if n, ok, err := keptCount(ctx, q, f); err != nil || ok {
			return n, err
		}
	}
	var n int
	if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM opportunities o`+cond, args...); err != nil {
		return 0, fmt.Errorf("count opportunities: %w", err)
	}
	return n, nil
}

// searchOnly reports whether f is a text search and nothing else.
func (f OpportunityFilter) searchOnly() bool {
	return f.query() != "" && !f.hasStage() && len(f.OwnerIDs) == 0 && len(f.Sources) == 0 && len(f.Types) == 0 &&
		f.CustomerID == 0 && f.CloseFrom == "" && f.CloseTo == "" && !f.extraFiltered()
}

// ListOpportunitiesCapped is ListOpportunities with a text search's total
// counted up to offset + countCap (capped reports more), following the plan
// of grams.go: a search alone (other filters narrow the rows through their
// own index, as ListOpportunities does) gathers its matches from the
// bigram postings and pinyin keys of the opportunity's and the customer's
// names, then sorts them or walks the sort order. countCap 0 counts all.
func ListOpportunitiesCapped(ctx context.Context, q Querier, f OpportunityFilter, offset, limit, countCap int) (
	items []Opportunity, total int, capped bool, err error) {
	name := f.sortKey() == "name"
	if countCap <= 0 || f.query() == "" {
		items, total, err = ListOpportunities(ctx, q, f, offset, limit)
		return items, total, false, err
	}
	if !f.searchOnly() {
		return filteredSearch(ctx, q, f, offset, limit, countCap)
	}
	s := f.query()
	cust := textSources("customers", s)
	p := textSources("opportunities", s).merge(cust.join(func(arm string) string {
		return `SELECT o.id FROM (` + arm + `) x JOIN opportunities o ON o.customer_id = x.id`
	}))
	if name {
		// Merged in name order from the parts of the matches
		// (namesearch.go), the customers' one of them.
		ids, total, capped, err := nameSearch(ctx, q, "opportunities", p, func() ([]nameSet, error) {
			return f.nameSets(ctx, q, cust)
		}, offset, limit, countCap, f.Desc)
		if err != nil {
			return nil, 0, false, err
		}
		items, err = opportunitiesByID(ctx, q, ids)
		return items, total, capped, err
	}
	// Sorting the matches reads each one's row, as the walk does: the walk
	// costs no more per row whatever index it takes.
	plan, err := planSearch(ctx, q, p, offset, limit, countCap, 1, maxID(ctx, q, "opportunities"))
	if err != nil {
		return nil, 0, false, fmt.Errorf("search opportunities: %w", err)
	}
	var ids []int64
	switch {
	case offset >= plan.total:
		ids = []int64{}
	case !plan.walk:
		ids, err = sortIDs(ctx, q, f, plan.found, offset, limit)
	default:
		if f, err = f.customerHint(ctx, q); err == nil {
			ids, err = walkSearchPage(ctx, q, f, offset, limit)
		}
	}
	if err != nil {
		return nil, 0, false, err
	}
	total, capped = plan.total, plan.capped
	items, err = opportunitiesByID(ctx, q, ids)
	return items, total, capped, err
}

// nameSets are the parts of a search's matches for the name order: the
// opportunity's own names (nameSets) and those of the customers whose name
// matches (cust: their textSources), whose opportunities lie anywhere in
// name order and number about the customers' share of the customers.
func (f OpportunityFilter) nameSets(ctx context.Context, q Querier, cust textPlan) ([]nameSet, error) {
	s := f.query()
	sets, err := nameSets(ctx, q, "opportunities", s)
	if err != nil {
		return nil, err
	}
	c, err := countArms(ctx, q, cust.cands, cust.candArgs, nameCountCap)
	if err != nil || c == 0 {
		return sets, err
	}
	var arms []string
	for _, a := range cust.arms {
		arms = append(arms, `SELECT o.id FROM (`+a+`) x JOIN opportunities o ON o.customer_id = x.id`)
	}
	// A walk tests each row's customer against the customers' ids, a list
	// a tenth the size of their opportunities', or, when reading the
	// customer of each row passed costs less, the customer's names.
	per := float64(maxID(ctx, q, "opportunities")) / float64(max(maxID(ctx, q, "customers"), 1))
	row, rowArgs := textTest("c", s)
	return append(sets, nameSet{what: "customer", ids: strings.Join(arms, " UNION ALL "), args: cust.args,
		test: `+t.customer_id IN (` + strings.Join(cust.arms, " UNION ALL ") + `)`, testArgs: cust.args,
		rowTest: `EXISTS (SELECT 1 FROM customers c WHERE c.id = t.customer_id AND ` + row + `)`, rowTestArgs: rowArgs,
		listCost: costList * 2.5, extra: float64(c) * costList, count: min(nameCountCap, int64(float64(c)*per)+1)}), nil
}

// filteredSearch is a text search under other filters (an owner, a view,
// a stage …). The rule: of these ways, the one of least cost, told apart
// by cheap index counts (each capped), T the word's candidates (its
// postings, pinyin ranges and matching customers' opportunities, counted
// on the indexes; the customers' estimated from the customers' count), F
// the filter's rows (kept totals, or its index), N the table's, and
// W = min(F, need·N/T) the filter's rows to pass for need = offset +
// countCap + 1 matches (or all of them):
//
//   - rows, text first: the word's matches gathered and each tested on
//     its row against the filter: T row reads (for words of three or more
//     characters, twice the candidates before any join, a customer's
//     rather than its opportunities'). Rare words (客户0702).
//   - list, text first: the candidates as an id list (index entries only)
//     and the filter's index walked testing each entry's id against it,
//     reading only the rows inside (the names tested there): T list
//     entries + W index entries + min(T·F/N, need) rows.
//   - set: the filter's ids (from a covering index) and the candidates
//     read into Go and intersected (filterset.go); only the rows inside
//     both read, when the text needs checking: F + T ids. Middling words
//     under one owner (华, 年度续约 by amount).
//   - stream, text first: the candidates in posting order, each row
//     tested against filter and text until need match: about need·N/F
//     rows. Middling words under a large filter (a year + 年度续约).
//   - walk, filter first: the filter's index walked testing each row's
//     names (textTest): W row reads, no list (SQLite reads an IN list
//     whole before the first row: ~900,000 pinyin ids for ji). Common
//     words. Under owners, for text only the opportunities' own names
//     hold, opportunities_owner_name walked testing the text's key on
//     each entry (ownerKeyTest: W entries, a row read per match); keys:
//     the same walk to the end, every match sorted in the pass.
//
// T is counted only up to where the walk wins whatever F is. Either way
// the total is exact up to offset + countCap and capped past it (a way
// that read every match counts them all); a capped page walks the sort
// order testing each row (cappedPage), beside the count when it can. A
// page whose walk would pass the whole table's sort index (amount …) is
// counted into each way's cost.
func filteredSearch(ctx context.Context, q Querier, f OpportunityFilter, offset, limit, countCap int) (
	[]Opportunity, int, bool, error) {
	need := offset + countCap
	f, err := f.customerHint(ctx, q)
	if err != nil {
		return nil, 0, false, err
	}
	// Whatever leads (the filter's index, not the text's), each row's
	// names are tested on the row.
	f.rowText = true
	s := f.query()
	own := textSources("opportunities", s)
	cust := textSources("customers", s)
	p := own
	if !f.noCustomerText {
		p = p.merge(cust.join(func(arm string) string {
			return `SELECT o.id FROM (` + arm + `) x JOIN opportunities o ON o.customer_id = x.id`
		}))
	}
	n := max(maxID(ctx, q, "opportunities"), 1)
	nf := f
	nf.Query = ""
	// Past 4·√(need·N) rows the filter's size no longer changes the
	// choice (tmax and W below are smaller).
	fcap := 4 * isqrt(int64(need)*n)
	fsize, err := filterSize(ctx, q, nf, fcap)
	if err != nil {
		return nil, 0, false, err
	}
	// The set way reads every row id of the filter: only a filter counted
	// exactly, below the cap, and read from a covering index.
	fi := &filterIDs{f: nf, size: fsize, ok: fsize < fcap && filterSetOK(nf)}
	fsize = max(fsize, 1)
	if full, err := f.ownerBlockFull(ctx, q, nf, need); err != nil || full {
		// Past the cap on the owners' name keys alone.
		if err != nil {
			return nil, 0, false, err
		}
		if onFilteredPlan != nil {
			onFilteredPlan("block")
		}
		ids, err := cappedPage(ctx, q, f, fi, offset, limit)
		if err != nil {
			return nil, 0, false, err
		}
		items, err := opportunitiesByID(ctx, q, ids)
		return items, need, true, err
	}
	// Past tmax candidates the list alone costs more than the walk at its
	// dearest (need·N/T rows, at most F). A list of UNION ALL arms, kept
	// distinct, costs about three gathered ids an entry (measured).
	const listEntry = 3 * costList
	tmax := min(int64(math.Sqrt(float64(need)*float64(n)*costRow/listEntry)), int64(float64(fsize)*costRow/listEntry))
	var t int64
	var cands []int64 // the candidates, when read rather than counted
	key, keyArgs, keyWalk := f.ownerKeyTest()
	if fi.ok && f.noCustomerText && !keyWalk {
		// The set way would read the candidates the count passes over
		// (the same index entries): read them now, up to the same bound
		// (a walk testing keys, when it can, mostly costs less: count).
		if cands, err = armIDs(ctx, q, p.cands, p.candArgs, tmax+1); err != nil {
			return nil, 0, false, fmt.Errorf("search opportunities: %w", err)
		}
		t = int64(len(cands))
	} else if t, err = estimateCands(ctx, q, own, cust, !f.noCustomerText, n, tmax+1); err != nil {
		return nil, 0, false, fmt.Errorf("search opportunities: %w", err)
	}
	tf := float64(max(t, 1))
	w := min(float64(fsize), float64(need+1)*float64(n)/tf)
	// The rows way reads the candidates before any join (a customer's,
	// not its opportunities') when they need checking, then its matches:
	// at most the candidates, or those before the join when checked.
	rowReads := tf
	if t <= tmax && !p.exact {
		// Without the customers' the candidates are their own firsts.
		first := t
		if !f.noCustomerText {
			if first, err = countArms(ctx, q, p.firsts, p.firstArgs, t+1); err != nil {
				return nil, 0, false, fmt.Errorf("search opportunities: %w", err)
			}
		}
		rowReads = 2 * float64(min(first, t))
	}
	kept := tf * float64(fsize) / float64(n)
	costs := map[string]float64{
		"rows": rowReads * costRow,
		"list": tf*listEntry + w*costEntry + min(kept, float64(need+1))*costRow,
		"walk": w * costRow,
	}
	if keyWalk {
		// The walk tests the key on each index entry, reading only the
		// rows whose key holds the core.
		costs["walk"] = w*costKey + min(kept, float64(need+1))*costRow
	}
	// A capped total pages by walking the sort order (walkSearchPage). In
	// an order no filter index holds (amount, dates …) that walk passes
	// about (offset+limit)·N/matches rows of the whole table (年度续约 under
	// one owner by amount: 27,000 rows): then knowing every match and
	// sorting them costs less.
	pageWalk := 0.0
	if kept > float64(need) && !walkFollowsFilter(f) {
		pageWalk = float64(offset+limit) * float64(n) / kept * costRow
	}
	// The stream: the candidates in their arms' order (postings by id),
	// each row read and tested against the filter and the text, until
	// need+1 match: about (need+1)·N/F rows for a dense word, at most the
	// candidates (a year of close dates and 年度续约: 6,700 rows, where a
	// walk of the year passes 30,000).
	rowCost := costRow
	if !f.noCustomerText {
		rowCost *= 2
	}
	costs["stream"] = min(float64(need+1)*float64(n)/float64(fsize), tf) * rowCost
	for _, k := range []string{"list", "walk", "stream"} {
		costs[k] += pageWalk
	}
	if keyWalk && pageWalk > 0 {
		// Every match from the key walk, their page sorted in the pass.
		costs["keys"] = float64(fsize)*costKey + kept*costRow
	}
	if fi.ok {
		// The filter's ids and the candidates as lists, intersected in Go
		// (filterset.go); the rows inside both read when they need a check
		// (a customer's row too, unless no customer matches), up to the
		// cap, or all of them when that costs less than the page's walk.
		check, page := 0.0, 0.0
		if p.exact {
			page = min(pageWalk, max(kept-float64(need), 0)*costRow)
		} else {
			check = min(kept, float64(need+1))*rowCost + min(pageWalk, max(kept-float64(need+1), 0)*rowCost)
		}
		costs["set"] = fi.cost() + tf*costID + check + page
	}
	// Past tmax candidates (an unknown number) the walk, which they make
	// shorter, wins whatever its estimate says — but for the stream, whose
	// cost they do not change, when they are the opportunities' own:
	// repeats across arms (erp's postings, pinyin and initials are the
	// same 36,748 rows) overstate them for the walk. The customers' (kh in
	// half of all rows) are dense: walk.
	way := "walk"
	for _, k := range []string{"rows", "list", "set", "keys", "stream"} {
		if _, ok := costs[k]; !ok || (t > tmax && (k != "stream" || !f.noCustomerText)) {
			continue
		}
		if costs[k] < costs[way] {
			way = k
		}
	}
	if onFilteredPlan != nil {
		if way == "walk" && keyWalk {
			onFilteredPlan("walk key")
		} else {
			onFilteredPlan(way)
		}
	}
	// The page of a capped total walks the sort order, whatever the
	// count found: when a cap is likely, that walk runs beside the count
	// on another of the pool's connections (the app's reads are *sqlx.DB;
	// a transaction has one connection).
	var early chan pageAnswer
	if db, ok := q.(*sqlx.DB); ok && kept > float64(need) && (way == "walk" || way == "list" || way == "stream") {
		if onFilteredPlan != nil {
			onFilteredPlan("early page")
		}
		early = make(chan pageAnswer, 1)
		own := &filterIDs{f: nf, size: fsize, ok: fi.ok} // not shared: the count may read fi
		// Cancelled when the count finds the matches few: sorting them
		// then costs less than a walk that may pass every filtered row.
		pageCtx, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			ids, err := cappedPage(pageCtx, db, f, own, offset, limit)
			early <- pageAnswer{ids, err}
		}()
	}
	lead, args := f.conds(nf.lead())
	var found []int64
	switch way {
	case "keys":
		from, conds, cargs := f.ownerKeyWalk(key, keyArgs)
		ids, total, err := checkedPage(ctx, q, f, from, strings.Join(conds, " AND "), cargs, offset, limit)
		if err != nil {
			return nil, 0, false, err
		}
		items, err := opportunitiesByID(ctx, q, ids)
		return items, total, false, err
	case "set":
		if cands == nil {
			if cands, err = armIDs(ctx, q, p.cands, p.candArgs, 0); err != nil {
				return nil, 0, false, fmt.Errorf("search opportunities: %w", err)
			}
		}
		set, err := fi.get(ctx, q)
		if err != nil {
			return nil, 0, false, err
		}
		found = set.keep(cands)
		if !p.exact && len(found) > 0 {
			// Candidates of three or more characters: checked on their
			// rows, up to the cap; when they are few, all of them, and
			// the page sorted in the same pass (an exact total).
			conds, args := f.textConds()
			cond := `o.id IN ` + idList + ` AND ` + strings.Join(conds, " AND ")
			args = append([]any{idsJSON(found)}, args...)
			if len(found) <= 2*(need+1) || float64(len(found)-need-1)*rowCost < pageWalk {
				ids, total, err := checkedPage(ctx, q, f, `opportunities o`, cond, args, offset, limit)
				if err != nil {
					return nil, 0, false, err
				}
				items, err := opportunitiesByID(ctx, q, ids)
				return items, total, false, err
			}
			if found, err = listIDs(ctx, q, `SELECT o.id FROM opportunities o WHERE `+cond+` LIMIT ?`,
				append(args, need+1)...); err != nil {
				return nil, 0, false, err
			}
		}
	case "stream":
		conds, args := nf.conds(leadNone)
		tconds, targs := f.textConds()
		// CROSS JOIN: the candidates drive, each row looked up by id.
		if found, err = listIDs(ctx, q, `SELECT DISTINCT o.id FROM (`+strings.Join(p.cands, " UNION ALL ")+
			`) x CROSS JOIN opportunities o ON o.id = x.id WHERE `+strings.Join(append(conds, tconds...), " AND ")+` LIMIT ?`,
			append(append(append(append([]any{}, p.candArgs...), args...), targs...), need+1)...); err != nil {
			return nil, 0, false, err
		}
	case "rows":
		// Every match, kept when its row passes the filter (t, an
		// estimate, does not bound them).
		all, err := gatherIDs(ctx, q, p.arms, p.args, math.MaxInt32)
		if err != nil {
			return nil, 0, false, fmt.Errorf("search opportunities: %w", err)
		}
		// Their rows read once: the filter tested, the total counted and
		// the page sorted in the same pass.
		conds, args := nf.conds(leadNone)
		ids, total, err := checkedPage(ctx, q, f, `opportunities o`, strings.Join(append([]string{`o.id IN ` + idList}, conds...), " AND "),
			append([]any{idsJSON(all)}, args...), offset, limit)
		if err != nil {
			return nil, 0, false, err
		}
		items, err := opportunitiesByID(ctx, q, ids)
		return items, total, false, err
	case "list":
		// The unary plus keeps SQLite on the filter's index.
		lead = append(lead, `+o.id IN (`+strings.Join(p.cands, " UNION ALL ")+`)`)
		args = append(args, p.candArgs...)
		fallthrough
	default:
		from := `opportunities o`
		if way == "walk" && keyWalk {
			from, lead, args = f.ownerKeyWalk(key, keyArgs)
		}
		where := ""
		if len(lead) > 0 {
			where = " WHERE " + strings.Join(lead, " AND ")
		}
		if found, err = listIDs(ctx, q, `SELECT o.id FROM `+from+where+` LIMIT ?`, append(args, need+1)...); err != nil {
			return nil, 0, false, err
		}
	}
	var ids []int64
	total, capped := len(found), false
	if early != nil && total <= need {
		// Few matches: the early page when it is there already (it holds
		// for any total), else they are sorted and the walk cancelled.
		select {
		case a := <-early:
			if a.err == nil {
				ids = a.ids
			}
		default:
		}
	}
	switch {
	case ids != nil:
	case early != nil && total > need:
		total, capped = need, true
		a := <-early
		ids, err = a.ids, a.err
	case total <= need || (way == "set" && p.exact && float64(total)*costRow < pageWalk):
		// Every match is known (an exact total even past the cap when
		// the set way read them all): sort them.
		ids, err = sortIDs(ctx, q, f, found, offset, limit)
	default:
		if way != "set" || !p.exact {
			// The set way of one or two characters knows every match.
			total, capped = need, true
		}
		ids, err = cappedPage(ctx, q, f, fi, offset, limit)
	}
	if err != nil {
		return nil, 0, false, err
	}
	items, err := opportunitiesByID(ctx, q, ids)
	return items, total, capped, err
}

// textConds are the conditions of f's text alone, tested on each row
// (alias o) as a walk tests them.
func (f OpportunityFilter) textConds() ([]string, []any) {
	t := OpportunityFilter{Query: f.Query, rowText: true, noCustomerText: f.noCustomerText}
	return t.conds(leadNone)
}

// pageAnswer is a page's ids from another goroutine.
type pageAnswer struct {
	ids []int64
	err error
}

// cappedPage is a page of f's matches by walking its sort order testing
// each row: any total, but cheap only when the matches are many.
func cappedPage(ctx context.Context, q Querier, f OpportunityFilter, fi *filterIDs, offset, limit int) ([]int64, error) {
	if f.sortKey() != "name" {
		return walkSearchPage(ctx, q, f, offset, limit)
	}
	ids, err := ownerNamePage(ctx, q, f, offset, limit)
	if ids == nil && err == nil {
		ids, err = filteredNamePage(ctx, q, f, fi, offset, limit)
	}
	return ids, err
}

// filteredNamePage is a page in name order of a common word's matches
// under a filter: a walk of the name key index from the start would pass
// every row before the word's (机会… is jihui…, 250,000 rows in), each
// read for the filter. So, as nameSearch does, the matches' parts
// (nameSets), each giving its first offset+limit rows under the filter the
// cheaper of two ways, merged: its rows read and sorted (c rows, c the
// part's size counted on the index), or a walk of its key range in name
// order testing each row (about n·block/(c·share) rows, share the
// filter's part of the table).
func filteredNamePage(ctx context.Context, q Querier, f OpportunityFilter, fi *filterIDs, offset, limit int) ([]int64, error) {
	s := f.query()
	sets, err := f.nameSets(ctx, q, textSources("customers", s))
	if err != nil {
		return nil, fmt.Errorf("search opportunities in name order: %w", err)
	}
	nf := f
	nf.Query = ""
	rows := maxID(ctx, q, "opportunities")
	// Counted up to a quarter of the table: a denser filter barely
	// shortens the walks, and the count is a pass over its index.
	fsize, err := filterSize(ctx, q, nf, max(rows/4, 1))
	if err != nil {
		return nil, err
	}
	share := float64(max(fsize, 1)) / float64(max(rows, 1))
	conds, cargs := nf.conds(leadNone)
	filt := `EXISTS (SELECT 1 FROM opportunities o WHERE o.id = t.id AND ` + strings.Join(conds, " AND ") + `)`
	n := offset + limit
	dir := f.dir()
	var all []keyedID
	for _, ns := range sets {
		blk, blkArgs := ns.block("t")
		ids, idArgs, test, testArgs := ns.ids, ns.args, ns.test, ns.testArgs
		c, block := ns.count, int64(0)
		if ns.whole {
			// The key range is the part: its rows counted on the index.
			ids, idArgs = `SELECT id FROM opportunities WHERE name_py >= ? AND name_py < ?`, blkArgs
			test, testArgs = "1", nil
			// Counted as far as it may change the way: past where the set
			// way's gathering costs more than a walk finding n rows.
			upTo := min(nameCountCap, int64(float64(n)/share*costRow/(costID+share*costRow))+1)
			if c, err = countArms(ctx, q, []string{ids}, idArgs, upTo); err != nil {
				return nil, err
			}
			block = c
		} else {
			block = ns.rowsOfBlock(ctx, q, "opportunities")
		}
		if c == 0 {
			continue
		}
		walk := min(float64(block), float64(n)*float64(block)/(float64(c)*share))
		way := "sort"
		if c >= nameCountCap || walk < float64(c) {
			way = "walk"
		}
		if fi.ok && c < nameCountCap &&
			fi.cost()+float64(c)*(costID+share*costRow) < min(walk, float64(c))*costRow {
			// The set's ids (index entries) kept in the filter's set
			// (filterset.go): only the rows inside both read and sorted.
			way = "set"
		}
		if ns.rowTest != "" && (way == "sort" || 3*ns.extra > walk*costRow) {
			// The customer's: its id in the matching customers' list
			// (built once: extra, a list of UNION ALL arms costing about
			// three gathered ids an entry) when that costs less than
			// reading each walked row's customer too.
			test, testArgs = ns.rowTest, ns.rowTestArgs
		}
		if onNamePlan != nil {
			onNamePlan(ns.what, "filtered "+way)
		}
		var got []keyedID
		if way == "set" {
			in, ierr := fi.within(ctx, q, []string{ids}, idArgs)
			if ierr != nil {
				return nil, fmt.Errorf("search opportunities in name order: %w", ierr)
			}
			if !ns.checked && !ns.whole {
				test, testArgs = "1", nil
			}
			err = q.SelectContext(ctx, &got, `SELECT t.id, t.name_py AS k FROM opportunities t WHERE t.id IN `+idList+` AND `+test+
				` ORDER BY +t.name_py`+dir+`, t.id`+dir+` LIMIT ?`, append(append([]any{idsJSON(in)}, testArgs...), n)...)
		} else if way == "walk" {
			if ns.core != "" {
				// The key's test first, on the index entry: only the rows
				// whose key holds the core are read (系统 lies 70,000 rows
				// into the name order).
				blk, blkArgs = blk+` AND t.name_py LIKE ?`, append(blkArgs, "%"+ns.core+"%")
			}
			err = q.SelectContext(ctx, &got, `SELECT t.id, t.name_py AS k FROM opportunities t WHERE `+blk+` AND `+test+` AND `+filt+
				` ORDER BY t.name_py`+dir+`, t.id`+dir+` LIMIT ?`, append(append(append(append([]any{}, blkArgs...), testArgs...), cargs...), n)...)
		} else {
			err = q.SelectContext(ctx, &got, `SELECT t.id, t.name_py AS k FROM opportunities t WHERE t.id IN (`+ids+`) AND `+test+` AND `+filt+
				` ORDER BY +t.name_py`+dir+`, t.id`+dir+` LIMIT ?`, append(append(append(append([]any{}, idArgs...), testArgs...), cargs...), n)...)
		}
		if err != nil {
			return nil, fmt.Errorf("search opportunities in name order: %w", err)
		}
		all = append(all, got...)
	}
	return mergeKeyed(all, offset, n, f.Desc), nil
}

// ownerNamePage is a page in name order of f's rows (f filters owners,
// whatever else) when a walk of each owner's rows in that order
// (opportunities_owner_name, migration 0041) testing every row finds it,
// merged across the owners as closePage merges close dates: the rows are
// a known share of the owners' (a capped search's), or every row (no
// search). nil without owners, or with more than maxArms of them.
func ownerNamePage(ctx context.Context, q Querier, f OpportunityFilter, offset, limit int) ([]int64, error) {
	owners := uniqueIDs(f.OwnerIDs)
	if len(owners) == 0 || len(owners) > maxArms {
		return nil, nil
	}
	conds, cargs := f.conds(leadNone)
	key, keyArgs, ok := f.ownerKeyTest()
	if ok {
		key = ` AND ` + key
	}
	var arms []string
	var args []any
	for _, v := range owners {
		// "> 0" names the partial index (migration 0041).
		arms = append(arms, `SELECT o.id AS id, o.name_py AS k FROM opportunities o INDEXED BY opportunities_owner_name WHERE `+
			strings.Join(append([]string{`o.owner_id = ? AND o.owner_id > 0` + key}, conds...), " AND "))
		args = append(append(append(args, v), keyArgs...), cargs...)
	}
	if onFilteredPlan != nil {
		onFilteredPlan("owner name")
	}
	dir := f.dir()
	var rows []keyedID
	if err := q.SelectContext(ctx, &rows, strings.Join(arms, " UNION ALL ")+` ORDER BY k`+dir+`, id`+dir+` LIMIT ? OFFSET ?`,
		append(args, limit, offset)...); err != nil {
		return nil, fmt.Errorf("list opportunities: %w", err)
	}
	out := []int64{}
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out, nil
}

// ownerKeyTest is a condition on the columns of opportunities_owner_name
// that every row matching f's text meets, so a walk of that index tests it
// on each entry before reading the row: the name key holds the keys of the
// text's certain runs in order (pinyin.ContainedKeys), or, for text read
// as pinyin, starts with it, as may the initials. Only when f filters at
// most maxArms owners and no customer's name matches (a customer's would
// need its row).
func (f OpportunityFilter) ownerKeyTest() (string, []any, bool) {
	n := len(uniqueIDs(f.OwnerIDs))
	ks := pinyin.ContainedKeys(f.query())
	if n == 0 || n > maxArms || !f.noCustomerText || len(ks) == 0 {
		return "", nil, false
	}
	for i, k := range ks {
		ks[i] = escapeLike(k)
	}
	cond, args := `o.name_py LIKE ? ESCAPE '\'`, []any{"%" + strings.Join(ks, "%") + "%"}
	if key, ok := pinyin.Query(f.query()); ok {
		hi := pinyin.Upper(key)
		cond = `(` + cond + ` OR (o.name_py >= ? AND o.name_py < ?) OR (o.name_initials >= ? AND o.name_initials < ?))`
		args = append(args, key, hi, key, hi)
	}
	return cond, args, true
}

// ownerBlockFull reports whether more than need rows of nf (f's filter
// without its text: owners, stages or a view, the index's columns) have a name key starting with f's
// text read as pinyin (ji: 机会… is jihui…, a quarter of an owner's rows):
// matches all, found on opportunities_owner_name's entries in a few
// hundred microseconds, where counting them by walking the owners' rows
// and testing each reads thousands.
func (f OpportunityFilter) ownerBlockFull(ctx context.Context, q Querier, nf OpportunityFilter, need int) (bool, error) {
	owners := uniqueIDs(f.OwnerIDs)
	key, ok := pinyin.Query(f.query())
	if !ok || len(owners) == 0 || len(owners) > maxArms {
		return false, nil
	}
	if len(nf.Sources) > 0 || len(nf.Types) > 0 || nf.CloseFrom != "" || nf.CloseTo != "" || nf.CustomerID != 0 || nf.extraFiltered() {
		// Conditions the index does not hold: each would read the block's
		// rows (a quarter of the owner's) to find the matches few.
		return false, nil
	}
	c, a := inInts("o.owner_id", owners)
	conds, cargs := nf.conds(leadNone)
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM (SELECT 1 FROM opportunities o INDEXED BY opportunities_owner_name WHERE `+
		strings.Join(append([]string{c + ` AND o.owner_id > 0 AND o.name_py >= ? AND o.name_py < ?`}, conds...), " AND ")+` LIMIT ?)`,
		append(append(a, key, pinyin.Upper(key)), append(cargs, need+1)...)...)
	if err != nil {
		return false, fmt.Errorf("search opportunities: %w", err)
	}
	return n > need, nil
}

// ownerKeyWalk is a walk of f's owners' rows on opportunities_owner_name
// ("> 0" names the partial index, migration 0041) testing key
// (ownerKeyTest) on each entry, then f's conditions on the row: the
// table expression, the conditions and their arguments.
func (f OpportunityFilter) ownerKeyWalk(key string, keyArgs []any) (string, []string, []any) {
	c, a := inInts("o.owner_id", uniqueIDs(f.OwnerIDs))
	conds, cargs := f.conds(leadNone)
	return `opportunities o INDEXED BY opportunities_owner_name`, append([]string{c + ` AND o.owner_id > 0 AND ` + key}, conds...),
		append(append(a, keyArgs...), cargs...)
}

// onFilteredPlan, when set (tests), sees the way filteredSearch takes.
var onFilteredPlan func(way string)

// walkFollowsFilter reports whether a capped page walks f's own rows in
// its sort order (the close date within each owner or stage, the stages
// in order, one owner's names: opportunities_owner_name) or the word's
// parts in name order (filteredNamePage), rather than the whole table's
// sort index testing each row against the filter (walkPage).
func walkFollowsFilter(f OpportunityFilter) bool {
	switch f.sortKey() {
	case "expectedClose", "stage", "name":
		return true
	}
	return false
}

// checkedPage reads every row of from (alias o) passing cond (an id list
// or index walk and the text's test) once: their number and the page of
// them in f's order.
func checkedPage(ctx context.Context, q Querier, f OpportunityFilter, from, cond string, args []any, offset, limit int) (
	[]int64, int, error) {
	dir := f.dir()
	var rows []struct {
		ID int64 `db:"id"`
		N  int   `db:"n"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT o.id, COUNT(*) OVER () AS n FROM `+from+` WHERE `+cond+
		` ORDER BY +`+SortColumns[f.sortKey()]+dir+`, o.id`+dir+` LIMIT ? OFFSET ?`, append(args, limit, offset)...); err != nil {
		return nil, 0, fmt.Errorf("list opportunities: %w", err)
	}
	ids := []int64{}
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	if len(rows) > 0 {
		return ids, rows[0].N, nil
	}
	// A page past the end: count them.
	var n int
	if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM `+from+` WHERE `+cond, args...); err != nil {
		return nil, 0, fmt.Errorf("list opportunities: %w", err)
	}
	return ids, n, nil
}

// estimateCands counts the candidates of a search under a filter up to n:
// the opportunities' own on their indexes, those of the matching customers
// (withCust) as the customers' count times the opportunities a customer
// has on average. Counting them through the join costs a seek per
// customer and an entry per opportunity (11 ms for kh's 67,000 at a
// million rows), more than the walk it then chooses.
func estimateCands(ctx context.Context, q Querier, own, cust textPlan, withCust bool, rows, n int64) (int64, error) {
	t, err := countCands(ctx, q, own, n)
	if err != nil || !withCust || t >= n {
		return t, err
	}
	per := float64(rows) / float64(max(maxID(ctx, q, "customers"), 1))
	c, err := countCands(ctx, q, cust, int64(float64(n-t)/per)+1)
	return min(n, t+int64(math.Ceil(float64(c)*per))), err
}

// filterSize counts the rows of f (no text search) up to n: from the kept
// totals when they answer, else on f's leading index; n for a filter no
// index leads (counting would read the table, as would its walk).
func filterSize(ctx context.Context, q Querier, f OpportunityFilter, n int64) (int64, error) {
	if c, ok, err := keptCount(ctx, q, f); err != nil || ok {
		return min(int64(c), n), err
	}
	if f.lead() == leadNone {
		return n, nil
	}
	cond, args := f.where()
	var c int64
	if err := q.GetContext(ctx, &c, `SELECT COUNT(*) FROM (SELECT 1 FROM opportunities o`+cond+` LIMIT ?)`,
		append(args, n)...); err != nil {
		return 0, fmt.Errorf("count opportunities: %w", err)
	}
	return c, nil
}

// listIDs runs query (of one id column) and returns its ids, read as one
// row of text (thousands of rows cost a call into SQLite each).
func listIDs(ctx context.Context, q Querier, query string, args ...any) ([]int64, error) {
	var list string
	if err := q.GetContext(ctx, &list, `SELECT COALESCE(group_concat(id), '') FROM (`+query+`)`, args...); err != nil {
		return nil, fmt.Errorf("list opportunities: %w", err)
	}
	out := []int64{}
	if list == "" {
		return out, nil
	}
	return parseIDs(list)
}

// customerHint sets noCustomerText when f searches a word no customer's
// name has: a walk then tests each row's own names only, without reading
// its customer.
func (f OpportunityFilter) customerHint(ctx context.Context, q Querier) (OpportunityFilter, error) {
	if f.query() == "" || f.noCustomerText {
		return f, nil
	}
	cust := textSources("customers", f.query())
	some, err := gatherIDs(ctx, q, cust.arms, cust.args, 1)
	if err != nil {
		return f, fmt.Errorf("list opportunities: %w", err)
	}
	f.noCustomerText = len(some) == 0
	return f, nil
}

// walkSearchPage walks f's sort order testing each row (conds(leadNone)).
func walkSearchPage(ctx context.Context, q Querier, f OpportunityFilter, offset, limit int) ([]int64, error) {
	switch key := f.sortKey(); key {
	case "expectedClose":
		return closePage(ctx, q, f, offset, limit)
	case "stage":
		return stagePage(ctx, q, f, offset, limit)
	default:
		return walkPage(ctx, q, f, sortIndex[key].col, offset, limit)
	}
}

// maxID is the largest id of table (its size, near enough, for the cost
// model); 0 on error.
func maxID(ctx context.Context, q Querier, table string) int64 {
	var n int64
	if err := q.GetContext(ctx, &n, `SELECT COALESCE(MAX(id), 0) FROM `+table); err != nil {
		return 0
	}
	return n
}

// opportunitiesByID reads the rows of ids, in that order.
func opportunitiesByID(ctx context.Context, q Querier, ids []int64) ([]Opportunity, error) {
	out := []Opportunity{}
	if len(ids) == 0 {
		return out, nil
	}
	c, a := inInts("o.id", ids)
	var rows []Opportunity
	if err := q.SelectContext(ctx, &rows, oppSelect+` WHERE `+c, a...); err != nil {
		return nil, fmt.Errorf("list opportunities: %w", err)
	}
	out = inOrder(out, ids, rows, func(r Opportunity) int64 { return r.ID })
	return out, nil
}

// sortIDs orders a few ids by f's sort and returns one page of them.
func sortIDs(ctx context.Context, q Querier, f OpportunityFilter, ids []int64, offset, limit int) ([]int64, error) {
	out := []int64{}
	if len(ids) == 0 || offset >= len(ids) {
		return out, nil
	}
	dir := f.dir()
	err := q.SelectContext(ctx, &out, `SELECT o.id FROM opportunities o WHERE o.id IN `+idList+
		` ORDER BY +`+SortColumns[f.sortKey()]+dir+`, o.id`+dir+` LIMIT ? OFFSET ?`, idsJSON(ids), limit, offset)
	if err != nil {
		return nil, fmt.Errorf("list opportunities: %w", err)
	}
	return out, nil
}

// sortIndex names the index that walks the opportunities in each sort
// key's order (with the id as tie-breaker, as the index ends with it), and
// how much cheaper than its lookups reading a covering filter index is
// (amount and probability are in both cover indexes).
var sortIndex = map[string]struct {
	col     string
	covered int
}{
	"amount":      {"o.amount_cents", 10},
	"probability": {"o.probability_bp", 10},
	"updatedAt":   {"o.updated_at", 1},
	"name":        {"o.name_py", 1},
	"createdAt":   {"o.id", 1},
	// opportunities_last_followup (migration 0014).
	"lastFollowup": {"o.last_followup_at", 1},
}

// pageIDs picks the ids of one page among total matches of f. Two ways:
// walk an index in the sort order and stop after offset+limit matches
// (cheap when matches are dense), or read every match through the filter's
// index and sort them (cheap when they are few). The cost model compares
// (offset+limit)·N/total rows walked, each needing a lookup, with total
// rows read. Close dates are walked in order within each stage (or owner)
// and merged, and the stage sort is read stage by stage.
func pageIDs(ctx context.Context, q Querier, f OpportunityFilter, total, offset, limit int) ([]int64, error) {
	if total == 0 || (total > 0 && offset >= total) {
		return []int64{}, nil
	}
	lead := f.lead()
	var err error
	if f, err = f.customerHint(ctx, q); err != nil {
		return nil, err
	}
	few := func(covered int) bool {
		if total < 0 || !f.filtered() {
			return false
		}
		var n int64
		if err := q.GetContext(ctx, &n, `SELECT COALESCE(MAX(id), 0) FROM opportunities`); err != nil {
			return false
		}
		return int64(total)*int64(total) < int64(covered)*int64(offset+limit)*n
	}
	switch key := f.sortKey(); {
	case lead == leadCustomer || (lead == leadQuery && total < 0):
		// A customer has few rows; a search of unknown size may have few.
		return sortedPage(ctx, q, f, offset, limit)
	case lead == leadQuery && utf8.RuneCountInString(f.query()) >= 3:
		// Three or more characters: the bigram candidates are checked row
		// by row (nameContains), which a merged or walked page would redo
		// per stage; reading the matches once and sorting them costs one
		// pass (the many-match case: fewer than searchCollect never get here).
		return sortedPage(ctx, q, f, offset, limit)
	case lead == leadQuery && key == "name" && f.pinyinQuery():
		// Pinyin matches of the names cluster in the order of the key
		// index, which a walk in that order would reach only after
		// looking up the rows before them: sort the matches instead.
		return sortedPage(ctx, q, f, offset, limit)
	case key == "expectedClose":
		if lead == leadQuery && few(1) {
			return sortedPage(ctx, q, f, offset, limit)
		}
		return closePage(ctx, q, f, offset, limit)
	case key == "stage":
		if few(1) {
			return sortedPage(ctx, q, f, offset, limit)
		}
		return stagePage(ctx, q, f, offset, limit)
	default:
		ix := sortIndex[key]
		if few(ix.covered) {
			return sortedPage(ctx, q, f, offset, limit)
		}
		return walkPage(ctx, q, f, ix.col, offset, limit)
	}
}

// sortedPage reads every match through the filter's index and sorts them.
func sortedPage(ctx context.Context, q Querier, f OpportunityFilter, offset, limit int) ([]int64, error) {
	cond, args := f.where()
	dir := f.dir()
	out := []int64{}
	err := q.SelectContext(ctx, &out, `SELECT o.id FROM opportunities o`+cond+
		` ORDER BY +`+SortColumns[f.sortKey()]+dir+`, o.id`+dir+` LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list opportunities: %w", err)
	}
	return out, nil
}

// walkPage walks the sort column's index (every condition written with a
// unary plus, so none of them leads) and checks each row.
func walkPage(ctx context.Context, q Querier, f OpportunityFilter, col string, offset, limit int) ([]int64, error) {
	conds, args := f.conds(leadNone)
	cond := ""
	if len(conds) > 0 {
		cond = " WHERE " + strings.Join(conds, " AND ")
	}
	dir := f.dir()
	order := col + dir + ", o.id" + dir
	if col == "o.id" {
		order = "o.id" + dir
	}
	out := []int64{}
	err := q.SelectContext(ctx, &out, `SELECT o.id FROM opportunities o`+cond+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list opportunities: %w", err)
	}
	return out, nil
}

// maxArms bounds the per-stage or per-owner parts of a merged query.
const maxArms = 64

// closePage merges, in close date order, one index range per stage (or per
// owner when the filter names owners): each range of the cover index is
// already in that order, so SQLite's merge of the UNION ALL reads only
// about offset+limit entries.
func closePage(ctx context.Context, q Querier, f OpportunityFilter, offset, limit int) ([]int64, error) {
	col, vals := "o.owner_id", uniqueIDs(f.OwnerIDs)
	if len(vals) == 0 {
		col = "o.stage_id"
		var err error
		if vals, err = stagesOf(ctx, q, f, false); err != nil {
			return nil, err
		}
	}
	if len(vals) > maxArms {
		return sortedPage(ctx, q, f, offset, limit)
	}
	conds, cargs := f.conds(leadNone)
	dir := f.dir()
	var arms []string
	var args []any
	for _, v := range vals {
		arms = append(arms, `SELECT o.id AS id, o.expected_close AS k FROM opportunities o WHERE `+
			strings.Join(append([]string{col + ` = ?`}, conds...), " AND "))
		args = append(append(args, v), cargs...)
	}
	out := []int64{}
	if len(arms) == 0 {
		return out, nil
	}
	var rows []struct {
		ID int64  `db:"id"`
		K  string `db:"k"`
	}
	err := q.SelectContext(ctx, &rows, strings.Join(arms, " UNION ALL ")+` ORDER BY k`+dir+`, id`+dir+` LIMIT ? OFFSET ?`,
		append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list opportunities: %w", err)
	}
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out, nil
}

// uniqueIDs drops repeated ids (one merged part each).
func uniqueIDs(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// stagePage reads the stages in position order (reversed for Desc), each
// by id through opportunities_stage, counting only the stages that the
// offset skips whole.
func stagePage(ctx context.Context, q Querier, f OpportunityFilter, offset, limit int) ([]int64, error) {
	stages, err := stagesOf(ctx, q, f, f.Desc)
	if err != nil {
		return nil, err
	}
	conds, args := f.conds(leadNone)
	countConds, countArgs := f.conds(leadStage)
	if f.lead() == leadOwner {
		countConds, countArgs = f.conds(leadOwner)
	}
	dir := f.dir()
	out := []int64{}
	for _, st := range stages {
		if len(out) >= limit {
			break
		}
		if offset > 0 {
			var n int
			if err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM opportunities o WHERE `+
				strings.Join(append([]string{`o.stage_id = ?`}, countConds...), " AND "), append([]any{st}, countArgs...)...); err != nil {
				return nil, fmt.Errorf("list opportunities: %w", err)
			}
			if offset >= n {
				offset -= n
				continue
			}
		}
		var ids []int64
		if err := q.SelectContext(ctx, &ids, `SELECT o.id FROM opportunities o WHERE `+
			strings.Join(append([]string{`o.stage_id = ?`}, conds...), " AND ")+` ORDER BY o.id`+dir+` LIMIT ? OFFSET ?`,
			append(append([]any{st}, args...), limit-len(out), offset)...); err != nil {
			return nil, fmt.Errorf("list opportunities: %w", err)
		}
		offset = 0
		out = append(out, ids...)
	}
	return out, nil
}

// stagesOf returns the ids of the stages f admits, in position order (or
// reversed).
func stagesOf(ctx context.Context, q Querier, f OpportunityFilter, reverse bool) ([]int64, error) {
	query := `SELECT id FROM stages`
	var conds []string
	var args []any
	switch f.View {
	case KindWon, KindLost, KindOpen:
		conds, args = append(conds, `kind = ?`), append(args, f.View)
	}
	if len(f.StageIDs) > 0 {
		c, a := inInts("id", f.StageIDs)
		conds, args = append(conds, c), append(args, a...)
	}
	if len(conds) > 0 {
		query += ` WHERE ` + strings.Join(conds, " AND ")
	}
	if reverse {
		query += ` ORDER BY position DESC, id DESC`
	} else {
		query += ` ORDER BY position, id`
	}
	out := []int64{}
	if err := q.SelectContext(ctx, &out, query, args...); err != nil {
		return nil, fmt.Errorf("stages: %w", err)
	}
	return out, nil
}

// EachOpportunity streams every opportunity matching f in its sort order.
func EachOpportunity(ctx context.Context, q Querier, f OpportunityFilter, fn func(Opportunity) error) error {
	cond, args := f.where()
	rows, err := q.QueryxContext(ctx, oppSelect+cond+f.orderBy(), args...)
	if err != nil {
		return fmt.Errorf("export opportunities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o Opportunity
		if err := rows.StructScan(&o); err != nil {
			return err
		}
		if err := fn(o); err != nil {
			return err
		}
	}
	return rows.Err()
}

// StageTotal is the count and amount of one stage under a filter.
type StageTotal struct {
	StageID     int64 `db:"stage_id" json:"stageId"`
	Count       int   `db:"n" json:"count"`
	AmountCents int64 `db:"amount" json:"amountCents"`
	// WeightedRaw is Σ amount_cents × probability_bp (scale 10^4 cents).
	WeightedRaw int64 `db:"weighted" json:"-"`
}

// totalsWhere is where() for sums of amounts and probabilities by stage:
// stage, amount and probability are in both cover indexes, so no row is
// read. A view or close dates walk opportunities_stage_cover (already
// grouped by stage), owners opportunities_owner_cover. Unlike a count, a
// source or type filter alone is better answered by one covered pass over
// opportunities_stage_cover than by its own index and a lookup per row
// (about 60 ms against 280 ms for 300,000 rows); with no filter, naming
// every stage keeps SQLite off the narrow stage index, which would read
// every row.
func (f OpportunityFilter) totalsWhere() (string, []any) {
	lead := f.lead()
	switch lead {
	case leadNone:
		if !f.extraFiltered() {
			return ` WHERE o.stage_id IN (SELECT id FROM stages)`, nil
		}
		lead = leadClose
	case leadSource, leadType:
		lead = leadClose
	}
	conds, args := f.conds(lead)
	return " WHERE " + strings.Join(conds, " AND "), args
}

// StageTotals groups the opportunities matching f by stage: from the kept
// totals when they answer f (KeptStageTotals), else counted (totalsWhere
// says which index answers). Like SQLite's SUM, it fails with an overflow
// (IsOverflow) when a stage's Σ amount × probability leaves 64 bits.
func StageTotals(ctx context.Context, q Querier, f OpportunityFilter) ([]StageTotal, error) {
	kept, ok, err := KeptStageTotals(ctx, q, f)
	if err != nil {
		return nil, err
	}
	if ok {
		out := make([]StageTotal, 0, len(kept))
		for _, k := range kept {
			if !k.Weighted.IsInt64() {
				// The counting path fails alike, and callers know that error.
				return stageTotalsExact(ctx, q, f)
			}
			out = append(out, StageTotal{StageID: k.StageID, Count: k.Count, AmountCents: k.AmountCents, WeightedRaw: k.Weighted.Int64()})
		}
		return out, nil
	}
	return stageTotalsExact(ctx, q, f)
}

// StageCards returns the first limit opportunities of one stage under f,
// by expected close date.
func StageCards(ctx context.Context, q Querier, f OpportunityFilter, stageID int64, limit int) ([]Opportunity, error) {
	cards, err := StagesCards(ctx, q, f, []int64{stageID}, limit)
	return cards[stageID], err
}

// StagesCards is StageCards for several stages at once: each stage's ids
// as StageCards finds them, then every card read in one statement (the
// board's columns cost a statement and a scan each otherwise).
func StagesCards(ctx context.Context, q Querier, f OpportunityFilter, stageIDs []int64, limit int) (map[int64][]Opportunity, error) {
	f.Sort, f.Desc = "expectedClose", false
	byStage := make(map[int64][]int64, len(stageIDs))
	var all []int64
	for _, id := range stageIDs {
		sf := f
		sf.StageIDs = []int64{id}
		ids, err := pageIDs(ctx, q, sf, -1, 0, limit)
		if err != nil {
			return nil, err
		}
		byStage[id] = ids
		all = append(all, ids...)
	}
	rows, err := opportunitiesByID(ctx, q, all)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]Opportunity, len(rows))
	for _, r := range rows {
		at[r.ID] = r
	}
	out := make(map[int64][]Opportunity, len(stageIDs))
	for _, s := range stageIDs {
		cards := []Opportunity{}
		for _, id := range byStage[s] {
			if o, ok := at[id]; ok {
				cards = append(cards, o)
			}
		}
		out[s] = cards
	}
	return out, nil
}

// GetOpportunity returns one opportunity or ErrNotFound.
func GetOpportunity(ctx context.Context, q Querier, id int64) (Opportunity, error) {
	var o Opportunity
	err := q.GetContext(ctx, &o, oppSelect+` WHERE o.id = ?`, id)
	return o, notFound(err)
}

// InsertOpportunity adds an opportunity.
func InsertOpportunity(ctx context.Context, q Querier, o Opportunity) (int64, error) {
	now := Now()
	res, err := q.ExecContext(ctx, `INSERT INTO opportunities (`+oppColumns+`, created_at, updated_at) VALUES (`+oppMarks+`, ?, ?)`,
		append(oppValues(o), now, now)...)
	if err != nil {
		return 0, fmt.Errorf("insert opportunity: %w", err)
	}
	return res.LastInsertId()
}

// oppFields are the columns every write of an opportunity's own fields
// sets, each with its value: the insert, the update and the import writer
// all write from here, so a new field is one line (and its select column).
var oppFields = []struct {
	col string
	val func(o *Opportunity, py, ini string) any
}{
	{"name", func(o *Opportunity, _, _ string) any { return o.Name }},
	{"name_py", func(_ *Opportunity, py, _ string) any { return py }},
	{"name_initials", func(_ *Opportunity, _, ini string) any { return ini }},
	{"customer_id", func(o *Opportunity, _, _ string) any { return o.CustomerID }},
	{"type", func(o *Opportunity, _, _ string) any { return o.Type }},
	{"source", func(o *Opportunity, _, _ string) any { return o.Source }},
	{"owner_id", func(o *Opportunity, _, _ string) any { return o.OwnerID }},
	{"campaign", func(o *Opportunity, _, _ string) any { return o.Campaign }},
	{"amount_cents", func(o *Opportunity, _, _ string) any { return o.AmountCents }},
	{"expected_close", func(o *Opportunity, _, _ string) any { return o.ExpectedClose }},
	{"next_step", func(o *Opportunity, _, _ string) any { return o.NextStep }},
	{"stage_id", func(o *Opportunity, _, _ string) any { return o.StageID }},
	{"probability_bp", func(o *Opportunity, _, _ string) any { return o.ProbabilityBP }},
	{"description", func(o *Opportunity, _, _ string) any { return o.Description }},
	{"lost_reason", func(o *Opportunity, _, _ string) any { return o.LostReason }},
	{"competitor", func(o *Opportunity, _, _ string) any { return o.Competitor }},
	{"priority", func(o *Opportunity, _, _ string) any { return o.Priority }},
}

// oppColumns, oppMarks and oppSets are oppFields as SQL: the column list,
// its placeholders, and "col = ?" pairs.
var oppColumns, oppMarks, oppSets = func() (string, string, string) {
	var cols, marks, sets []string
	for _, f := range oppFields {
		cols, marks, sets = append(cols, f.col), append(marks, "?"), append(sets, f.col+" = ?")
	}
	return strings.Join(cols, ", "), strings.Join(marks, ", "), strings.Join(sets, ", ")
}()

// oppValues is o's values for oppFields, in their order.
func oppValues(o Opportunity) []any {
	py, ini := pinyin.Keys(o.Name)
	out := make([]any, len(oppFields))
	for i, f := range oppFields {
		out[i] = f.val(&o, py, ini)
	}
	return out
}

// UpdateOpportunity writes every editable field.
func UpdateOpportunity(ctx context.Context, q Querier, o Opportunity) error {
	_, err := q.ExecContext(ctx, `UPDATE opportunities SET `+oppSets+`, updated_at = ? WHERE id = ?`,
		append(oppValues(o), Now(), o.ID)...)
	if err != nil {
		return fmt.Errorf("update opportunity: %w", err)
	}
	return nil
}

// SetOpportunityOwner reassigns opportunities.
func SetOpportunityOwner(ctx context.Context, q Querier, ids []int64, ownerID int64) (int, error) {
	c, args := inInts("id", ids)
	res, err := q.ExecContext(ctx, `UPDATE opportunities SET owner_id = ?, updated_at = ? WHERE `+c, append([]any{ownerID, Now()}, args...)...)
	if err != nil {
		return 0, fmt.Errorf("change owner: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// DeleteOpportunities removes opportunities with their stage history.
func DeleteOpportunities(ctx context.Context, q Querier, ids []int64) (int, error) {
	c, args := inInts("id", ids)
	res, err := q.ExecContext(ctx, `DELETE FROM opportunities WHERE `+c, args...)
	if err != nil {
		return 0, fmt.Errorf("delete opportunities: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// CountOpportunities counts the opportunities of a customer.
func CountOpportunities(ctx context.Context, q Querier, customerID int64) (int, error) {
	var n int
	err := q.GetContext(ctx, &n, `SELECT COUNT(*) FROM opportunities WHERE customer_id = ?`, customerID)
	return n, err
}

// DistinctSources lists the sources in use, for filter choices.
func DistinctSources(ctx context.Context, q Querier) ([]string, error) {
	out := []string{}
	// Each table's distinct sources by skipping through its source index
	// (one seek per value, not a pass over 1,000,000 entries: 86 ms → well
	// under a millisecond at 1M; customers_source is migration 0025's).
	err := q.SelectContext(ctx, &out, `WITH RECURSIVE
		os(v, n) AS (SELECT MIN(source), 1 FROM opportunities WHERE source > ''
			UNION ALL SELECT (SELECT MIN(source) FROM opportunities WHERE source > os.v), n + 1 FROM os WHERE os.v IS NOT NULL AND n < 200),
		cs(v, n) AS (SELECT MIN(source), 1 FROM customers WHERE source > ''
			UNION ALL SELECT (SELECT MIN(source) FROM customers WHERE source > cs.v), n + 1 FROM cs WHERE cs.v IS NOT NULL AND n < 200)
		SELECT v FROM os WHERE v IS NOT NULL UNION SELECT v FROM cs WHERE v IS NOT NULL ORDER BY 1 LIMIT 200`)
	return out, err
}

// StageChange is one row of an opportunity's stage history.
type StageChange struct {
	ID            int64  `db:"id" json:"id"`
	OpportunityID int64  `db:"opportunity_id" json:"opportunityId"`
	FromStageID   *int64 `db:"from_stage_id" json:"fromStageId"`
	FromStageName string `db:"from_name" json:"fromStageName"`
	ToStageID     int64  `db:"to_stage_id" json:"toStageId"`
	ToStageName   string `db:"to_name" json:"toStageName"`
	ChangedAt     string `db:"changed_at" json:"changedAt"`
}

// InsertStageChange records a stage change (from is nil on creation).
func InsertStageChange(ctx context.Context, q Querier, oppID int64, from *int64, to int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at) VALUES (?, ?, ?, ?)`,
		oppID, from, to, Now())
	if err != nil {
		return fmt.Errorf("record stage change: %w", err)
	}
	return nil
}

// ListStageChanges returns an opportunity's stage history, oldest first.
func ListStageChanges(ctx context.Context, q Querier, oppID int64) ([]StageChange, error) {
	out := []StageChange{}
	err := q.SelectContext(ctx, &out, `SELECT h.id, h.opportunity_id, h.from_stage_id, COALESCE(f.name, '') AS from_name,
		h.to_stage_id, t.name AS to_name, h.changed_at
		FROM stage_history h LEFT JOIN stages f ON f.id = h.from_stage_id JOIN stages t ON t.id = h.to_stage_id
		WHERE h.opportunity_id = ? ORDER BY h.id`, oppID)
	return out, err
}
