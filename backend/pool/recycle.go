package pool

import (
	"context"
	"log"
	"sort"
	"strconv"
	"time"

	"funneldesk/backend/msg"
	"funneldesk/backend/store"
)

// The recycle rules, as a contract the pass, the warnings, the CLI and the
// tests share. An owned customer is recycled by the rules of its home pool
// (the pool it was claimed or assigned from; the company pool when it never
// sat in one), the rule of its level, else the rule for every level. Each
// condition of a rule gives a due date; the earliest one counts:
//   - no follow-up for N days: N days after the later of the last follow-up
//     (MAX(followups.date)) and the day the owner got the customer;
//   - no won opportunity for M days: M days after the owner got it, unless
//     an opportunity was won since then;
//   - N days after the last order ended (its last installment due, or its
//     signing day without a plan) when no opportunity was created since.
// An open opportunity at or past the rule's keep stage keeps the customer.
// Due today or earlier: recycled now; due within the rule's warning days:
// the owner is warned.

// daysBetween is the number of days from a to b (YYYY-MM-DD).
func daysBetween(a, b string) int {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

func addDays(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

func dayOf(ts string) string {
	if len(ts) >= 10 {
		return ts[:10]
	}
	return ts
}

// Rule kinds.
const (
	RuleNoFollowUp = "noFollowUp"
	RuleNoWon      = "noWon"
	RuleAfterOrder = "afterOrder"
)

// verdict is what one rule says of one customer: when it is due and why
// ("" due: never, or kept).
type verdict struct {
	Due  string
	Kind string
	Days int
	Kept bool
}

func evaluate(f store.RecycleFacts, r store.PoolRule) verdict {
	if r.KeepPosition > 0 && f.OpenPosition >= r.KeepPosition {
		return verdict{Kept: true}
	}
	var v verdict
	consider := func(due, kind string, days int) {
		if due != "" && (v.Due == "" || due < v.Due) {
			v = verdict{Due: due, Kind: kind, Days: days}
		}
	}
	owned := dayOf(f.OwnedSince)
	if r.NoFollowUpDays > 0 {
		base := owned
		if f.LastFollowUp > base {
			base = f.LastFollowUp
		}
		consider(addDays(base, r.NoFollowUpDays), RuleNoFollowUp, r.NoFollowUpDays)
	}
	if r.NoWonDays > 0 && f.WonSince == 0 {
		consider(addDays(owned, r.NoWonDays), RuleNoWon, r.NoWonDays)
	}
	if r.AfterOrderDays > 0 && f.LastOrderEnd != "" && f.OppsAfterOrder == 0 {
		consider(addDays(dayOf(f.LastOrderEnd), r.AfterOrderDays), RuleAfterOrder, r.AfterOrderDays)
	}
	return v
}

// ruleText words a rule's condition for history, reasons and the CLI.
func ruleText(level, kind string, days int) msg.Msg {
	switch kind {
	case RuleNoWon:
		return text(msg.RuleNoWon, msg.P{"level": levelText(level), "days": days})
	case RuleAfterOrder:
		return text(msg.RuleAfterOrder, msg.P{"level": levelText(level), "days": days})
	}
	return text(msg.RuleNoFollowUp, msg.P{"level": levelText(level), "days": days})
}

func text(k msg.Key, p msg.P) msg.Msg { return msg.Msg{Key: k, Params: p} }

// Move is one customer the rules send back to its pool, or warn about.
type Move struct {
	CustomerID int64  `json:"customerId"`
	Customer   string `json:"customer"`
	OwnerID    int64  `json:"ownerId"`
	Owner      string `json:"owner"`
	PoolID     int64  `json:"poolId"`
	Pool       string `json:"pool"`
	Level      string `json:"level"`
	Rule       string `json:"rule"` // kind: noFollowUp, noWon, afterOrder
	Days       int    `json:"days"`
	Due        string `json:"due"`
	// Reason is the rule in words, Chinese and English.
	Reason   string `json:"reason"`
	ReasonEn string `json:"reasonEn"`
}

// Report is what one pass did (or, dry, would do).
type Report struct {
	Today  string `json:"today"`
	DryRun bool   `json:"dryRun"`
	Moves  []Move `json:"moves"`
}

// scan evaluates every owned customer under rules: due (on or before
// today) go to recycled, due within warning days (from today) to warned.
// owner 0 is every owner; warnWithin > 0 widens the warning window to that
// many days whatever the rule's warning days.
func scan(ctx context.Context, q store.Querier, today string, owner int64, warnWithin int, recycled, warned func(Move) error) error {
	rules, err := store.ListRules(ctx, q, 0)
	if err != nil || len(rules) == 0 {
		return err
	}
	company, err := store.CompanyPool(ctx, q)
	if err != nil {
		return err
	}
	pools, err := store.ListPools(ctx, q)
	if err != nil {
		return err
	}
	poolName := map[int64]string{}
	for _, p := range pools {
		poolName[p.ID] = p.Name
	}
	byPool := map[int64]map[string]store.PoolRule{}
	var ids []int64
	for _, r := range rules {
		if byPool[r.PoolID] == nil {
			byPool[r.PoolID] = map[string]store.PoolRule{}
			ids = append(ids, r.PoolID)
		}
		byPool[r.PoolID][r.Level] = r
	}
	return store.EachRecycleFact(ctx, q, ids, company, owner, func(f store.RecycleFacts) error {
		set := byPool[f.HomePoolID]
		r, ok := set[f.Level]
		if !ok {
			if r, ok = set[""]; !ok {
				return nil
			}
		}
		v := evaluate(f, r)
		if v.Kept || v.Due == "" {
			return nil
		}
		text := ruleText(f.Level, v.Kind, v.Days)
		m := Move{CustomerID: f.ID, Customer: f.Name, OwnerID: f.OwnerID, Owner: f.OwnerName, PoolID: f.HomePoolID,
			Pool: poolName[f.HomePoolID], Level: f.Level, Rule: v.Kind, Days: v.Days, Due: v.Due,
			Reason: msg.Render(msg.Zh, text.Key, text.Params), ReasonEn: msg.Render(msg.En, text.Key, text.Params)}
		if f.Level == "" && r.Level != "" {
			m.Level = r.Level
		}
		switch {
		case v.Due <= today:
			if recycled != nil {
				return recycled(m)
			}
		case warned != nil:
			window := r.WarnDays
			if warnWithin > 0 {
				window = warnWithin
			}
			if daysBetween(today, v.Due) <= window {
				return warned(m)
			}
		}
		return nil
	})
}

// Recycle runs the rules once: every customer due goes back to its pool
// with a flow row naming the rule. dryRun lists them and moves none. The
// pass reads everything first and writes in one transaction.
func Recycle(ctx context.Context, st *store.Store, now time.Time, dryRun bool) (Report, error) {
	today := now.Format("2006-01-02")
	at := now.Format(time.RFC3339)
	rep := Report{Today: today, DryRun: dryRun, Moves: []Move{}}
	err := scan(ctx, st.DB, today, 0, 0, func(m Move) error {
		rep.Moves = append(rep.Moves, m)
		return nil
	}, nil)
	if err != nil || dryRun || len(rep.Moves) == 0 {
		return rep, err
	}
	sys := msg.Render(msg.Zh, msg.SystemActor, nil)
	err = st.Tx(ctx, func(tx store.Tx) error {
		for _, m := range rep.Moves {
			// Re-check inside the writer: the owner may have changed since
			// the read (an edit between the scan and this transaction).
			c, err := store.GetCustomer(ctx, tx, m.CustomerID)
			if err != nil {
				return err
			}
			if c.Status != store.CustomerOwned || c.OwnerID == nil || *c.OwnerID != m.OwnerID {
				continue
			}
			if err := store.SetCustomerInPool(ctx, tx, m.CustomerID, m.PoolID, store.CustomerPool, at, m.Reason); err != nil {
				return err
			}
			pid, owner := m.PoolID, m.OwnerID
			if err := flow(ctx, tx, c, store.Flow{CustomerID: m.CustomerID, Action: ActRecycle, At: at, Day: today,
				ActorName: sys, ForID: &owner, ForName: m.Owner, FromOwnerID: &owner, From: m.Owner, To: m.Pool, PoolID: &pid,
				Rule: m.Rule + ":" + m.Level + ":" + strconv.Itoa(m.Days), Reason: m.Reason}); err != nil {
				return err
			}
		}
		return nil
	})
	return rep, err
}

// Warnings lists the customers the rules will recycle soon: within each
// rule's warning days, or within days when days > 0; owner 0 is everyone.
// Soonest first. The 工作台 shows these ("customers about to be recycled").
func Warnings(ctx context.Context, q store.Querier, now time.Time, owner int64, days int) ([]Move, error) {
	out := []Move{}
	err := scan(ctx, q, now.Format("2006-01-02"), owner, days, nil, func(m Move) error {
		out = append(out, m)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due < out[j].Due })
	return out, err
}

// RecycleWarnings lists the customers about to be recycled (within each
// rule's warning days, or within days when days > 0), soonest first.
func (s *Service) RecycleWarnings(days int) ([]Move, error) {
	return Warnings(s.env.Ctx(), s.st.DB, s.env.Now(), 0, days)
}

// RunRecycle runs the recycle rules now (dryRun: lists what would move).
func (s *Service) RunRecycle(dryRun bool) (Report, error) {
	return Recycle(s.env.Ctx(), s.st, s.env.Now(), dryRun)
}

// Start runs the recycle rules at once and then every hour until ctx ends
// (the app's start and "every hour while the app is open").
func Start(ctx context.Context, s *Service) {
	run := func() {
		if _, err := Recycle(ctx, s.st, s.env.Now(), false); err != nil && ctx.Err() == nil {
			log.Printf("pool recycle: %v", err)
		}
	}
	run()
	go func() {
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				run()
			}
		}
	}()
}
