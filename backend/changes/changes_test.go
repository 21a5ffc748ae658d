package changes_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/changes"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/recycle"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

// fixture is a database whose clock the test moves day by day (the
// services' and store.Now, which the history triggers read).
type fixture struct {
	st                 *store.Store
	opp                *opportunity.Service
	now                time.Time
	zhang, li          int64
	customer           int64
	initial, nego, won int64
	lost, proposal     int64
	changesSvc         *changes.Service
	recycle            *recycle.Service
	env                *svc.Env
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st := storetest.New(t)
	f := &fixture{st: st}
	f.at("2026-03-01")
	store.SetClock(func() time.Time { return f.now })
	t.Cleanup(func() { store.SetClock(nil) })
	f.env = svc.New(func() time.Time { return f.now })
	f.opp = opportunity.NewService(st, f.env)
	f.changesSvc = changes.NewService(st, f.env)
	f.recycle = recycle.NewService(st, f.env)
	f.zhang = storetest.Owner(t, st, "张三")
	f.li = storetest.Owner(t, st, "李四")
	f.customer = storetest.Customer(t, st, "大商股份", f.zhang)
	f.initial = storetest.Stage(t, st, "初期沟通").ID
	f.proposal = storetest.Stage(t, st, "需求分析").ID
	f.nego = storetest.Stage(t, st, "商务谈判").ID
	f.won = storetest.Stage(t, st, "谈成结束").ID
	f.lost = storetest.Stage(t, st, "未成结束").ID
	return f
}

// at sets the clock to noon of day.
func (f *fixture) at(day string) {
	d, err := time.ParseInLocation("2006-01-02", day, time.Local)
	if err != nil {
		panic(err)
	}
	f.now = d.Add(12 * time.Hour)
}

func (f *fixture) input(name string) opportunity.Input {
	return opportunity.Input{Name: name, CustomerID: f.customer, OwnerID: f.zhang, StageID: f.initial, Amount: "1000",
		ExpectedClose: "2026-04-15"}
}

func (f *fixture) create(t *testing.T, day string, in opportunity.Input) int64 {
	t.Helper()
	f.at(day)
	o, err := f.opp.Create(in)
	if err != nil {
		t.Fatalf("create %s: %v", in.Name, err)
	}
	return o.ID
}

// edit changes an opportunity on day through the form's Update.
func (f *fixture) edit(t *testing.T, day string, id int64, change func(in *opportunity.Input)) {
	t.Helper()
	f.at(day)
	d, err := f.opp.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	o := d.Opportunity
	in := opportunity.Input{Name: o.Name, CustomerID: o.CustomerID, Type: o.Type, Source: o.Source, OwnerID: o.OwnerID,
		Amount: fmt.Sprintf("%d.%02d", o.AmountCents/100, o.AmountCents%100), ExpectedClose: o.ExpectedClose, StageID: o.StageID,
		Probability: fmt.Sprintf("%d", o.ProbabilityBP/100), LostReason: o.LostReason}
	change(&in)
	if _, err := f.opp.Update(id, in); err != nil {
		t.Fatalf("update %d: %v", id, err)
	}
}

func (f *fixture) move(t *testing.T, day string, id, stage int64) {
	t.Helper()
	f.at(day)
	if _, err := f.opp.ChangeStage(id, opportunity.Move{StageID: stage, LostReason: "价格"}); err != nil {
		t.Fatalf("move %d: %v", id, err)
	}
}

func (f *fixture) report(t *testing.T, filters reportframe.Filters) changes.Report {
	t.Helper()
	v, err := f.changesSvc.Changes(changes.Request{Filters: filters})
	if err != nil {
		t.Fatalf("changes %+v: %v", filters, err)
	}
	if v.Chart == "" {
		t.Fatal("no chart")
	}
	return v.Report
}

// kindsOf lists the kinds the report puts id in.
func kindsOf(r changes.Report, id int64) []string {
	var out []string
	for _, g := range r.Groups {
		for _, it := range g.Items {
			if it.ID == id {
				out = append(out, g.Kind)
			}
		}
	}
	return out
}

