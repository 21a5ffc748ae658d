// Package target keeps the sales targets (销售目标) of the company, its
// teams and its salespeople and measures what was achieved against them.
//
// A target is yearly, in one dimension, and is twelve monthly values: the
// year and the quarters are always the sums of their months and are never
// stored. A year figure is split into months evenly or by last year's
// monthly shares of the same dimension's actuals; either way the months are
// rounded down and the remainder goes to December, so they sum to the cent.
// When last year has nothing to share by, the split is even and says so.
//
// The actuals (store.Actuals) count, by the day each one happened:
//   - won_amount: the opportunity's amount on the day it last entered a
//     won stage (stages.kind); won, reopened and won again counts once, at
//     the last win; won, reopened and still open counts not at all;
//   - order_amount: orders by signing date, net of their returns, voided
//     orders left out; orders: their number;
//   - receipts: receipts by receipt date, those of voided orders left out;
//   - new_opportunities, new_customers: by creation date.
//
// Each is credited to the salesperson who owns the record now; a team's
// actual is its members' and its sub-teams' members'.
package target

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/oplog"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/validate"
)

// The dimensions a target may be set in.
const (
	WonAmount        = "won_amount"
	OrderAmount      = "order_amount"
	Receipts         = "receipts"
	Orders           = "orders"
	NewOpportunities = "new_opportunities"
	NewCustomers     = "new_customers"
)

// Dimensions lists them in the order the screen offers them.
var Dimensions = []string{WonAmount, OrderAmount, Receipts, Orders, NewOpportunities, NewCustomers}

// IsMoney reports whether a dimension is money (cents) rather than a count.
func IsMoney(dim string) bool {
	return dim == WonAmount || dim == OrderAmount || dim == Receipts
}

// Scopes of a target.
const (
	Company = "company"
	Team    = "team"
	Owner   = "owner"
)

// Split methods.
const (
	Even     = "even"
	LastYear = "last_year"
)

// Service is the 销售目标 screen's backend, bound to Wails.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

func (s *Service) ctx() context.Context { return s.env.Ctx() }

// Row is one line of the targets grid: the company, a team or a person.
type Row struct {
	Scope    string    `json:"scope"`
	ScopeID  int64     `json:"scopeId"`
	Name     string    `json:"name"`
	ParentID int64     `json:"parentId"` // a team's parent team, a person's team (0: none)
	Depth    int       `json:"depth"`    // 0 company, 1 teams under it, …
	Retired  bool      `json:"retired"`
	Set      bool      `json:"set"` // a target is stored
	Months   [12]int64 `json:"months"`
	Quarters [4]int64  `json:"quarters"`
	Year     int64     `json:"year"`
	// For a team: its members' targets summed (the people of the team and
	// of its sub-teams) and that sum minus the team's own figure.
	Members     int   `json:"members"`
	MembersYear int64 `json:"membersYear"`
	MembersDiff int64 `json:"membersDiff"`
}

func (r *Row) fill(m [12]int64) {
	r.Months, r.Quarters, r.Year = m, [4]int64{}, 0
	for i, v := range m {
		r.Quarters[i/3] += v
		r.Year += v
	}
}

// GridRequest chooses the year and dimension of the grid.
type GridRequest struct {
	Year      int    `json:"year"`
	Dimension string `json:"dimension"`
}

// Grid is every target of one year and dimension: the company, each team
// (tree order) and each active salesperson (and retired ones that have a
// target that year).
type Grid struct {
	Year      int    `json:"year"`
	Dimension string `json:"dimension"`
	Money     bool   `json:"money"`
	Rows      []Row  `json:"rows"`
}

func checkYearDim(year int, dim string) error {
	var errs apperr.List
	if year < 1900 || year > 9999 {
		errs.Add(apperr.Invalid("year", msg.TargetYearBad, msg.P{"value": strconv.Itoa(year)}))
	}
	errs.Add(checkDimension(dim))
	return errs.Err()
}

