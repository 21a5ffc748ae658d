// Package dashboard answers the 工作台 in one call: the counts and stage
// bars of the pipeline and what needs attention today — follow-ups due
// today and overdue, opportunities past their expected close date
// (slipped), installments due within a week and overdue, quotes about to
// expire, and (once the pools exist) customers about to be recycled.
//
// "Today" is the env's clock (svc.Env), so tests and `serve --clock` fix it.
// Each section is a count and its first Limit rows, read from one index
// range each (store/dashboard.go).
package dashboard

import (
	"context"
	"time"

	"funneldesk/backend/pool"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// Limit is how many rows a section shows; its count says how many there are.
const Limit = 20

// Window is how many days ahead installments and quote expiries are shown.
const Window = 7

// FollowUps is a section of follow-ups whose next date has come.
type FollowUps struct {
	Count int              `json:"count"`
	Items []store.FollowUp `json:"items"`
}

// Opportunities is a section of opportunities.
type Opportunities struct {
	Count int                 `json:"count"`
	Items []store.Opportunity `json:"items"`
}

// Tasks is a section of open sales tasks.
type Tasks struct {
	Count int          `json:"count"`
	Items []store.Task `json:"items"`
}

// Installments is a section of unpaid installments.
type Installments struct {
	Count int                    `json:"count"`
	Items []store.DueInstallment `json:"items"`
}

// Quotes is a section of quotes about to expire.
type Quotes struct {
	Count int                   `json:"count"`
	Items []store.ExpiringQuote `json:"items"`
}

// RecycleCustomer is a customer the pool's rules will return to a pool soon.
type RecycleCustomer struct {
	CustomerID   int64  `json:"customerId"`
	CustomerName string `json:"customerName"`
	OwnerName    string `json:"ownerName"`
	// On is the date it will be recycled; Rule says by which rule (RuleEn
	// in English).
	On     string `json:"on"`
	Rule   string `json:"rule"`
	RuleEn string `json:"ruleEn"`
}

// Recycling is the customers about to be recycled by the public pools'
// rules (公海池), within each rule's warning days.
type Recycling struct {
	Enabled bool              `json:"enabled"`
	Count   int               `json:"count"`
	Items   []RecycleCustomer `json:"items"`
}

// StageBar is one stage of the pipeline panel.
type StageBar struct {
	Stage       store.Stage `json:"stage"`
	Count       int         `json:"count"`
	AmountCents int64       `json:"amountCents"`
}

// Dashboard is everything the 工作台 shows.
type Dashboard struct {
	// Today is the clock's date the sections were computed for.
	Today            string        `json:"today"`
	Customers        int           `json:"customers"`
	Stages           []StageBar    `json:"stages"`
	FollowUpsToday   FollowUps     `json:"followUpsToday"`
	FollowUpsOverdue FollowUps     `json:"followUpsOverdue"`
	Slipped          Opportunities `json:"slipped"`
	// TasksToday and TasksOverdue are the open sales tasks due today and
	// before today.
	TasksToday   Tasks `json:"tasksToday"`
	TasksOverdue Tasks `json:"tasksOverdue"`
	// InstallmentsDue are due from today to today + Window days.
	InstallmentsDue     Installments `json:"installmentsDue"`
	InstallmentsOverdue Installments `json:"installmentsOverdue"`
	// QuotesExpiring end their validity from today to today + Window days.
	QuotesExpiring Quotes    `json:"quotesExpiring"`
	Recycling      Recycling `json:"recycling"`
}

// Counts is what the navigation badge and the notifications need.
type Counts struct {
	FollowUpsToday      int `json:"followUpsToday"`
	FollowUpsOverdue    int `json:"followUpsOverdue"`
	InstallmentsToday   int `json:"installmentsToday"`
	InstallmentsOverdue int `json:"installmentsOverdue"`
	TasksToday          int `json:"tasksToday"`
	TasksOverdue        int `json:"tasksOverdue"`
	// Badge is the number on the navigation: follow-ups and tasks due
	// today and overdue.
	Badge int `json:"badge"`
}

// Service is bound to the UI.
type Service struct {
	st  *store.Store
	env *svc.Env
}

// NewService returns the dashboard service over st.
func NewService(st *store.Store, env *svc.Env) *Service { return &Service{st: st, env: env} }

func addDays(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// Get returns the 工作台 as of the clock's today.
func (s *Service) Get() (Dashboard, error) {
	ctx := s.env.Ctx()
	q := s.st.DB
	today := s.env.Today()
	yesterday, until := addDays(today, -1), addDays(today, Window)
	d := Dashboard{Today: today, Recycling: Recycling{Items: []RecycleCustomer{}}}
	var err error
	if d.Customers, err = store.CountCustomers(ctx, q); err != nil {
		return d, err
	}
	if d.Stages, err = s.stages(); err != nil {
		return d, err
	}
	if d.FollowUpsToday.Items, d.FollowUpsToday.Count, err = store.DueFollowUps(ctx, q, today, today, Limit); err != nil {
		return d, err
	}
	if d.FollowUpsOverdue.Items, d.FollowUpsOverdue.Count, err = store.DueFollowUps(ctx, q, "", yesterday, Limit); err != nil {
		return d, err
	}
	if d.Slipped.Items, d.Slipped.Count, err = store.SlippedOpportunities(ctx, q, today, Limit); err != nil {
		return d, err
	}
	if d.TasksToday.Items, d.TasksToday.Count, err = store.DueTasks(ctx, q, today, today, today, Limit); err != nil {
		return d, err
	}
	if d.TasksOverdue.Items, d.TasksOverdue.Count, err = store.DueTasks(ctx, q, "", yesterday, today, Limit); err != nil {
		return d, err
	}
	if d.InstallmentsDue.Items, d.InstallmentsDue.Count, err = store.DueInstallments(ctx, q, today, until, Limit); err != nil {
		return d, err
	}
	if d.InstallmentsOverdue.Items, d.InstallmentsOverdue.Count, err = store.DueInstallments(ctx, q, "", yesterday, Limit); err != nil {
		return d, err
	}
	if d.QuotesExpiring.Items, d.QuotesExpiring.Count, err = store.ExpiringQuotes(ctx, q, today, until, Limit); err != nil {
		return d, err
	}
	return d, nil
}

// Recycling lists the customers the pools' rules will recycle soon. It is a
// call of its own, made after Get: the rules' scan reads every owned
// customer (about 0.3 s at 100,000), and the 工作台's figures should not
// wait for it.
func (s *Service) Recycling() (Recycling, error) { return s.recycling() }

// recycling lists the customers the pools' rules will recycle within their
// warning window, soonest first, the first Limit of them with the count.
func (s *Service) recycling() (Recycling, error) {
	moves, err := pool.Warnings(s.env.Ctx(), s.st.DB, s.env.Now(), 0, 0)
	if err != nil {
		return Recycling{}, err
	}
	r := Recycling{Enabled: true, Count: len(moves), Items: []RecycleCustomer{}}
	for i, m := range moves {
		if i == Limit {
			break
		}
		r.Items = append(r.Items, RecycleCustomer{CustomerID: m.CustomerID, CustomerName: m.Customer, OwnerName: m.Owner,
			On: m.Due, Rule: m.Reason, RuleEn: m.ReasonEn})
	}
	return r, nil
}

// stages is the pipeline panel: every stage in order (retired ones only
// while they hold opportunities) with its count and amount.
func (s *Service) stages() ([]StageBar, error) {
	ctx := s.env.Ctx()
	stages, err := store.OrderedStages(ctx, s.st.DB)
	if err != nil {
		return nil, err
	}
	totals, err := store.StageCounts(ctx, s.st.DB)
	if err != nil {
		return nil, err
	}
	out := []StageBar{}
	for _, st := range stages {
		t := totals[st.ID]
		if st.Retired && t.Count == 0 {
			continue
		}
		out = append(out, StageBar{Stage: st, Count: t.Count, AmountCents: t.AmountCents})
	}
	return out, nil
}

// Counts returns the reminder counts as of the clock's today.
func (s *Service) Counts() (Counts, error) {
	return countsAt(s.env.Ctx(), s.st.DB, s.env.Today())
}

func countsAt(ctx context.Context, q store.Querier, today string) (Counts, error) {
	var c Counts
	var err error
	yesterday := addDays(today, -1)
	if _, c.FollowUpsToday, err = store.DueFollowUps(ctx, q, today, today, 0); err != nil {
		return c, err
	}
	if _, c.FollowUpsOverdue, err = store.DueFollowUps(ctx, q, "", yesterday, 0); err != nil {
		return c, err
	}
	if _, c.InstallmentsToday, err = store.DueInstallments(ctx, q, today, today, 0); err != nil {
		return c, err
	}
	if _, c.InstallmentsOverdue, err = store.DueInstallments(ctx, q, "", yesterday, 0); err != nil {
		return c, err
	}
	if _, c.TasksToday, err = store.DueTasks(ctx, q, today, today, today, 0); err != nil {
		return c, err
	}
	if _, c.TasksOverdue, err = store.DueTasks(ctx, q, "", yesterday, today, 0); err != nil {
		return c, err
	}
	c.Badge = c.FollowUpsToday + c.FollowUpsOverdue + c.TasksToday + c.TasksOverdue
	return c, nil
}
