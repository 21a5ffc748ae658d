package target

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
)

// AchievementRequest asks for the achievement of one dimension over the
// filters' period (both ends empty: the current year), by company, team or
// salesperson.
type AchievementRequest struct {
	Filters   reportframe.Filters `json:"filters"`
	Dimension string              `json:"dimension"`
	By        string              `json:"by"` // company | team | owner
}

// Line is one holder's achievement over the period.
type Line struct {
	Scope   string `json:"scope"`
	ScopeID int64  `json:"scopeId"`
	Name    string `json:"name"`
	Retired bool   `json:"retired"`
	// Target is the sum of the holder's monthly targets of the months the
	// period covers whole; HasTarget is false when none is stored.
	Target    int64 `json:"target"`
	HasTarget bool  `json:"hasTarget"`
	Actual    int64 `json:"actual"`
	// RateBP is 完成率 = actual ÷ target in basis points (null without a
	// target); Gap is 差额 = actual − target (negative: still to do).
	RateBP *int64 `json:"rateBp"`
	Gap    int64  `json:"gap"`
	Rank   int    `json:"rank,omitempty"`
}

// MonthLine is one month of the period: the total line's target (0 for a
// month the period only cuts) and actual.
type MonthLine struct {
	Month  string `json:"month"`
	Whole  bool   `json:"whole"`
	Target int64  `json:"target"`
	Actual int64  `json:"actual"`
}

// Achievement is the 达成 report.
type Achievement struct {
	Dimension string `json:"dimension"`
	Money     bool   `json:"money"`
	By        string `json:"by"`
	From      string `json:"from"`
	To        string `json:"to"`
	Today     string `json:"today"`
	// CutMonths are months the period covers only in part: their actuals
	// count by day, their targets not at all (targets are whole months).
	CutMonths []string `json:"cutMonths"`
	// Time progress: days of the period up to today (inclusive) ÷ its days.
	PeriodDays     int   `json:"periodDays"`
	ElapsedDays    int   `json:"elapsedDays"`
	TimeProgressBP int64 `json:"timeProgressBp"`
	// Total is the scope as a whole: the company, the chosen team (its own
	// target) or the chosen salespeople (their targets summed).
	Total   Line        `json:"total"`
	Rows    []Line      `json:"rows"`
	Ranking []Line      `json:"ranking"`
	Months  []MonthLine `json:"months"`
}

// Achievement computes the report.
func (s *Service) Achievement(req AchievementRequest) (Achievement, error) {
	a, _, err := s.achievement(s.ctx(), req)
	return a, err
}

func (s *Service) achievement(ctx context.Context, req AchievementRequest) (Achievement, reportframe.Scope, error) {
	sc, err := checkAchievement(ctx, s.st.DB, req, s.env.Today())
	if err != nil {
		return Achievement{}, sc, err
	}
	a, err := ComputeAchievement(ctx, s.st.DB, sc, req.Dimension, req.By, s.env.Today())
	return a, sc, err
}