func checkDimension(dim string) error {
	for _, d := range Dimensions {
		if d == dim {
			return nil
		}
	}
	return apperr.Invalid("dimension", msg.TargetDimensionBad, msg.P{"value": dim})
}

// Grid returns the targets grid.
func (s *Service) Grid(req GridRequest) (Grid, error) {
	if err := checkYearDim(req.Year, req.Dimension); err != nil {
		return Grid{}, err
	}
	return grid(s.ctx(), s.st.DB, req.Year, req.Dimension)
}

// tree is the team tree and the people in it.
type tree struct {
	root     int64 // the company's team (parent NULL)
	teams    []store.Team
	byID     map[int64]store.Team
	depth    map[int64]int
	owners   map[int64]store.Owner
	ownerTm  map[int64]int64
	children map[int64][]int64
}

func loadTree(ctx context.Context, q store.Querier) (*tree, error) {
	teams, err := store.ListTeams(ctx, q)
	if err != nil {
		return nil, err
	}
	owners, err := store.OwnersState(ctx, q)
	if err != nil {
		return nil, err
	}
	ot, err := store.OwnerTeams(ctx, q)
	if err != nil {
		return nil, err
	}
	t := &tree{teams: teams, byID: map[int64]store.Team{}, depth: map[int64]int{}, owners: owners, ownerTm: ot, children: map[int64][]int64{}}
	for _, tm := range teams {
		t.byID[tm.ID] = tm
		if tm.ParentID == nil {
			if t.root == 0 {
				t.root = tm.ID
			}
			continue
		}
		t.children[*tm.ParentID] = append(t.children[*tm.ParentID], tm.ID)
	}
	return t, nil
}

// ordered returns the non-root teams depth first, with their depth.
func (t *tree) ordered() []store.Team {
	var out []store.Team
	var walk func(id int64, d int)
	walk = func(id int64, d int) {
		for _, c := range t.children[id] {
			t.depth[c] = d
			out = append(out, t.byID[c])
			walk(c, d+1)
		}
	}
	walk(t.root, 1)
	// Teams outside the company's tree (should not happen) come last.
	for _, tm := range t.teams {
		if _, ok := t.depth[tm.ID]; !ok && tm.ID != t.root {
			t.depth[tm.ID] = 1
			out = append(out, tm)
		}
	}
	return out
}

// under returns the people of team id and its sub-teams (the root: all).
func (t *tree) under(id int64) []int64 {
	in := map[int64]bool{id: true}
	changed := true
	for changed {
		changed = false
		for _, tm := range t.teams {
			if tm.ParentID != nil && in[*tm.ParentID] && !in[tm.ID] {
				in[tm.ID] = true
				changed = true
			}
		}
	}
	var out []int64
	for oid := range t.owners {
		if tid, ok := t.ownerTm[oid]; ok && in[tid] {
			out = append(out, oid)
		}
	}
	sortIDs(out)
	return out
}

func sortIDs(ids []int64) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

func grid(ctx context.Context, q store.Querier, year int, dim string) (Grid, error) {
	t, err := loadTree(ctx, q)
	if err != nil {
		return Grid{}, err
	}
	stored, err := store.ListTargets(ctx, q, dim, year, year)
	if err != nil {
		return Grid{}, err
	}
	type key struct {
		scope string
		id    int64
	}
	have := map[key][12]int64{}
	for _, tg := range stored {
		have[key{tg.Scope, tg.ScopeID}] = tg.Months()
	}
	row := func(scope string, id int64, name string) Row {
		r := Row{Scope: scope, ScopeID: id, Name: name}
		m, ok := have[key{scope, id}]
		r.Set = ok
		r.fill(m)
		return r
	}
	g := Grid{Year: year, Dimension: dim, Money: IsMoney(dim), Rows: []Row{}}
	g.Rows = append(g.Rows, row(Company, 0, companyName(t)))
	for _, tm := range t.ordered() {
		r := row(Team, tm.ID, tm.Name)
		if tm.ParentID != nil && *tm.ParentID != t.root {
			r.ParentID = *tm.ParentID
		}
		r.Depth = t.depth[tm.ID]
		for _, oid := range t.under(tm.ID) {
			if m, ok := have[key{Owner, oid}]; ok {
				for _, v := range m {
					r.MembersYear += v
				}
			}
			if t.owners[oid].Active {
				r.Members++
			}
		}
		r.MembersDiff = r.MembersYear - r.Year
		g.Rows = append(g.Rows, r)
	}
	people, err := store.ListOwners(ctx, q, true)
	if err != nil {
		return Grid{}, err
	}
	for _, o := range people {
		_, set := have[key{Owner, o.ID}]
		if !o.Active && !set {
			continue
		}
		r := row(Owner, o.ID, o.Name)
		r.Retired = !o.Active
		if tid, ok := t.ownerTm[o.ID]; ok && tid != t.root {
			r.ParentID = tid
		}
		g.Rows = append(g.Rows, r)
	}
	return g, nil
}

