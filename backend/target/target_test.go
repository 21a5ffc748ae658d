package target_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/opportunity"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
	"funneldesk/backend/target"
)

func sum(m [12]int64) int64 {
	var s int64
	for _, v := range m {
		s += v
	}
	return s
}

func TestSplitMonths(t *testing.T) {
	for _, c := range []struct {
		name     string
		total    int64
		weights  [12]int64
		want     [12]int64
		wantEven bool
	}{
		{"even, remainder in December", 100000, [12]int64{}, [12]int64{8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8333, 8337}, true},
		{"even, less than twelve", 5, [12]int64{}, [12]int64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5}, true},
		{"by shares", 1000, [12]int64{2: 100, 5: 300}, [12]int64{2: 250, 5: 750}, false},
		{"by shares, rounded down, rest to December", 1000, [12]int64{1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, [12]int64{333, 333, 333, 0, 0, 0, 0, 0, 0, 0, 0, 1}, false},
		{"big money does not overflow", 9_000_000_000_000_00, [12]int64{9_000_000_000_000, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
			[12]int64{899_999_999_999_900, 99, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, false},
		{"nothing last year falls back to even", 1200, [12]int64{}, [12]int64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, even := target.SplitMonths(c.total, c.weights)
			if got != c.want || even != c.wantEven {
				t.Errorf("SplitMonths(%d, %v) = %v, %v; want %v, %v", c.total, c.weights, got, even, c.want, c.wantEven)
			}
			if sum(got) != c.total {
				t.Errorf("months sum to %d, want %d", sum(got), c.total)
			}
		})
	}
}

// fixture is a database with a team tree, people and an opportunity service
// whose writes are dated by a movable clock.
type fixture struct {
	t               *testing.T
	st              *store.Store
	env             *svc.Env
	svc             *target.Service
	opp             *opportunity.Service
	team            int64
	zhang, li, wang int64 // 张三, 李四 in the team; 王五 outside
	retired         int64
	cust            int64
	won, open, lost int64
	setNow          func(string)
	ctx             context.Context
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st := storetest.New(t)
	f := &fixture{t: t, st: st, ctx: ctx}
	now := time.Date(2026, 6, 15, 10, 0, 0, 0, time.Local)
	f.env = svc.New(func() time.Time { return now })
	f.setNow = func(d string) {
		tm, err := time.ParseInLocation("2006-01-02", d, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		now = tm.Add(10 * time.Hour)
	}
	store.SetClock(func() time.Time { return now })
	t.Cleanup(func() { store.SetClock(nil) })
	f.svc = target.NewService(st, f.env)
	f.opp = opportunity.NewService(st, f.env)
	f.zhang = storetest.Owner(t, st, "张三")
	f.li = storetest.Owner(t, st, "李四")
	f.wang = storetest.Owner(t, st, "王五")
	f.retired = storetest.Owner(t, st, "赵六")
	var company int64
	if err := st.DB.Get(&company, `SELECT id FROM teams WHERE parent_id IS NULL`); err != nil {
		t.Fatal(err)
	}
	var err error
	if f.team, err = store.InsertTeam(ctx, st.W, store.Team{Name: "华南", ParentID: &company}); err != nil {
		t.Fatal(err)
	}
	for _, o := range []int64{f.zhang, f.li, f.retired} {
		if err := store.SetOwnerTeam(ctx, st.W, o, &f.team); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.UpdateOwner(ctx, st.W, f.retired, "赵六", false); err != nil {
		t.Fatal(err)
	}
	f.cust = storetest.Customer(t, st, "大商股份", f.zhang)
	f.won = storetest.Stage(t, st, "谈成结束").ID
	f.open = storetest.Stage(t, st, "初期沟通").ID
	f.lost = storetest.Stage(t, st, "未成结束").ID
	return f
}

// create adds an opportunity of owner on day, in the first stage.
func (f *fixture) create(owner int64, amount, close, day string) int64 {
	f.t.Helper()
	f.setNow(day)
	o, err := f.opp.Create(opportunity.Input{Name: "机会" + day + amount, CustomerID: f.cust, OwnerID: owner, Amount: amount,
		ExpectedClose: close, StageID: f.open})
	if err != nil {
		f.t.Fatalf("create: %v", err)
	}
	return o.ID
}

func (f *fixture) move(id, stage int64, day string) {
	f.t.Helper()
	f.setNow(day)
	m := opportunity.Move{StageID: stage}
	if stage == f.lost {
		m.LostReason = "价格"
	}
	if _, err := f.opp.ChangeStage(id, m); err != nil {
		f.t.Fatalf("move %d to %d on %s: %v", id, stage, day, err)
	}
}

func (f *fixture) checkWinsKept() {
	f.t.Helper()
	kept, err := store.KeptWins(f.ctx, f.st.DB)
	if err != nil {
		f.t.Fatal(err)
	}
	fresh, err := store.WinsFromHistory(f.ctx, f.st.DB)
	if err != nil {
		f.t.Fatal(err)
	}
	if !reflect.DeepEqual(kept, fresh) {
		f.t.Errorf("kept wins %+v, from history %+v", kept, fresh)
	}
}

func (f *fixture) achievement(dim, by, from, to string, owners ...int64) target.Achievement {
	f.t.Helper()
	a, err := f.svc.Achievement(target.AchievementRequest{Filters: reportframe.Filters{From: from, To: to, OwnerIDs: owners}, Dimension: dim, By: by})
	if err != nil {
		f.t.Fatalf("achievement %s %s..%s: %v", dim, from, to, err)
	}
	return a
}

func line(a target.Achievement, id int64) target.Line {
	for _, l := range a.Rows {
		if l.ScopeID == id {
			return l
		}
	}
	return target.Line{}
}

func TestWonAmountCountsTheLastWinOnce(t *testing.T) {
	f := newFixture(t)
	// A: won in February.
	a := f.create(f.zhang, "1000", "2026-02-28", "2026-01-02")
	f.move(a, f.won, "2026-02-10")
	// B: won in January, reopened, won again in March: once, in March.
	b := f.create(f.zhang, "300", "2026-03-31", "2026-01-03")
	f.move(b, f.won, "2026-01-05")
	f.move(b, f.open, "2026-01-20")
	f.move(b, f.won, "2026-03-15")
	// C: won in February, reopened and still open: not at all.
	c := f.create(f.li, "5000", "2026-04-30", "2026-01-04")
	f.move(c, f.won, "2026-02-01")
	f.move(c, f.open, "2026-02-03")
	// D: lost.
	d := f.create(f.li, "700", "2026-02-28", "2026-01-05")
	f.move(d, f.lost, "2026-02-11")
	// E: 李四's, won in February, then given to 王五.
	e := f.create(f.li, "40", "2026-02-28", "2026-01-06")
	f.move(e, f.won, "2026-02-12")
	f.setNow("2026-06-15")
	if _, err := f.opp.BatchSetOwner([]int64{e}, f.wang); err != nil {
		t.Fatal(err)
	}
	f.checkWinsKept()

	for _, c := range []struct {
		name, from, to string
		owner          int64
		want           int64
	}{
		{"张三 January: B's first win does not count", "2026-01-01", "2026-01-31", f.zhang, 0},
		{"张三 February", "2026-02-01", "2026-02-28", f.zhang, 100000},
		{"张三 March: B at its last win", "2026-03-01", "2026-03-31", f.zhang, 30000},
		{"张三 Q1", "2026-01-01", "2026-03-31", f.zhang, 130000},
		{"李四 Q1: reopened and lost count nothing; E went to 王五", "2026-01-01", "2026-03-31", f.li, 0},
		{"王五 Q1: E, credited to its owner now", "2026-01-01", "2026-03-31", f.wang, 4000},
		{"one day", "2026-02-10", "2026-02-10", f.zhang, 100000},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := f.achievement(target.WonAmount, target.Owner, c.from, c.to)
			if got := line(a, c.owner).Actual; got != c.want {
				t.Errorf("actual = %d, want %d", got, c.want)
			}
		})
	}
	// The company total is every owner's.
	a2 := f.achievement(target.WonAmount, target.Company, "2026-01-01", "2026-12-31")
	if a2.Total.Actual != 134000 || len(a2.Rows) != 1 {
		t.Errorf("company 2026 = %+v", a2.Total)
	}
	// Reopening A removes its win; deleting B removes B's.
	f.move(a, f.open, "2026-06-16")
	if err := f.opp.Delete(b); err != nil {
		t.Fatal(err)
	}
	f.checkWinsKept()
	a3 := f.achievement(target.WonAmount, target.Company, "2026-01-01", "2026-12-31")
	if a3.Total.Actual != 4000 {
		t.Errorf("after reopening A and deleting B: %d, want 4000", a3.Total.Actual)
	}
}

func TestOrderReceiptAndCountActuals(t *testing.T) {
	f := newFixture(t)
	seed := `
INSERT INTO orders (id, number, customer_id, owner_id, signed_date, status, total_cents, returned_cents, received_cents, created_at, updated_at) VALUES
  (1, 'O1', ?1, ?2, '2026-02-03', 'active', 100000, 20000, 50000, 't', 't'),
  (2, 'O2', ?1, ?2, '2026-02-20', 'voided', 900000, 0, 10000, 't', 't'),
  (3, 'O3', ?1, ?3, '2026-03-01', 'completed', 5000, 0, 5000, 't', 't'),
  (4, 'O4', ?1, ?2, '2025-12-31', 'active', 7000, 0, 0, 't', 't');
INSERT INTO installments (id, order_id, customer_id, seq, due_date, amount_cents, received_cents, owner_id) VALUES
  (1, 1, ?1, 1, '2026-03-01', 100000, 50000, ?2), (2, 2, ?1, 1, '2026-03-01', 900000, 10000, ?2), (3, 3, ?1, 1, '2026-03-01', 5000, 5000, ?3);
INSERT INTO receipts (number, order_id, installment_id, customer_id, owner_id, date, amount_cents, created_at) VALUES
  ('R1', 1, 1, ?1, ?2, '2026-03-05', 50000, 't'), ('R2', 2, 2, ?1, ?2, '2026-03-06', 10000, 't'), ('R3', 3, 3, ?1, ?3, '2026-04-01', 5000, 't');`
	seed = strings.NewReplacer("?1", fmt.Sprint(f.cust), "?2", fmt.Sprint(f.zhang), "?3", fmt.Sprint(f.li)).Replace(seed)
	if _, err := f.st.W.Exec(seed); err != nil {
		t.Fatal(err)
	}
	f.create(f.zhang, "1", "", "2026-01-09")
	f.create(f.zhang, "1", "", "2026-02-09")
	f.create(f.li, "1", "", "2025-02-09")
	f.setNow("2026-03-03")
	storetest.Customer(t, f.st, "新客户", f.li)

	for _, c := range []struct {
		dim, from, to string
		owner         int64
		want          int64
	}{
		{target.OrderAmount, "2026-01-01", "2026-03-31", f.zhang, 80000}, // net of returns; voided left out; 2025 not in range
		{target.OrderAmount, "2026-01-01", "2026-03-31", f.li, 5000},
		{target.OrderAmount, "2025-12-01", "2025-12-31", f.zhang, 7000},
		{target.Orders, "2026-01-01", "2026-03-31", f.zhang, 1},
		{target.Receipts, "2026-03-01", "2026-03-31", f.zhang, 50000}, // the voided order's receipt left out
		{target.Receipts, "2026-03-01", "2026-03-31", f.li, 0},        // dated April
		{target.Receipts, "2026-01-01", "2026-12-31", f.li, 5000},
		{target.NewOpportunities, "2026-01-01", "2026-12-31", f.zhang, 2},
		{target.NewOpportunities, "2026-02-01", "2026-02-28", f.zhang, 1},
		{target.NewOpportunities, "2026-01-01", "2026-12-31", f.li, 0},
		{target.NewCustomers, "2026-03-01", "2026-03-31", f.li, 1},
	} {
		a := f.achievement(c.dim, target.Owner, c.from, c.to)
		if got := line(a, c.owner).Actual; got != c.want {
			t.Errorf("%s %s..%s owner %d = %d, want %d", c.dim, c.from, c.to, c.owner, got, c.want)
		}
	}
}

func TestTargetsRateAndPeriods(t *testing.T) {
	f := newFixture(t)
	months := func(v string) []string {
		m := make([]string, 12)
		for i := range m {
			m[i] = v
		}
		return m
	}
	if _, err := f.svc.Save(target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Company, Months: months("1000")}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Save(target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Owner, ScopeID: f.zhang, Months: months("500")}); err != nil {
		t.Fatal(err)
	}
	a := f.create(f.zhang, "750", "2026-02-28", "2026-01-02")
	f.move(a, f.won, "2026-02-10")
	f.setNow("2026-02-15") // the clock of the report
	for _, c := range []struct {
		name, from, to   string
		target, actual   int64
		rate             int64
		cut              int
		elapsed, days    int
		progress         int64
		companyTarget    int64
		companyRateIsNil bool
	}{
		{"February", "2026-02-01", "2026-02-28", 50000, 75000, 15000, 0, 15, 28, 5357, 100000, false},
		{"Q1", "2026-01-01", "2026-03-31", 150000, 75000, 5000, 0, 46, 90, 5111, 300000, false},
		{"range cutting January: its target not counted", "2026-01-15", "2026-03-31", 100000, 75000, 7500, 1, 32, 76, 4210, 200000, false},
		{"past year", "2025-01-01", "2025-12-31", 0, 0, -1, 0, 365, 365, 10000, 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := f.achievement(target.WonAmount, target.Owner, c.from, c.to)
			l := line(r, f.zhang)
			if l.Target != c.target || l.Actual != c.actual || l.Gap != c.actual-c.target {
				t.Errorf("line = %+v", l)
			}
			if c.rate < 0 && l.RateBP != nil || c.rate >= 0 && (l.RateBP == nil || *l.RateBP != c.rate) {
				t.Errorf("rate = %v, want %d", l.RateBP, c.rate)
			}
			if len(r.CutMonths) != c.cut || r.ElapsedDays != c.elapsed || r.PeriodDays != c.days || r.TimeProgressBP != c.progress {
				t.Errorf("cut %v, elapsed %d/%d = %d", r.CutMonths, r.ElapsedDays, r.PeriodDays, r.TimeProgressBP)
			}
			if r.Total.Target != c.companyTarget || (r.Total.RateBP == nil) != c.companyRateIsNil {
				t.Errorf("total = %+v", r.Total)
			}
		})
	}
	// Ranking: 张三 (150 %) first, then people without a target.
	r := f.achievement(target.WonAmount, target.Owner, "2026-02-01", "2026-02-28")
	if len(r.Ranking) != 3 || r.Ranking[0].ScopeID != f.zhang || r.Ranking[0].Rank != 1 {
		t.Errorf("ranking = %+v", r.Ranking)
	}
	// By team: 华南's actual is its members'.
	r = f.achievement(target.WonAmount, target.Team, "2026-02-01", "2026-02-28")
	if len(r.Rows) != 1 || r.Rows[0].ScopeID != f.team || r.Rows[0].Actual != 75000 || r.Rows[0].HasTarget {
		t.Errorf("by team = %+v", r.Rows)
	}
	// The default period is the current year.
	r = f.achievement(target.WonAmount, target.Company, "", "")
	if r.From != "2026-01-01" || r.To != "2026-12-31" || r.Total.Target != 1200000 {
		t.Errorf("default period: %s..%s %+v", r.From, r.To, r.Total)
	}
}