const (
	dayA = "2026-03-05"
	dayB = "2026-03-10"
)

// TestKinds builds one opportunity per case on day 1, changes it before A,
// between A and B or after B, and checks the kinds the report lists it in
// and its amounts at A and at B.
func TestKinds(t *testing.T) {
	tests := []struct {
		name             string
		build            func(t *testing.T, f *fixture, id int64)
		created          string // default 2026-03-01
		want             []string
		amountA, amountB int64 // -1: not there
	}{
		{"new", nil, "2026-03-07", []string{"new"}, -1, 100000},
		{"created on A is not new", nil, dayA, nil, 100000, 100000},
		{"created after B: nowhere", nil, "2026-03-12", nil, -1, -1},
		{"moved forward", func(t *testing.T, f *fixture, id int64) { f.move(t, "2026-03-07", id, f.nego) }, "", []string{"forward"}, 100000, 100000},
		{"moved forward on B counts", func(t *testing.T, f *fixture, id int64) { f.move(t, dayB, id, f.proposal) }, "", []string{"forward"}, 100000, 100000},
		{"moved back", func(t *testing.T, f *fixture, id int64) {
			f.move(t, "2026-03-02", id, f.nego)
			f.move(t, "2026-03-07", id, f.proposal)
		}, "", []string{"back"}, 100000, 100000},
		{"won, skipping stages", func(t *testing.T, f *fixture, id int64) { f.move(t, "2026-03-08", id, f.won) }, "", []string{"won"}, 100000, 100000},
		{"lost", func(t *testing.T, f *fixture, id int64) { f.move(t, "2026-03-08", id, f.lost) }, "", []string{"lost"}, 100000, 100000},
		{"amount raised", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-06", id, func(in *opportunity.Input) { in.Amount = "1500" })
		}, "", []string{"raised"}, 100000, 150000},
		{"amount lowered twice", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-06", id, func(in *opportunity.Input) { in.Amount = "800" })
			f.edit(t, "2026-03-09", id, func(in *opportunity.Input) { in.Amount = "700" })
		}, "", []string{"lowered"}, 100000, 70000},
		{"close pushed out", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-06", id, func(in *opportunity.Input) { in.ExpectedClose = "2026-05-20" })
		}, "", []string{"pushedOut"}, 100000, 100000},
		{"close pulled in", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-06", id, func(in *opportunity.Input) { in.ExpectedClose = "2026-03-31" })
		}, "", []string{"pulledIn"}, 100000, 100000},
		{"reassigned", func(t *testing.T, f *fixture, id int64) {
			f.at("2026-03-06")
			if _, err := f.opp.BatchSetOwner([]int64{id}, f.li); err != nil {
				t.Fatal(err)
			}
		}, "", []string{"reassigned"}, 100000, 100000},
		{"forward and raised at once", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-06", id, func(in *opportunity.Input) { in.Amount = "2000"; in.StageID = f.nego; in.Probability = "" })
		}, "", []string{"forward", "raised"}, 100000, 200000},
		{"changed and changed back: unchanged", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-06", id, func(in *opportunity.Input) { in.Amount = "3000" })
			f.edit(t, "2026-03-08", id, func(in *opportunity.Input) { in.Amount = "1000" })
		}, "", nil, 100000, 100000},
		{"change after B ignored", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-11", id, func(in *opportunity.Input) { in.Amount = "5000" })
			f.move(t, "2026-03-11", id, f.won)
		}, "", nil, 100000, 100000},
		{"change before A ignored", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-03", id, func(in *opportunity.Input) { in.Amount = "5000" })
			f.move(t, dayA, id, f.nego)
		}, "", nil, 500000, 500000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			created := tt.created
			if created == "" {
				created = "2026-03-01"
			}
			id := f.create(t, created, f.input("机会"))
			if tt.build != nil {
				tt.build(t, f, id)
			}
			f.at("2026-03-20")
			r := f.report(t, reportframe.Filters{From: dayA, To: dayB})
			if got := kindsOf(r, id); !slices.Equal(got, tt.want) {
				t.Errorf("kinds %v, want %v", got, tt.want)
			}
			gotA, gotB := int64(-1), int64(-1)
			if r.Total.A.Count > 0 {
				gotA = r.Total.A.AmountCents
			}
			if r.Total.B.Count > 0 {
				gotB = r.Total.B.AmountCents
			}
			if gotA != tt.amountA || gotB != tt.amountB {
				t.Errorf("funnel amount A %d B %d, want %d %d", gotA, gotB, tt.amountA, tt.amountB)
			}
			if d := r.Total.Diff; d.AmountCents != r.Total.B.AmountCents-r.Total.A.AmountCents || d.Count != r.Total.B.Count-r.Total.A.Count {
				t.Errorf("difference %+v of %+v and %+v", d, r.Total.A, r.Total.B)
			}
		})
	}
}