func companyName(t *tree) string {
	if tm, ok := t.byID[t.root]; ok {
		return tm.Name
	}
	return "公司"
}

// SaveInput is one target's twelve months as typed: yuan for money
// dimensions (12345.67), whole numbers for counts; "" is 0.
type SaveInput struct {
	Year      int      `json:"year"`
	Dimension string   `json:"dimension"`
	Scope     string   `json:"scope"`
	ScopeID   int64    `json:"scopeId"`
	Months    []string `json:"months"`
}

// checkScope checks that the target's holder exists and may have one: the
// company; a team that exists; a salesperson who exists and is not retired.
func checkScope(ctx context.Context, q store.Querier, scope string, id int64) (string, error) {
	switch scope {
	case Company:
		if id != 0 {
			return "", apperr.Invalid("scopeId", msg.TargetCompanyID)
		}
		return "", nil
	case Team:
		tm, err := store.GetTeam(ctx, q, id)
		if errors.Is(err, store.ErrNotFound) {
			return "", apperr.NotFound("scopeId", msg.TeamNotFound)
		}
		if err != nil {
			return "", err
		}
		if tm.ParentID == nil {
			return "", apperr.Invalid("scopeId", msg.TargetRootTeam, msg.P{"name": tm.Name})
		}
		return tm.Name, nil
	case Owner:
		o, err := store.GetOwner(ctx, q, id)
		if errors.Is(err, store.ErrNotFound) {
			return "", apperr.NotFound("scopeId", msg.ReportOwnerNotFound)
		}
		if err != nil {
			return "", err
		}
		if !o.Active {
			return "", apperr.Invalid("scopeId", msg.TargetRetired, msg.P{"name": o.Name})
		}
		return o.Name, nil
	}
	return "", apperr.Invalid("scope", msg.TargetScopeBad, msg.P{"value": scope})
}

// parseValue reads one typed value of dim: yuan into cents, or a count.
func parseValue(field string, label msg.Key, dim, s string) (int64, error) {
	s = strings.TrimSpace(s)
	if IsMoney(dim) {
		return validate.Amount(field, label, s, false)
	}
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
	if err != nil {
		if strings.HasPrefix(s, "-") {
			return 0, apperr.Invalid(field, msg.Negative, msg.P{"label": label, "value": s})
		}
		return 0, apperr.Invalid(field, msg.TargetCountBad, msg.P{"label": label, "value": s})
	}
	if n < 0 {
		return 0, apperr.Invalid(field, msg.Negative, msg.P{"label": label, "value": s})
	}
	if n > 1e12 {
		return 0, apperr.Invalid(field, msg.OutOfRange, msg.P{"label": label, "value": s})
	}
	return n, nil
}

// monthLabels name each month's field in messages (1月 … 12月).
var monthLabels = [12]msg.Key{msg.TargetM1, msg.TargetM2, msg.TargetM3, msg.TargetM4, msg.TargetM5, msg.TargetM6,
	msg.TargetM7, msg.TargetM8, msg.TargetM9, msg.TargetM10, msg.TargetM11, msg.TargetM12}