func TestBadInputSavesNothing(t *testing.T) {
	f := newFixture(t)
	twelve := func(vals map[int]string) []string {
		m := make([]string, 12)
		for i := range m {
			m[i] = "100"
		}
		for i, v := range vals {
			m[i] = v
		}
		return m
	}
	for _, c := range []struct {
		name  string
		in    target.SaveInput
		code  string
		field string
	}{
		{"year", target.SaveInput{Year: 0, Dimension: target.WonAmount, Scope: target.Company, Months: twelve(nil)}, "invalid", "year"},
		{"dimension", target.SaveInput{Year: 2026, Dimension: "profit", Scope: target.Company, Months: twelve(nil)}, "invalid", "dimension"},
		{"negative", target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Company, Months: twelve(map[int]string{2: "-5"})}, "invalid", "m3"},
		{"not a number", target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Company, Months: twelve(map[int]string{4: "abc"})}, "invalid", "m5"},
		{"count with decimals", target.SaveInput{Year: 2026, Dimension: target.Orders, Scope: target.Company, Months: twelve(map[int]string{0: "1.5"})}, "invalid", "m1"},
		{"negative count", target.SaveInput{Year: 2026, Dimension: target.NewCustomers, Scope: target.Company, Months: twelve(map[int]string{11: "-1"})}, "invalid", "m12"},
		{"eleven months", target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Company, Months: []string{"1"}}, "invalid", "months"},
		{"retired person", target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Owner, ScopeID: f.retired, Months: twelve(nil)}, "invalid", "scopeId"},
		{"unknown person", target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Owner, ScopeID: 999, Months: twelve(nil)}, "not_found", "scopeId"},
		{"unknown team", target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Team, ScopeID: 999, Months: twelve(nil)}, "not_found", "scopeId"},
		{"unknown scope", target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: "region", Months: twelve(nil)}, "invalid", "scope"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.svc.Save(c.in)
			storetest.WantErr(t, err, c.code, c.field)
		})
	}
	for _, c := range []struct {
		name  string
		in    target.SplitInput
		field string
	}{
		{"negative year figure", target.SplitInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Company, Total: "-1", Method: target.Even}, "total"},
		{"empty year figure", target.SplitInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Company, Total: "", Method: target.Even}, "total"},
		{"bad method", target.SplitInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Company, Total: "1", Method: "random"}, "method"},
		{"retired", target.SplitInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Owner, ScopeID: f.retired, Total: "1", Method: target.Even}, "scopeId"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.svc.Split(c.in)
			storetest.WantFields(t, err, c.field)
		})
	}
	for _, c := range []struct {
		name  string
		f     reportframe.Filters
		dim   string
		field string
	}{
		{"impossible date", reportframe.Filters{From: "2026-02-30", To: "2026-03-31"}, target.WonAmount, "from"},
		{"reversed", reportframe.Filters{From: "2026-03-31", To: "2026-01-01"}, target.WonAmount, "to"},
		{"open end", reportframe.Filters{From: "2026-01-01"}, target.WonAmount, "to"},
		{"type", reportframe.Filters{Type: "新业务"}, target.WonAmount, "type"},
		{"unknown team", reportframe.Filters{TeamID: 999}, target.WonAmount, "teamId"},
		{"dimension", reportframe.Filters{}, "", "dimension"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.svc.Achievement(target.AchievementRequest{Filters: c.f, Dimension: c.dim, By: target.Owner})
			storetest.WantFields(t, err, c.field)
		})
	}
	_, err := f.svc.SplitMembers(target.MemberSplitInput{Year: 2026, Dimension: target.WonAmount, TeamID: f.team, Method: target.Even,
		Members: []target.MemberFigure{{OwnerID: f.zhang, Total: "100"}, {OwnerID: f.retired, Total: "100"}, {OwnerID: f.wang, Total: "1"}, {OwnerID: f.li, Total: "x"}}})
	storetest.WantFields(t, err, "members.1.ownerId", "members.2.ownerId", "members.3.total")
	if n := storetest.Count(t, f.st, "targets"); n != 0 {
		t.Errorf("%d targets saved by bad input", n)
	}
}