// TestFunnelAtDays checks the stage figures on both days against a funnel
// the test knows, with unchanged opportunities (read from the kept totals)
// beside changed ones, and the owner filter by the owner at B.
func TestFunnelAtDays(t *testing.T) {
	f := newFixture(t)
	keep := f.create(t, "2026-03-01", f.input("不变"))
	moved := f.create(t, "2026-03-01", f.input("推进"))
	gone := f.create(t, "2026-03-01", f.input("删除"))
	handed := f.create(t, "2026-03-01", f.input("移交"))
	f.move(t, "2026-03-07", moved, f.nego) // 60%
	f.at("2026-03-08")
	if _, err := f.opp.BatchSetOwner([]int64{handed}, f.li); err != nil {
		t.Fatal(err)
	}
	if err := f.opp.Delete(gone); err != nil {
		t.Fatal(err)
	}
	f.at("2026-03-20")
	r := f.report(t, reportframe.Filters{From: dayA, To: dayB})
	figures := map[string]changes.StageRow{}
	for _, s := range r.Stages {
		figures[s.Name] = s
	}
	p := int64(storetest.Stage(t, f.st, "初期沟通").ProbabilityBP)
	pn := int64(storetest.Stage(t, f.st, "商务谈判").ProbabilityBP)
	if got, want := figures["初期沟通"].A, (changes.Figures{Count: 3, AmountCents: 300000, ExpectedCents: 300000 * p / 10000}); got != want {
		t.Errorf("初期沟通 at A %+v, want %+v (the deleted one in neither column)", got, want)
	}
	if got, want := figures["初期沟通"].B, (changes.Figures{Count: 2, AmountCents: 200000, ExpectedCents: 200000 * p / 10000}); got != want {
		t.Errorf("初期沟通 at B %+v, want %+v", got, want)
	}
	if got, want := figures["商务谈判"].B, (changes.Figures{Count: 1, AmountCents: 100000, ExpectedCents: 100000 * pn / 10000}); got != want {
		t.Errorf("商务谈判 at B %+v, want %+v", got, want)
	}
	if r.DeletedBetween != 1 || r.DeletedAfter != 0 {
		t.Errorf("deleted %d between, %d after; want 1, 0", r.DeletedBetween, r.DeletedAfter)
	}
	// 李四 holds 移交 at B: both columns show it under him, none of 张三's.
	li := f.report(t, reportframe.Filters{From: dayA, To: dayB, OwnerIDs: []int64{f.li}})
	if li.Total.A.Count != 1 || li.Total.B.Count != 1 || !slices.Equal(kindsOf(li, handed), []string{"reassigned"}) {
		t.Errorf("李四: A %d B %d kinds %v; want 1, 1, [reassigned]", li.Total.A.Count, li.Total.B.Count, kindsOf(li, handed))
	}
	zh := f.report(t, reportframe.Filters{From: dayA, To: dayB, OwnerIDs: []int64{f.zhang}})
	if zh.Total.A.Count != 2 || zh.Total.B.Count != 2 || kindsOf(zh, keep) != nil {
		t.Errorf("张三: A %d B %d; want 2, 2", zh.Total.A.Count, zh.Total.B.Count)
	}
	// B today: the B column is the funnel now.
	now := f.report(t, reportframe.Filters{From: dayA, To: "2026-03-20"})
	totals, err := store.StageTotals(context.Background(), f.st.DB, store.OpportunityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range totals {
		n += s.Count
	}
	if now.Total.B.Count != n {
		t.Errorf("B = today counts %d, the funnel %d", now.Total.B.Count, n)
	}
}

func TestBadDays(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		f      reportframe.Filters
		fields []string
	}{
		{"no A", reportframe.Filters{To: dayB}, []string{"from"}},
		{"no B", reportframe.Filters{From: dayA}, []string{"to"}},
		{"neither", reportframe.Filters{}, []string{"from", "to"}},
		{"impossible A", reportframe.Filters{From: "2026-02-30", To: dayB}, []string{"from"}},
		{"B before A", reportframe.Filters{From: dayB, To: dayA}, []string{"to"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.changesSvc.Changes(changes.Request{Filters: tt.f})
			storetest.WantFields(t, err, tt.fields...)
		})
	}
}