// Save stores one target's twelve months (every bad field named at once;
// nothing saved unless all are good) and returns its grid row.
func (s *Service) Save(in SaveInput) (Row, error) {
	ctx := s.ctx()
	var errs apperr.List
	errs.Add(checkYearDim(in.Year, in.Dimension))
	name, err := checkScope(ctx, s.st.DB, in.Scope, in.ScopeID)
	errs.Add(err)
	var m [12]int64
	if len(in.Months) != 12 {
		errs.Add(apperr.Invalid("months", msg.TargetTwelve, msg.P{"n": strconv.Itoa(len(in.Months))}))
	} else if in.Dimension != "" && checkDimension(in.Dimension) == nil {
		for i, v := range in.Months {
			n, err := parseValue(fmt.Sprintf("m%d", i+1), monthLabels[i], in.Dimension, v)
			errs.Add(err)
			m[i] = n
		}
	}
	if err := errs.Err(); err != nil {
		return Row{}, err
	}
	if err := s.put(ctx, in.Year, in.Dimension, in.Scope, in.ScopeID, name, m); err != nil {
		return Row{}, err
	}
	r := Row{Scope: in.Scope, ScopeID: in.ScopeID, Name: name, Set: true}
	r.fill(m)
	return r, nil
}

// put writes one target with its log entry in one transaction.
func (s *Service) put(ctx context.Context, year int, dim, scope string, id int64, name string, m [12]int64) error {
	return s.st.Tx(ctx, func(tx store.Tx) error {
		return putTx(ctx, tx, year, dim, scope, id, name, m)
	})
}

func putTx(ctx context.Context, tx store.Tx, year int, dim, scope string, id int64, name string, m [12]int64) error {
	old, err := store.GetTarget(ctx, tx, year, dim, scope, id)
	action := oplog.Update
	if errors.Is(err, store.ErrNotFound) {
		action = oplog.Create
	} else if err != nil {
		return err
	}
	t := store.Target{Year: year, Dimension: dim, Scope: scope, ScopeID: id}
	t.SetMonths(m)
	tid, err := store.PutTarget(ctx, tx, t)
	if err != nil {
		return err
	}
	var before any
	if action == oplog.Update {
		before = logView(old.Months())
	}
	return oplog.Record(ctx, tx, oplog.Entry{Kind: "target", ID: tid, Name: logName(year, dim, scope, name),
		Action: action, Old: before, New: logView(m)})
}

func logName(year int, dim, scope, name string) string {
	if scope == Company {
		name = "公司"
	}
	return fmt.Sprintf("%d %s %s", year, msg.Render(msg.Zh, dimLabel(dim), nil), name)
}

func logView(m [12]int64) map[string]any {
	out := map[string]any{}
	for i, v := range m {
		out[fmt.Sprintf("m%d", i+1)] = v
	}
	return out
}

// DeleteInput names one target.
type DeleteInput struct {
	Year      int    `json:"year"`
	Dimension string `json:"dimension"`
	Scope     string `json:"scope"`
	ScopeID   int64  `json:"scopeId"`
}

// Delete removes one target (retired people's too).
func (s *Service) Delete(in DeleteInput) error {
	if err := checkYearDim(in.Year, in.Dimension); err != nil {
		return err
	}
	ctx := s.ctx()
	return s.st.Tx(ctx, func(tx store.Tx) error {
		old, err := store.GetTarget(ctx, tx, in.Year, in.Dimension, in.Scope, in.ScopeID)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.NotFound("scopeId", msg.TargetNotFound)
		}
		if err != nil {
			return err
		}
		if err := store.DeleteTarget(ctx, tx, in.Year, in.Dimension, in.Scope, in.ScopeID); err != nil {
			return err
		}
		return oplog.Record(ctx, tx, oplog.Entry{Kind: "target", ID: old.ID, Name: logName(in.Year, in.Dimension, in.Scope, ""),
			Action: oplog.Delete, Old: logView(old.Months())})
	})
}

