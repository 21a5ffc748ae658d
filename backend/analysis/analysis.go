// Package analysis is the analysis a manager runs the team with (seed 001's
// 销售机会报表, issue 12): opportunities by owner, team, customer, source,
// type, stage, lost reason and competitor; stage conversion from the stage
// history; days in stage and the sales cycle. Each report is computed once
// and served alike to the screen (a bound call), the CLI (`funneldesk
// report by-owner|…|conversion|stage-time`) and the exports (reportframe).
//
// The rules, stated on each screen and in the README:
//
//   - Opportunities by X: count, amount and expected amount (Σ amount ×
//     probability) are of the opportunities CREATED in the period; won and
//     lost count and amount are of those CLOSED in the period — by the day
//     they entered their current won or lost stage (opportunities.closed_on,
//     kept from the stage history: an opportunity won, reopened and won
//     again counts once, at its last win). Win rate = won ÷ (won + lost),
//     both closed in the period. Every won-kind stage is a win and every
//     lost-kind stage a loss (stages.kind).
//   - Stage conversion: the cohort is the opportunities created in the
//     period. Every one of them reached the first stage. It reached an open
//     stage s when it was ever in s or in any open stage after s (by
//     position; skipped stages count as passed), or was ever in a won stage.
//     A lost opportunity so reaches every stage up to the furthest open stage
//     it was in; moving back counts no stage twice. Won = now in a won
//     stage. Next-step = reached(s+1) ÷ reached(s); cumulative = reached(s) ÷
//     reached(first). Retired stages are no rows, but being in one passes
//     the stages before it.
//   - Days in stage: same cohort; for each opportunity and open stage, the
//     calendar days from entering to leaving it, summed over its visits (a
//     stage entered twice is one stay). Opportunities still in the stage
//     count up to today (the one clock) and are shown apart. Sales cycle:
//     opportunities won in the period, from the creation day to the day they
//     entered the won stage.
package analysis