// history lists an opportunity's field history as "field old→new", oldest first.
func history(t *testing.T, st *store.Store, id int64) []string {
	t.Helper()
	h, err := store.ListFieldChanges(context.Background(), st.DB, id)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for i := len(h) - 1; i >= 0; i-- {
		out = append(out, fmt.Sprintf("%s %v→%v", h[i].Field, h[i].Old, h[i].New))
	}
	return out
}

// TestHistoryWritePaths checks that each way of changing the four fields
// writes its rows, stamped with the clock, and that a rolled-back write
// writes none.
func TestHistoryWritePaths(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		write func(t *testing.T, f *fixture, id int64)
		want  []string
	}{
		{"form update", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-06", id, func(in *opportunity.Input) {
				in.Amount, in.Probability, in.ExpectedClose, in.OwnerID = "1200", "30", "2026-06-01", f.li
			})
		}, []string{"amount 100000→120000", "probability 1000→3000", "close 2026-04-15→2026-06-01", "owner %zhang→%li"}},
		{"nothing changed: no rows", func(t *testing.T, f *fixture, id int64) {
			f.edit(t, "2026-03-06", id, func(in *opportunity.Input) {})
		}, []string{}},
		{"board move", func(t *testing.T, f *fixture, id int64) { f.move(t, "2026-03-06", id, f.nego) }, []string{"probability 1000→6000"}},
		{"batch owner", func(t *testing.T, f *fixture, id int64) {
			if _, err := f.opp.BatchSetOwner([]int64{id}, f.li); err != nil {
				t.Fatal(err)
			}
		}, []string{"owner %zhang→%li"}},
		{"order wins", func(t *testing.T, f *fixture, id int64) {
			if err := f.st.Tx(ctx, func(tx store.Tx) error { _, err := opportunity.MarkWon(ctx, tx, id); return err }); err != nil {
				t.Fatal(err)
			}
		}, []string{"probability 1000→10000"}},
		{"import update and its undo", func(t *testing.T, f *fixture, id int64) {
			o, err := store.GetOpportunity(ctx, f.st.DB, id)
			if err != nil {
				t.Fatal(err)
			}
			o.AmountCents, o.OwnerID = 90000, f.li
			if err := f.st.Tx(ctx, func(tx store.Tx) error {
				imp, err := store.InsertImport(ctx, tx, store.Import{FileName: "x.csv", Kind: "opportunities", CreatedAt: store.Now()})
				if err != nil {
					return err
				}
				before, err := store.UpdateImportedOpportunity(ctx, tx, id, o, store.Now(), "")
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO import_items (import_id, tbl, record_id, action, before_json, stamp) VALUES (?, 'opportunities', ?, 'update', ?, '')`,
					imp, id, before); err != nil {
					return err
				}
				return store.UndoImport(ctx, tx, imp, nil, store.Now(), nil)
			}); err != nil {
				t.Fatal(err)
			}
		}, []string{"amount 100000→90000", "owner %zhang→%li", "amount 90000→100000", "owner %li→%zhang"}},
		{"amount following lines", func(t *testing.T, f *fixture, id int64) {
			if _, err := f.st.W.Exec(`INSERT INTO products (code, name, unit, created_at, updated_at) VALUES ('P1', '产品', '个', 't', 't')`); err != nil {
				t.Fatal(err)
			}
			if _, err := f.st.W.Exec(`INSERT INTO opportunity_lines (opportunity_id, position, product_id, product_code, product_name, unit,
				qty_milli, unit_price_cents, total_cents) VALUES (?, 1, (SELECT MAX(id) FROM products), 'P1', '产品', '个', 1000, 30000, 30000)`, id); err != nil {
				t.Fatal(err)
			}
			if err := store.SetOpportunityFollowsLines(ctx, f.st.W, id, true, 30000); err != nil {
				t.Fatal(err)
			}
			// The form writes another amount; the lines' sum wins, and no
			// passing value shows.
			f.edit(t, "2026-03-06", id, func(in *opportunity.Input) { in.Amount = "999" })
		}, []string{"amount 100000→30000"}},
		{"rolled back", func(t *testing.T, f *fixture, id int64) {
			err := f.st.Tx(ctx, func(tx store.Tx) error {
				o, err := store.GetOpportunity(ctx, tx, id)
				if err != nil {
					return err
				}
				o.AmountCents, o.ProbabilityBP = 1, 1
				if err := store.UpdateOpportunity(ctx, tx, o); err != nil {
					return err
				}
				return errors.New("refused")
			})
			if err == nil {
				t.Fatal("no error")
			}
		}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			in := f.input("机会")
			in.Probability = "10"
			id := f.create(t, "2026-03-01", in)
			f.at("2026-03-06")
			tt.write(t, f, id)
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = replaceOwners(w, f)
			}
			// One statement's rows come in the triggers' order: compared as sets.
			got := history(t, f.st, id)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("history %q, want %q", got, want)
			}
			h, _ := store.ListFieldChanges(ctx, f.st.DB, id)
			for _, c := range h {
				if c.ChangedAt[:10] != "2026-03-06" || c.ChangedBy != store.Actor() {
					t.Errorf("row %+v: stamped %s by %q, want 2026-03-06 by %q", c, c.ChangedAt, c.ChangedBy, store.Actor())
				}
				if c.Field == store.FieldOwner && (c.OldText == "" || c.NewText == "") {
					t.Errorf("owner row without names: %+v", c)
				}
			}
		})
	}
}

func replaceOwners(s string, f *fixture) string {
	return strings.NewReplacer("%zhang", fmt.Sprint(f.zhang), "%li", fmt.Sprint(f.li)).Replace(s)
}

// TestRecycleKeepsHistory: a deleted opportunity takes its field history
// into the bin and brings it back on restore.
func TestRecycleKeepsHistory(t *testing.T) {
	f := newFixture(t)
	id := f.create(t, "2026-03-01", f.input("机会"))
	f.edit(t, "2026-03-06", id, func(in *opportunity.Input) { in.Amount = "2000" })
	before := history(t, f.st, id)
	if err := f.opp.Delete(id); err != nil {
		t.Fatal(err)
	}
	if n := storetest.Count(t, f.st, "opportunity_field_history"); n != 0 {
		t.Fatalf("%d history rows left behind", n)
	}
	var bin int64
	if err := f.st.DB.Get(&bin, `SELECT id FROM recycle_bin`); err != nil {
		t.Fatal(err)
	}
	if _, err := f.recycle.Restore([]int64{bin}); err != nil {
		t.Fatal(err)
	}
	if got := history(t, f.st, id); !slices.Equal(got, before) || len(got) != 1 {
		t.Errorf("after restore %q, want %q", got, before)
	}
	f.at("2026-03-20")
	r := f.report(t, reportframe.Filters{From: dayA, To: dayB})
	if !slices.Equal(kindsOf(r, id), []string{"raised"}) {
		t.Errorf("restored kinds %v", kindsOf(r, id))
	}
}