// SplitMonths splits total into twelve months: by the shares of weights
// when they have anything (last year's monthly actuals), else evenly. Every
// month is rounded down and December takes the remainder, so the months
// sum to total exactly. even reports whether it split evenly.
func SplitMonths(total int64, weights [12]int64) (m [12]int64, even bool) {
	var sum int64
	for _, w := range weights {
		if w > 0 {
			sum += w
		}
	}
	var given int64
	if sum <= 0 {
		for i := 0; i < 11; i++ {
			m[i] = total / 12
			given += m[i]
		}
		m[11] = total - given
		return m, true
	}
	bt, bs := big.NewInt(total), big.NewInt(sum)
	for i := 0; i < 11; i++ {
		w := weights[i]
		if w < 0 {
			w = 0
		}
		v := new(big.Int).Mul(bt, big.NewInt(w))
		v.Quo(v, bs)
		m[i] = v.Int64()
		given += m[i]
	}
	m[11] = total - given
	return m, false
}

// SplitInput is a year figure to split into months.
type SplitInput struct {
	Year      int    `json:"year"`
	Dimension string `json:"dimension"`
	Scope     string `json:"scope"`
	ScopeID   int64  `json:"scopeId"`
	Total     string `json:"total"`
	Method    string `json:"method"` // even | last_year
}

// SplitResult is the saved row and how it was split.
type SplitResult struct {
	Row Row `json:"row"`
	// Method is the split used: last_year falls back to even when last
	// year has no actuals in the dimension (FellBack true).
	Method   string `json:"method"`
	FellBack bool   `json:"fellBack"`
}

// Split saves a target entered as a year figure, split into months.
func (s *Service) Split(in SplitInput) (SplitResult, error) {
	ctx := s.ctx()
	var errs apperr.List
	errs.Add(checkYearDim(in.Year, in.Dimension))
	name, err := checkScope(ctx, s.st.DB, in.Scope, in.ScopeID)
	errs.Add(err)
	var total int64
	if checkDimension(in.Dimension) == nil {
		total, err = parseValue("total", msg.TargetYearFigure, in.Dimension, in.Total)
		if errs.OK(err) && strings.TrimSpace(in.Total) == "" {
			errs.Add(apperr.Invalid("total", msg.Required, msg.P{"label": msg.TargetYearFigure}))
		}
	}
	if in.Method != Even && in.Method != LastYear {
		errs.Add(apperr.Invalid("method", msg.TargetMethodBad, msg.P{"value": in.Method}))
	}
	if err := errs.Err(); err != nil {
		return SplitResult{}, err
	}
	var weights [12]int64
	if in.Method == LastYear {
		t, err := loadTree(ctx, s.st.DB)
		if err != nil {
			return SplitResult{}, err
		}
		if weights, err = lastYear(ctx, s.st.DB, t, in.Year, in.Dimension, in.Scope, in.ScopeID); err != nil {
			return SplitResult{}, err
		}
	}
	m, even := SplitMonths(total, weights)
	if err := s.put(ctx, in.Year, in.Dimension, in.Scope, in.ScopeID, name, m); err != nil {
		return SplitResult{}, err
	}
	r := Row{Scope: in.Scope, ScopeID: in.ScopeID, Name: name, Set: true}
	r.fill(m)
	res := SplitResult{Row: r, Method: in.Method, FellBack: in.Method == LastYear && even}
	if even {
		res.Method = Even
	}
	return res, nil
}

// lastYear is the scope's monthly actuals of dim in year−1.
func lastYear(ctx context.Context, q store.Querier, t *tree, year int, dim, scope string, id int64) ([12]int64, error) {
	var w [12]int64
	all, owners := true, []int64(nil)
	switch scope {
	case Team:
		all, owners = false, t.under(id)
	case Owner:
		all, owners = false, []int64{id}
	}
	rows, err := store.Actuals(ctx, q, dim, fmt.Sprintf("%04d-01-01", year-1), fmt.Sprintf("%04d-12-31", year-1), all, owners)
	if err != nil {
		return w, err
	}
	for _, r := range rows {
		if mi, err := strconv.Atoi(r.Month[5:7]); err == nil && mi >= 1 && mi <= 12 {
			w[mi-1] += r.Value
		}
	}
	return w, nil
}