func TestSplitByLastYearAndMembers(t *testing.T) {
	f := newFixture(t)
	a := f.create(f.zhang, "100", "2025-03-31", "2025-01-02")
	f.move(a, f.won, "2025-03-10")
	b := f.create(f.li, "300", "2025-06-30", "2025-01-02")
	f.move(b, f.won, "2025-06-10")
	f.setNow("2026-01-05")

	res, err := f.svc.Split(target.SplitInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Team, ScopeID: f.team, Total: "1000", Method: target.LastYear})
	if err != nil {
		t.Fatal(err)
	}
	if res.FellBack || res.Row.Months != [12]int64{2: 25000, 5: 75000} || res.Row.Year != 100000 || res.Row.Quarters != [4]int64{25000, 75000, 0, 0} {
		t.Errorf("by last year = %+v", res)
	}
	// Nothing last year in this dimension: even, and said so.
	res, err = f.svc.Split(target.SplitInput{Year: 2026, Dimension: target.Orders, Scope: target.Company, Total: "25", Method: target.LastYear})
	if err != nil {
		t.Fatal(err)
	}
	if !res.FellBack || res.Method != target.Even || res.Row.Months[0] != 2 || res.Row.Months[11] != 3 || res.Row.Year != 25 {
		t.Errorf("fallback = %+v", res)
	}

	// Members: 张三 by his own last year (March), 李四 nothing last year in
	// March… but in June; the members sum 900 vs the team's 1000.
	ms, err := f.svc.SplitMembers(target.MemberSplitInput{Year: 2026, Dimension: target.WonAmount, TeamID: f.team, Method: target.LastYear,
		Members: []target.MemberFigure{{OwnerID: f.zhang, Total: "400"}, {OwnerID: f.li, Total: "500"}}})
	if err != nil {
		t.Fatal(err)
	}
	if ms.TeamYear != 100000 || ms.MembersYear != 90000 || ms.Diff != -10000 || len(ms.Members.Members) != 2 || len(ms.FellBack) != 0 {
		t.Errorf("members = %+v", ms)
	}
	g, err := f.svc.Grid(target.GridRequest{Year: 2026, Dimension: target.WonAmount})
	if err != nil {
		t.Fatal(err)
	}
	var team, zhang *target.Row
	for i := range g.Rows {
		r := &g.Rows[i]
		if r.Scope == target.Team && r.ScopeID == f.team {
			team = r
		}
		if r.Scope == target.Owner && r.ScopeID == f.zhang {
			zhang = r
		}
	}
	if team == nil || team.MembersDiff != -10000 || team.Members != 2 || zhang == nil || zhang.Months[2] != 40000 || zhang.Year != 40000 {
		t.Errorf("grid team %+v zhang %+v", team, zhang)
	}
	for _, r := range g.Rows {
		if r.ScopeID == f.retired && r.Scope == target.Owner {
			t.Errorf("retired person without a target is in the grid")
		}
	}
	// Month by month edits keep the year the sum of its months.
	row, err := f.svc.Save(target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Owner, ScopeID: f.zhang,
		Months: []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12.34"}})
	if err != nil {
		t.Fatal(err)
	}
	if row.Year != 7834 || row.Quarters != [4]int64{600, 1500, 2400, 3334} {
		t.Errorf("saved row = %+v", row)
	}
}