// checkAchievement checks the request: the frame's filters (an open
// period means the current year), the dimension and the grouping; type and
// source are refused, since targets are not set by them.
func checkAchievement(ctx context.Context, q store.Querier, req AchievementRequest, today string) (reportframe.Scope, error) {
	f := req.Filters
	if f.From == "" && f.To == "" {
		f.From, f.To = today[:4]+"-01-01", today[:4]+"-12-31"
	}
	var errs apperr.List
	sc, err := reportframe.Check(ctx, q, f)
	errs.Add(err)
	if err == nil {
		if sc.From == "" {
			errs.Add(apperr.Invalid("from", msg.Required, msg.P{"label": msg.LabelPeriod}))
		}
		if sc.To == "" {
			errs.Add(apperr.Invalid("to", msg.Required, msg.P{"label": msg.LabelPeriod}))
		}
		if sc.From != "" && sc.To != "" && sc.From[:4] != sc.To[:4] {
			if y1, _ := strconv.Atoi(sc.From[:4]); y1 > 0 {
				if y2, _ := strconv.Atoi(sc.To[:4]); y2-y1 > 10 {
					errs.Add(apperr.Invalid("to", msg.TargetPeriodLong))
				}
			}
		}
	}
	if sc.Type != "" {
		errs.Add(apperr.Invalid("type", msg.TargetNoTypeFilter))
	}
	if sc.Source != "" {
		errs.Add(apperr.Invalid("source", msg.TargetNoSourceFilter))
	}
	errs.Add(checkDimension(req.Dimension))
	switch req.By {
	case Company, Team, Owner:
	default:
		errs.Add(apperr.Invalid("by", msg.TargetByBad, msg.P{"value": req.By}))
	}
	return sc, errs.Err()
}

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// monthsOf lists the months from..to touches and whether each is whole.
func monthsOf(from, to string) []MonthLine {
	f, t := day(from), day(to)
	var out []MonthLine
	for m := time.Date(f.Year(), f.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(t); m = m.AddDate(0, 1, 0) {
		last := m.AddDate(0, 1, -1)
		out = append(out, MonthLine{Month: m.Format("2006-01"), Whole: !m.Before(f) && !last.After(t)})
	}
	return out
}

// targetIndex finds stored monthly targets by holder and month.
type targetIndex map[string]map[string]int64 // "scope:id" → "YYYY-MM" → value

// has reports whether a target is stored for any whole month of months.
func (ti targetIndex) has(scope string, id int64, months []MonthLine) bool {
	m := ti[fmt.Sprintf("%s:%d", scope, id)]
	for _, ml := range months {
		if _, ok := m[ml.Month]; ok && ml.Whole {
			return true
		}
	}
	return false
}

func (ti targetIndex) sum(scope string, id int64, months []MonthLine) int64 {
	m := ti[fmt.Sprintf("%s:%d", scope, id)]
	var v int64
	for _, ml := range months {
		if ml.Whole {
			v += m[ml.Month]
		}
	}
	return v
}

func loadTargets(ctx context.Context, q store.Querier, dim string, fromYear, toYear int) (targetIndex, error) {
	ts, err := store.ListTargets(ctx, q, dim, fromYear, toYear)
	if err != nil {
		return nil, err
	}
	ti := targetIndex{}
	for _, t := range ts {
		k := fmt.Sprintf("%s:%d", t.Scope, t.ScopeID)
		if ti[k] == nil {
			ti[k] = map[string]int64{}
		}
		for i, v := range t.Months() {
			ti[k][fmt.Sprintf("%04d-%02d", t.Year, i+1)] = v
		}
	}
	return ti, nil
}

func rate(actual, target int64) *int64 {
	if target <= 0 {
		return nil
	}
	// actual × 10000 fits 64 bits for any actual below 9.2 × 10^14 cents.
	r := (actual*10000 + target/2) / target
	return &r
}

func (l *Line) finish() {
	l.RateBP = rate(l.Actual, l.Target)
	l.Gap = l.Actual - l.Target
}

// ComputeAchievement is the report for a checked scope (the CLI and the
// bound call share it).
func ComputeAchievement(ctx context.Context, q store.Querier, sc reportframe.Scope, dim, by, today string) (Achievement, error) {
	a := Achievement{Dimension: dim, Money: IsMoney(dim), By: by, From: sc.From, To: sc.To, Today: today,
		CutMonths: []string{}, Rows: []Line{}, Ranking: []Line{}}
	months := monthsOf(sc.From, sc.To)
	for _, m := range months {
		if !m.Whole {
			a.CutMonths = append(a.CutMonths, m.Month)
		}
	}
	f, t, now := day(sc.From), day(sc.To), day(today)
	a.PeriodDays = int(t.Sub(f).Hours()/24) + 1
	switch {
	case now.Before(f):
		a.ElapsedDays = 0
	case now.After(t):
		a.ElapsedDays = a.PeriodDays
	default:
		a.ElapsedDays = int(now.Sub(f).Hours()/24) + 1
	}
	a.TimeProgressBP = int64(a.ElapsedDays) * 10000 / int64(a.PeriodDays)

	tr, err := loadTree(ctx, q)
	if err != nil {
		return a, err
	}
	ti, err := loadTargets(ctx, q, dim, f.Year(), t.Year())
	if err != nil {
		return a, err
	}
	acts, err := store.Actuals(ctx, q, dim, sc.From, sc.To, sc.AllOwners, sc.Owners)
	if err != nil {
		return a, err
	}
	byOwner := map[int64]int64{}
	byMonth := map[string]int64{}
	var all int64
	for _, r := range acts {
		byOwner[r.OwnerID] += r.Value
		byMonth[r.Month] += r.Value
		all += r.Value
	}

	// The total: the company, the team, or the chosen people.
	switch {
	case sc.AllOwners:
		a.Total = Line{Scope: Company, Name: companyName(tr), Target: ti.sum(Company, 0, months), HasTarget: ti.has(Company, 0, months)}
	case sc.TeamID != 0 && len(sc.OwnerIDs) == 0:
		a.Total = Line{Scope: Team, ScopeID: sc.TeamID, Name: tr.byID[sc.TeamID].Name, Target: ti.sum(Team, sc.TeamID, months), HasTarget: ti.has(Team, sc.TeamID, months)}
		if sc.TeamID == tr.root {
			a.Total.Scope, a.Total.ScopeID = Company, 0
			a.Total.Target, a.Total.HasTarget = ti.sum(Company, 0, months), ti.has(Company, 0, months)
		}
	default:
		a.Total = Line{Scope: Owner, Name: msg.Render(msg.Zh, msg.TargetChosenPeople, nil)}
		for _, o := range sc.Owners {
			a.Total.Target += ti.sum(Owner, o, months)
			a.Total.HasTarget = a.Total.HasTarget || ti.has(Owner, o, months)
		}
	}
	a.Total.Actual = all
	a.Total.finish()

	// By month, for the chart: the total's targets per whole month.
	for _, m := range months {
		ml := m
		ml.Actual = byMonth[m.Month]
		if m.Whole {
			one := []MonthLine{m}
			switch a.Total.Scope {
			case Company:
				ml.Target = ti.sum(Company, 0, one)
			case Team:
				ml.Target = ti.sum(Team, a.Total.ScopeID, one)
			default:
				for _, o := range sc.Owners {
					ml.Target += ti.sum(Owner, o, one)
				}
			}
		}
		a.Months = append(a.Months, ml)
	}

	// People in scope: the active ones, and retired ones with a target or
	// an actual in the period.
	people, err := store.ListOwners(ctx, q, true)
	if err != nil {
		return a, err
	}
	for _, o := range people {
		if !sc.HasOwner(o.ID) {
			continue
		}
		l := Line{Scope: Owner, ScopeID: o.ID, Name: o.Name, Retired: !o.Active, Target: ti.sum(Owner, o.ID, months),
			HasTarget: ti.has(Owner, o.ID, months), Actual: byOwner[o.ID]}
		if !o.Active && !l.HasTarget && l.Actual == 0 {
			continue
		}
		l.finish()
		a.Ranking = append(a.Ranking, l)
	}
	sort.SliceStable(a.Ranking, func(i, j int) bool {
		ri, rj := a.Ranking[i].RateBP, a.Ranking[j].RateBP
		if (ri == nil) != (rj == nil) {
			return ri != nil
		}
		if ri != nil && *ri != *rj {
			return *ri > *rj
		}
		return a.Ranking[i].Actual > a.Ranking[j].Actual
	})
	for i := range a.Ranking {
		a.Ranking[i].Rank = i + 1
	}

	switch by {
	case Company:
		a.Rows = append(a.Rows, a.Total)
	case Owner:
		for _, o := range people {
			for _, l := range a.Ranking {
				if l.ScopeID == o.ID {
					l.Rank = 0
					a.Rows = append(a.Rows, l)
				}
			}
		}
	case Team:
		for _, tm := range tr.ordered() {
			if sc.TeamID != 0 && sc.TeamID != tr.root && !tr.isUnder(tm.ID, sc.TeamID) {
				continue
			}
			l := Line{Scope: Team, ScopeID: tm.ID, Name: tm.Name, Target: ti.sum(Team, tm.ID, months), HasTarget: ti.has(Team, tm.ID, months)}
			for _, o := range tr.under(tm.ID) {
				if sc.HasOwner(o) {
					l.Actual += byOwner[o]
				}
			}
			l.finish()
			a.Rows = append(a.Rows, l)
		}
	}
	return a, nil
}

// isUnder reports whether team id is team top or below it.
func (t *tree) isUnder(id, top int64) bool {
	for seen := 0; id != 0 && seen < 1000; seen++ {
		if id == top {
			return true
		}
		tm, ok := t.byID[id]
		if !ok || tm.ParentID == nil {
			return false
		}
		id = *tm.ParentID
	}
	return false
}

// Charts are the achievement's two pictures for the screen, PNG base64.
type Charts struct {
	Months string `json:"months"` // target vs actual by month
	People string `json:"people"` // target vs actual per salesperson
}

// AchievementCharts draws the report's charts at screen size in lang.
func (s *Service) AchievementCharts(req AchievementRequest, lang string) (Charts, error) {
	a, sc, err := s.achievement(s.ctx(), req)
	if err != nil {
		return Charts{}, err
	}
	m, err := drawBase64(achievementResult(a, sc, chartMonths), lang)
	if err != nil {
		return Charts{}, err
	}
	p, err := drawBase64(achievementResult(a, sc, chartPeople), lang)
	if err != nil {
		return Charts{}, err
	}
	return Charts{Months: m, People: p}, nil
}

// ExportAchievement writes the report as csv, xlsx, png or png-print
// (png: target vs actual by month) through the save dialog.
func (s *Service) ExportAchievement(req AchievementRequest, format string) (string, error) {
	if err := reportframe.CheckFormat(format); err != nil {
		return "", err
	}
	a, sc, err := s.achievement(s.ctx(), req)
	if err != nil {
		return "", err
	}
	return reportframe.Save(s.env, format, achievementResult(a, sc, chartMonths), sc)
}