// MembersRequest names a team's target of a year and dimension.
type MembersRequest struct {
	Year      int    `json:"year"`
	Dimension string `json:"dimension"`
	TeamID    int64  `json:"teamId"`
}

// Member is one salesperson of a team in the member split (拆解).
type Member struct {
	OwnerID int64  `json:"ownerId"`
	Name    string `json:"name"`
	// Year is their current year target (0 when none), Suggested the
	// team's figure shared evenly (the remainder to the last member).
	Year      int64 `json:"year"`
	Set       bool  `json:"set"`
	Suggested int64 `json:"suggested"`
}

// Members is a team's figure and its active members, for the split dialog.
type Members struct {
	TeamID   int64    `json:"teamId"`
	TeamName string   `json:"teamName"`
	TeamYear int64    `json:"teamYear"`
	TeamSet  bool     `json:"teamSet"`
	Money    bool     `json:"money"`
	Members  []Member `json:"members"`
	// MembersYear is the members' current targets summed (retired members'
	// too), Diff that minus the team's figure.
	MembersYear int64 `json:"membersYear"`
	Diff        int64 `json:"diff"`
}

// Members returns a team's figure and its members' (people of the team
// and of its sub-teams), for the member split.
func (s *Service) Members(req MembersRequest) (Members, error) {
	ctx := s.ctx()
	var errs apperr.List
	errs.Add(checkYearDim(req.Year, req.Dimension))
	name, err := checkScope(ctx, s.st.DB, Team, req.TeamID)
	if err != nil {
		if ae, ok := apperr.As(err); ok {
			ae.Field = "teamId"
		}
	}
	errs.Add(err)
	if err := errs.Err(); err != nil {
		return Members{}, err
	}
	return members(ctx, s.st.DB, req.Year, req.Dimension, req.TeamID, name)
}

func members(ctx context.Context, q store.Querier, year int, dim string, team int64, name string) (Members, error) {
	t, err := loadTree(ctx, q)
	if err != nil {
		return Members{}, err
	}
	stored, err := store.ListTargets(ctx, q, dim, year, year)
	if err != nil {
		return Members{}, err
	}
	out := Members{TeamID: team, TeamName: name, Money: IsMoney(dim), Members: []Member{}}
	people := map[int64]int64{}
	for _, tg := range stored {
		m := tg.Months()
		var y int64
		for _, v := range m {
			y += v
		}
		switch {
		case tg.Scope == Team && tg.ScopeID == team:
			out.TeamYear, out.TeamSet = y, true
		case tg.Scope == Owner:
			people[tg.ScopeID] = y
		}
	}
	for _, oid := range t.under(team) {
		y, set := people[oid]
		out.MembersYear += y
		o := t.owners[oid]
		if !o.Active {
			continue
		}
		out.Members = append(out.Members, Member{OwnerID: oid, Name: o.Name, Year: y, Set: set})
	}
	out.Diff = out.MembersYear - out.TeamYear
	if n := int64(len(out.Members)); n > 0 {
		var given int64
		for i := range out.Members {
			v := out.TeamYear / n
			if i == len(out.Members)-1 {
				v = out.TeamYear - given
			}
			out.Members[i].Suggested = v
			given += v
		}
	}
	return out, nil
}

// MemberFigure is one member's year figure as typed.
type MemberFigure struct {
	OwnerID int64  `json:"ownerId"`
	Total   string `json:"total"`
}

// MemberSplitInput splits a team's target down to its members: each
// member's year figure, split into months by Method.
type MemberSplitInput struct {
	Year      int            `json:"year"`
	Dimension string         `json:"dimension"`
	TeamID    int64          `json:"teamId"`
	Method    string         `json:"method"`
	Members   []MemberFigure `json:"members"`
}