func TestForecastBuckets(t *testing.T) {
	f := newFixture(t)
	// Today 2026-06-15.
	f.create(f.zhang, "1000", "2026-06-20", "2026-05-01") // June, open, 10 %
	f.create(f.zhang, "2000", "2026-06-10", "2026-05-01") // close date passed: slipped
	f.create(f.li, "3000", "2026-08-01", "2026-05-01")    // August
	f.create(f.li, "4000", "2027-06-01", "2026-05-01")    // beyond the 12 months
	f.create(f.li, "500", "", "2026-05-01")               // no close date
	w := f.create(f.zhang, "600", "2026-06-30", "2026-05-01")
	f.move(w, f.won, "2026-06-02")
	ly := f.create(f.zhang, "800", "2025-06-30", "2025-05-01")
	f.move(ly, f.won, "2025-06-05")
	f.setNow("2026-06-15")
	m := make([]string, 12)
	for i := range m {
		m[i] = "1000"
	}
	if _, err := f.svc.Save(target.SaveInput{Year: 2026, Dimension: target.WonAmount, Scope: target.Company, Months: m}); err != nil {
		t.Fatal(err)
	}
	fc, err := f.svc.Forecast(target.ForecastRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fc.Months) != 12 || fc.Months[0].Month != "2026-06" || fc.Months[11].Month != "2027-05" {
		t.Fatalf("months = %+v", fc.Months)
	}
	june, aug := fc.Months[0], fc.Months[2]
	if june.Open != 1 || june.Amount != 100000 || june.Expected != 10000 || june.Won != 60000 || june.Target != 100000 ||
		june.Remaining != 40000 || june.CoverageBP == nil || *june.CoverageBP != 2500 || june.LastYearWon != 80000 {
		t.Errorf("June = %+v", june)
	}
	if aug.Open != 1 || aug.Amount != 300000 || aug.Expected != 30000 || aug.CoverageBP == nil || *aug.CoverageBP != 3000 {
		t.Errorf("August = %+v", aug)
	}
	if fc.Months[11].HasTarget || fc.Months[11].CoverageBP != nil {
		t.Errorf("2027-05 has no target: %+v", fc.Months[11])
	}
	if fc.Slipped.Open != 1 || fc.Slipped.Amount != 200000 || fc.NoClose.Open != 1 || fc.NoClose.Amount != 50000 {
		t.Errorf("slipped %+v no close %+v", fc.Slipped, fc.NoClose)
	}
	if fc.Total.Open != 2 || fc.Total.Won != 60000 {
		t.Errorf("total = %+v", fc.Total)
	}
	// One owner: 李四's pipeline only, against his (absent) target.
	fc, err = f.svc.Forecast(target.ForecastRequest{Filters: reportframe.Filters{OwnerIDs: []int64{f.li}}})
	if err != nil {
		t.Fatal(err)
	}
	if fc.Months[0].Open != 0 || fc.Months[2].Open != 1 || fc.Months[0].HasTarget || fc.Slipped.Open != 0 {
		t.Errorf("李四 = %+v / %+v", fc.Months[0], fc.Slipped)
	}
}