import (
	"context"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// Service computes the analysis reports; bound to Wails.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the analysis service.
func NewService(st *store.Store, env *svc.Env) *Service {
	return &Service{st: st, env: env}
}

// Groupings are the "by" values of the opportunity analysis, in menu order.
var Groupings = []string{"owner", "team", "customer", "source", "type", "stage", "lostReason", "competitor"}

var groupLabel = map[string]msg.Key{
	"owner": msg.LabelOwner, "team": msg.LabelTeam, "customer": msg.LabelCustomer, "source": msg.LabelSource,
	"type": msg.LabelType, "stage": msg.LabelStage, "lostReason": msg.LabelLostReason, "competitor": msg.LabelCompetitor,
}

// MaxRows bounds the rows of one grouping (customers can be 100,000): the
// largest by amount are listed, the rest are counted in More and in the
// total.
const MaxRows = 200

// GroupRequest asks for the opportunity analysis grouped By one of
// Groupings, with the frame's filters. Lang is the chart's language.
type GroupRequest struct {
	Filters reportframe.Filters `json:"filters"`
	By      string              `json:"by"`
	Lang    string              `json:"lang"`
}

// Row is one group of the opportunity analysis. Money is in cents.
type Row struct {
	// Key is the group's id (owner, team, customer, stage) or value
	// (source, type, lost reason, competitor; "" = not filled in).
	Key   string `json:"key"`
	Label string `json:"label"`
	// Created in the period.
	Count         int64 `json:"count"`
	AmountCents   int64 `json:"amountCents"`
	ExpectedCents int64 `json:"expectedCents"`
	// Closed in the period.
	WonCount  int64 `json:"wonCount"`
	WonCents  int64 `json:"wonCents"`
	LostCount int64 `json:"lostCount"`
	LostCents int64 `json:"lostCents"`
	// WinRateBP is won ÷ (won + lost) in basis points; null without any.
	WinRateBP *int64 `json:"winRateBp"`
	// Drill, DrillWon and DrillLost are the opportunity list's filters
	// that list exactly the row's Count, WonCount and LostCount.
	Drill     store.OpportunityFilter `json:"drill"`
	DrillWon  store.OpportunityFilter `json:"drillWon"`
	DrillLost store.OpportunityFilter `json:"drillLost"`
}

// GroupReport is the opportunity analysis (what `report by-owner --json`
// prints as "result").
type GroupReport struct {
	By   string `json:"by"`
	From string `json:"from"`
	To   string `json:"to"`
	Rows []Row  `json:"rows"`
	// More counts the groups left out beyond MaxRows (in Total all the same).
	More  int `json:"more"`
	Total Row `json:"total"`
}

// GroupAnswer is the screen's answer: the report and its chart (PNG, base64).
type GroupAnswer struct {
	Report GroupReport `json:"report"`
	Chart  string      `json:"chart"`
}

func (s *Service) scope(f reportframe.Filters) (reportframe.Scope, error) {
	return reportframe.Check(s.env.Ctx(), s.st.DB, f)
}

func storeScope(sc reportframe.Scope) store.AnalysisScope {
	return store.AnalysisScope{From: sc.From, To: sc.To, AllOwners: sc.AllOwners, Owners: sc.Owners, Type: sc.Type, Source: sc.Source}
}

// CheckBy refuses a grouping that is not one of Groupings.
func CheckBy(by string) error {
	for _, g := range Groupings {
		if g == by {
			return nil
		}
	}
	return apperr.Invalid("by", msg.AnalysisByUnknown, msg.P{"by": by, "names": strings.Join(Groupings, ", ")})
}

// sums joins the halves of a group's sums (store.AnalysisGroup).
func sums(g store.AnalysisGroup) (amount int64, weighted *big.Int) {
	amount = g.AHi<<31 + g.ALo
	weighted = new(big.Int).Lsh(big.NewInt(g.WHi), 31)
	weighted.Add(weighted, big.NewInt(g.WLo))
	return amount, weighted
}

// expected is Σ amount × probability ÷ 10000, rounded half up, in cents.
func expected(w *big.Int) int64 {
	q := new(big.Int).Add(w, big.NewInt(5000))
	return q.Quo(q, big.NewInt(10000)).Int64()
}

func winRate(won, lost int64) *int64 {
	if won+lost == 0 {
		return nil
	}
	r := (won*10000*2 + (won + lost)) / ((won + lost) * 2)
	return &r
}

// drillBase is the list filter of the scope's owners, type and source.
func drillBase(sc reportframe.Scope) store.OpportunityFilter {
	f := store.OpportunityFilter{}
	if !sc.AllOwners {
		f.OwnerIDs = append([]int64{}, sc.Owners...)
		if len(f.OwnerIDs) == 0 {
			f.OwnerIDs = []int64{0} // a team without members: nobody
		}
	}
	if sc.Type != "" {
		f.Types = []string{sc.Type}
	}
	if sc.Source != "" {
		f.Sources = []string{sc.Source}
	}
	return f
}

// Group computes the opportunity analysis grouped by req.By.
func (s *Service) Group(req GroupRequest) (GroupAnswer, error) {
	sc, err := s.scope(req.Filters)
	if err != nil {
		return GroupAnswer{}, err
	}
	rep, err := ComputeGroup(s.env.Ctx(), s.st.DB, sc, req.By)
	if err != nil {
		return GroupAnswer{}, err
	}
	png, err := reportframe.DrawChart(groupResult(rep, sc), "screen", msg.Lang(req.Lang))
	if err != nil {
		return GroupAnswer{}, err
	}
	return GroupAnswer{Report: rep, Chart: encode(png)}, nil
}

// ExportGroup writes the opportunity analysis as csv, xlsx, png or
// png-print; it returns the path, or "" when the user cancelled.
func (s *Service) ExportGroup(req GroupRequest, format string) (string, error) {
	if err := reportframe.CheckFormat(format); err != nil {
		return "", err
	}
	sc, err := s.scope(req.Filters)
	if err != nil {
		return "", err
	}
	rep, err := ComputeGroup(s.env.Ctx(), s.st.DB, sc, req.By)
	if err != nil {
		return "", err
	}
	return reportframe.Save(s.env, format, groupResult(rep, sc), sc)
}

// useKept lets the tests compare the kept monthly totals with a count.
var useKept = true

// ComputeGroup is the opportunity analysis in scope sc grouped by by.
func ComputeGroup(ctx context.Context, q store.Querier, sc reportframe.Scope, by string) (GroupReport, error) {
	if err := CheckBy(by); err != nil {
		return GroupReport{}, err
	}
	key := by
	if by == "team" {
		key = "owner"
	}
	a := storeScope(sc)
	var created, closed []store.AnalysisGroup
	// By customer, the kept totals give only the first MaxRows customers
	// and how many there are; the total then comes from the grouping by
	// owner, which sums the same opportunities.
	topOnly, groups := false, 0
	var totals []store.AnalysisGroup
	if by == "customer" && useKept {
		var err error
		if created, closed, totals, groups, topOnly, err = store.KeptCustomers(ctx, q, a, MaxRows); err != nil {
			return GroupReport{}, err
		}
	}
	if topOnly {
		rep, err := groupReport(ctx, q, sc, by, created, closed)
		if err != nil {
			return GroupReport{}, err
		}
		rep.More = groups - len(rep.Rows)
		// The total over every customer, as the fold below sums it.
		t := &rep.Total
		amount, w := sums(totals[0])
		t.Count, t.AmountCents, t.ExpectedCents = totals[0].Count, amount, expected(w)
		t.WonCount, t.WonCents = totals[1].Count, totals[1].ALo
		t.LostCount, t.LostCents = totals[2].Count, totals[2].ALo
		t.WinRateBP = winRate(t.WonCount, t.LostCount)
		return rep, nil
	}
	created, kept, err := store.KeptCreated(ctx, q, a, key)
	if err == nil && (!kept || !useKept) {
		created, err = store.AnalysisCreated(ctx, q, a, key)
	}
	if err != nil {
		return GroupReport{}, err
	}
	closed, kept, err = store.KeptClosed(ctx, q, a, key)
	if err == nil && (!kept || !useKept) {
		closed, err = store.AnalysisClosed(ctx, q, a, key)
	}
	if err != nil {
		return GroupReport{}, err
	}
	return groupReport(ctx, q, sc, by, created, closed)
}

// groupReport folds the groups into the report's rows and total.
func groupReport(ctx context.Context, q store.Querier, sc reportframe.Scope, by string,
	created, closed []store.AnalysisGroup) (GroupReport, error) {
	fold := func(k string) string { return k }
	var teamOwners map[string][]int64
	if by == "team" {
		teams, err := store.OwnerTeams(ctx, q)
		if err != nil {
			return GroupReport{}, err
		}
		owners, err := store.ListOwners(ctx, q, true)
		if err != nil {
			return GroupReport{}, err
		}
		teamOwners = map[string][]int64{}
		for _, o := range owners {
			if sc.HasOwner(o.ID) {
				k := strconv.FormatInt(teams[o.ID], 10)
				teamOwners[k] = append(teamOwners[k], o.ID)
			}
		}
		fold = func(k string) string {
			id, _ := strconv.ParseInt(k, 10, 64)
			return strconv.FormatInt(teams[id], 10)
		}
	}

	rows := map[string]*Row{}
	weights := map[string]*big.Int{}
	get := func(k string) *Row {
		r := rows[k]
		if r == nil {
			r = &Row{Key: k}
			rows[k] = r
			weights[k] = new(big.Int)
		}
		return r
	}
	total, totalW := &Row{}, new(big.Int)
	for _, g := range created {
		k := fold(g.Key)
		r := get(k)
		amount, w := sums(g)
		r.Count += g.Count
		r.AmountCents += amount
		weights[k].Add(weights[k], w)
		total.Count += g.Count
		total.AmountCents += amount
		totalW.Add(totalW, w)
	}
	for _, g := range closed {
		r := get(fold(g.Key))
		amount, _ := sums(g)
		switch g.Kind {
		case store.KindWon:
			r.WonCount, r.WonCents = r.WonCount+g.Count, r.WonCents+amount
			total.WonCount, total.WonCents = total.WonCount+g.Count, total.WonCents+amount
		case store.KindLost:
			r.LostCount, r.LostCents = r.LostCount+g.Count, r.LostCents+amount
			total.LostCount, total.LostCents = total.LostCount+g.Count, total.LostCents+amount
		}
	}
	total.ExpectedCents = expected(totalW)
	total.WinRateBP = winRate(total.WonCount, total.LostCount)

	var order map[string]int
	if by == "stage" {
		stages, err := store.OrderedStages(ctx, q)
		if err != nil {
			return GroupReport{}, err
		}
		order = map[string]int{}
		for i, st := range stages {
			order[strconv.FormatInt(st.ID, 10)] = i
		}
	}
	list := make([]*Row, 0, len(rows))
	for k, r := range rows {
		r.ExpectedCents = expected(weights[k])
		r.WinRateBP = winRate(r.WonCount, r.LostCount)
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if order != nil {
			return order[a.Key] < order[b.Key]
		}
		if a.AmountCents+a.WonCents != b.AmountCents+b.WonCents {
			return a.AmountCents+a.WonCents > b.AmountCents+b.WonCents
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Key < b.Key
	})
	rep := GroupReport{By: by, From: sc.From, To: sc.To, Rows: []Row{}}
	if len(list) > MaxRows {
		rep.More = len(list) - MaxRows
		list = list[:MaxRows]
	}
	// Names only for the rows listed: a company's customers are many.
	if err := nameRows(ctx, q, by, list); err != nil {
		return GroupReport{}, err
	}
	base := drillBase(sc)
	for _, r := range list {
		f := base
		switch by {
		case "owner":
			id, _ := strconv.ParseInt(r.Key, 10, 64)
			f.OwnerIDs = []int64{id}
		case "team":
			f.OwnerIDs = teamOwners[r.Key]
			if len(f.OwnerIDs) == 0 {
				f.OwnerIDs = []int64{0}
			}
		case "customer":
			f.CustomerID, _ = strconv.ParseInt(r.Key, 10, 64)
		case "stage":
			id, _ := strconv.ParseInt(r.Key, 10, 64)
			f.StageIDs = []int64{id}
		case "source":
			f.Sources = []string{r.Key}
		case "type":
			f.Types = []string{r.Key}
		case "lostReason":
			f.LostReasons = []string{r.Key}
		case "competitor":
			f.Competitors = []string{r.Key}
		}
		r.Drill, r.DrillWon, r.DrillLost = drills(f, sc)
		rep.Rows = append(rep.Rows, *r)
	}
	total.Drill, total.DrillWon, total.DrillLost = drills(base, sc)
	rep.Total = *total
	return rep, nil
}

// drills turns a row's filter into the three lists: created in the period,
// won in the period, lost in the period.
func drills(f store.OpportunityFilter, sc reportframe.Scope) (created, won, lost store.OpportunityFilter) {
	created, won, lost = f, f, f
	created.CreatedFrom, created.CreatedTo = sc.From, sc.To
	won.View, lost.View = store.KindWon, store.KindLost
	// An open period still means "closed" (closed_on set): the report's
	// own condition.
	from := sc.From
	if from == "" && sc.To == "" {
		from = "1900-01-01"
	}
	won.ClosedFrom, won.ClosedTo = from, sc.To
	lost.ClosedFrom, lost.ClosedTo = from, sc.To
	return created, won, lost
}

// nameRows names the rows of an id grouping (owner, team, customer,
// stage); a value grouping's label is its value.
func nameRows(ctx context.Context, q store.Querier, by string, rows []*Row) error {
	table := map[string]string{"owner": "owners", "team": "teams", "customer": "customers", "stage": "stages"}[by]
	if table == "" {
		for _, r := range rows {
			r.Label = r.Key
		}
		return nil
	}
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		id, _ := strconv.ParseInt(r.Key, 10, 64)
		ids = append(ids, id)
	}
	names, err := store.NamesOf(ctx, q, table, ids)
	if err != nil {
		return err
	}
	for i, r := range rows {
		r.Label = names[ids[i]]
	}
	return nil
}