// MemberSplitResult is the team after the split; Diff ≠ 0 is the warning
// the screen shows (members' sum minus the team's figure), not a refusal.
type MemberSplitResult struct {
	Members
	// FellBack names the members split evenly because they had nothing
	// last year.
	FellBack []string `json:"fellBack"`
}

// SplitMembers saves every member's year figure split into months, in one
// transaction; any bad figure (field members.N.total) or a member who is
// retired or not in the team (members.N.ownerId) saves nothing.
func (s *Service) SplitMembers(in MemberSplitInput) (MemberSplitResult, error) {
	ctx := s.ctx()
	var errs apperr.List
	errs.Add(checkYearDim(in.Year, in.Dimension))
	teamName, err := checkScope(ctx, s.st.DB, Team, in.TeamID)
	if ae, ok := apperr.As(err); ok {
		ae.Field = "teamId"
	}
	errs.Add(err)
	if in.Method != Even && in.Method != LastYear {
		errs.Add(apperr.Invalid("method", msg.TargetMethodBad, msg.P{"value": in.Method}))
	}
	if len(in.Members) == 0 {
		errs.Add(apperr.Invalid("members", msg.TargetNoMembers))
	}
	if err := errs.Err(); err != nil {
		return MemberSplitResult{}, err
	}
	t, err := loadTree(ctx, s.st.DB)
	if err != nil {
		return MemberSplitResult{}, err
	}
	inTeam := map[int64]bool{}
	for _, oid := range t.under(in.TeamID) {
		inTeam[oid] = true
	}
	totals := make([]int64, len(in.Members))
	seen := map[int64]bool{}
	for i, mf := range in.Members {
		field := fmt.Sprintf("members.%d.ownerId", i)
		o, ok := t.owners[mf.OwnerID]
		switch {
		case !ok:
			errs.Add(apperr.NotFound(field, msg.ReportOwnerNotFound))
			continue
		case !o.Active:
			errs.Add(apperr.Invalid(field, msg.TargetRetired, msg.P{"name": o.Name}))
		case !inTeam[mf.OwnerID]:
			errs.Add(apperr.Invalid(field, msg.TargetNotMember, msg.P{"name": o.Name, "team": teamName}))
		case seen[mf.OwnerID]:
			errs.Add(apperr.Invalid(field, msg.TargetMemberTwice, msg.P{"name": o.Name}))
		}
		seen[mf.OwnerID] = true
		totals[i], err = parseValue(fmt.Sprintf("members.%d.total", i), msg.TargetYearFigure, in.Dimension, mf.Total)
		errs.Add(err)
	}
	if err := errs.Err(); err != nil {
		return MemberSplitResult{}, err
	}
	var fell []string
	err = s.st.Tx(ctx, func(tx store.Tx) error {
		for i, mf := range in.Members {
			var w [12]int64
			if in.Method == LastYear {
				if w, err = lastYear(ctx, tx, t, in.Year, in.Dimension, Owner, mf.OwnerID); err != nil {
					return err
				}
			}
			m, even := SplitMonths(totals[i], w)
			if even && in.Method == LastYear {
				fell = append(fell, t.owners[mf.OwnerID].Name)
			}
			if err := putTx(ctx, tx, in.Year, in.Dimension, Owner, mf.OwnerID, t.owners[mf.OwnerID].Name, m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return MemberSplitResult{}, err
	}
	ms, err := members(ctx, s.st.DB, in.Year, in.Dimension, in.TeamID, teamName)
	if err != nil {
		return MemberSplitResult{}, err
	}
	if fell == nil {
		fell = []string{}
	}
	return MemberSplitResult{Members: ms, FellBack: fell}, nil
}

func dimLabel(dim string) msg.Key {
	switch dim {
	case WonAmount:
		return msg.TargetDimWon
	case OrderAmount:
		return msg.TargetDimOrderAmount
	case Receipts:
		return msg.TargetDimReceipts
	case Orders:
		return msg.TargetDimOrders
	case NewOpportunities:
		return msg.TargetDimNewOpps
	case NewCustomers:
		return msg.TargetDimNewCustomers
	}
	return msg.TargetDimWon
}
