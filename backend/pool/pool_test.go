package pool

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
)

type fixture struct {
	t       *testing.T
	s       *Service
	st      *store.Store
	env     *svc.Env
	zhang   int64
	li      int64
	wang    int64 // the pool manager
	company int64
}

var day0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st := storetest.New(t)
	env := svc.New(svc.Fixed(day0))
	f := &fixture{t: t, s: NewService(st, env), st: st, env: env,
		zhang: storetest.Owner(t, st, "张三"), li: storetest.Owner(t, st, "李四"), wang: storetest.Owner(t, st, "王五")}
	var err error
	if f.company, err = store.CompanyPool(context.Background(), st.DB); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) at(day string) {
	tm, err := time.ParseInLocation("2006-01-02 15:04", day+" 10:00", time.Local)
	if err != nil {
		f.t.Fatal(err)
	}
	f.env.SetClock(svc.Fixed(tm))
}

// pooled adds n customers waiting in pool.
func (f *fixture) pooled(pool int64, n int, prefix string) []int64 {
	f.t.Helper()
	var ids []int64
	for i := 0; i < n; i++ {
		id, err := store.InsertCustomer(context.Background(), f.st.W, store.Customer{Name: fmt.Sprintf("%s%d", prefix, i),
			Status: store.CustomerPool, PoolID: &pool, HomePoolID: &pool, PoolSince: day0.Format(time.RFC3339)})
		if err != nil {
			f.t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func (f *fixture) pool(in Input) int64 {
	f.t.Helper()
	p, err := f.s.Save(0, in)
	if err != nil {
		f.t.Fatalf("save pool: %v", err)
	}
	return p.Pool.ID
}

func (f *fixture) customer(id int64) store.Customer {
	f.t.Helper()
	c, err := store.GetCustomer(context.Background(), f.st.DB, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fixture) flow(id int64) []string {
	f.t.Helper()
	rows, err := f.s.History(id)
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r.Action)
	}
	return out
}

// refused checks err is an *apperr.Error whose Chinese text is want.
func refused(t *testing.T, err error, want string) {
	t.Helper()
	e, ok := apperr.As(err)
	if !ok {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if e.Message != want {
		t.Fatalf("message = %q, want %q", e.Message, want)
	}
	if e.MessageEn == "" || strings.Contains(e.MessageEn, "{") {
		t.Fatalf("English message %q", e.MessageEn)
	}
}

func TestClaimDailyLimit(t *testing.T) {
	f := newFixture(t)
	p := f.pool(Input{Name: "华南公海", ClaimEnabled: true, DailyLimit: 2})
	ids := f.pooled(p, 4, "客户")
	for _, id := range ids[:2] {
		if _, err := f.s.Claim(ActionInput{CustomerIDs: []int64{id}, OwnerID: f.zhang}); err != nil {
			t.Fatalf("claim: %v", err)
		}
	}
	_, err := f.s.Claim(ActionInput{CustomerIDs: []int64{ids[2]}, OwnerID: f.zhang})
	refused(t, err, "张三今日已领用 2 个（上限 2）")
	if c := f.customer(ids[2]); c.Status != store.CustomerPool || c.OwnerID != nil {
		t.Fatalf("refused claim changed the customer: %+v", c)
	}
	// Another person has their own count; the next day starts afresh.
	if _, err := f.s.Claim(ActionInput{CustomerIDs: []int64{ids[2]}, OwnerID: f.li}); err != nil {
		t.Fatalf("li claims: %v", err)
	}
	f.at("2026-12-02")
	if _, err := f.s.Claim(ActionInput{CustomerIDs: []int64{ids[3]}, OwnerID: f.zhang}); err != nil {
		t.Fatalf("next day: %v", err)
	}
	c := f.customer(ids[0])
	if c.Status != store.CustomerOwned || *c.OwnerID != f.zhang || c.PoolID != nil || *c.HomePoolID != p {
		t.Fatalf("claimed customer: %+v", c)
	}
	if got := f.flow(ids[0]); strings.Join(got, ",") != "claim" {
		t.Fatalf("flow = %v", got)
	}
}

func TestClaimBatchAllOrNothing(t *testing.T) {
	f := newFixture(t)
	p := f.pool(Input{Name: "批量", ClaimEnabled: true, DailyLimit: 5})
	ids := f.pooled(p, 50, "批")
	_, err := f.s.Claim(ActionInput{CustomerIDs: ids, OwnerID: f.zhang})
	refused(t, err, "张三今日已领用 0 个，再领用 50 个将超过上限 5：本次未领用任何客户")
	if n := storetest.Count(t, f.st, "customer_flow"); n != 0 {
		t.Fatalf("flow rows after a refused batch: %d", n)
	}
	var owned int
	if err := f.st.DB.Get(&owned, `SELECT COUNT(*) FROM customers WHERE status = 'owned'`); err != nil || owned != 0 {
		t.Fatalf("owned after refused batch: %d %v", owned, err)
	}
	if r, err := f.s.Claim(ActionInput{CustomerIDs: ids[:5], OwnerID: f.zhang}); err != nil || r.Count != 5 {
		t.Fatalf("batch of 5: %v %v", r, err)
	}
}

func TestClaimTotalLimit(t *testing.T) {
	f := newFixture(t)
	p := f.pool(Input{Name: "总量", ClaimEnabled: true, TotalLimit: 3})
	ids := f.pooled(p, 5, "总")
	if _, err := f.s.Claim(ActionInput{CustomerIDs: ids[:3], OwnerID: f.zhang}); err != nil {
		t.Fatal(err)
	}
	f.at("2026-12-03")
	_, err := f.s.Claim(ActionInput{CustomerIDs: ids[3:4], OwnerID: f.zhang})
	refused(t, err, "张三已持有从「总量」领用的客户 3 个（上限 3）")
	// Returning one frees a place.
	if _, err := f.s.Return(ActionInput{CustomerIDs: ids[:1], Reason: "无意向"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Claim(ActionInput{CustomerIDs: ids[3:4], OwnerID: f.zhang}); err != nil {
		t.Fatalf("after return: %v", err)
	}
}

func TestReclaimBar(t *testing.T) {
	f := newFixture(t)
	p := f.pool(Input{Name: "防回捞", ClaimEnabled: true, ReclaimDays: 10})
	id := f.pooled(p, 1, "回")[0]
	if _, err := f.s.Claim(ActionInput{CustomerIDs: []int64{id}, OwnerID: f.li}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Return(ActionInput{CustomerIDs: []int64{id}, Reason: "联系不上"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		day  string
		who  int64
		want string
	}{
		{"2026-12-01", f.li, "李四 10 天内不能再领用此客户（2026-12-01 退回）"},
		{"2026-12-10", f.li, "李四 10 天内不能再领用此客户（2026-12-01 退回）"},
		{"2026-12-05", f.zhang, ""},
	}
	for _, tt := range tests {
		f.at(tt.day)
		_, err := f.s.Claim(ActionInput{CustomerIDs: []int64{id}, OwnerID: tt.who})
		if tt.want == "" {
			if err != nil {
				t.Fatalf("%s: %v", tt.day, err)
			}
			if _, err := f.s.Return(ActionInput{CustomerIDs: []int64{id}, Reason: "还回"}); err != nil {
				t.Fatal(err)
			}
			continue
		}
		refused(t, err, tt.want)
	}
	f.at("2026-12-11")
	if _, err := f.s.Claim(ActionInput{CustomerIDs: []int64{id}, OwnerID: f.li}); err != nil {
		t.Fatalf("after the bar: %v", err)
	}
	if got := strings.Join(f.flow(id), ","); got != "claim,return,claim,return,claim" {
		t.Fatalf("flow = %s", got)
	}
}

func TestClaimPermissions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	root := int64(1)
	sales, err := store.InsertTeam(ctx, f.st.W, store.Team{Name: "销售部", ParentID: &root})
	if err != nil {
		t.Fatal(err)
	}
	south, err := store.InsertTeam(ctx, f.st.W, store.Team{Name: "华南组", ParentID: &sales})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SetOwnerTeam(ctx, f.st.W, f.zhang, &south); err != nil {
		t.Fatal(err)
	}
	p := f.pool(Input{Name: "部门公海", ClaimEnabled: true, Members: []store.PoolMember{{TeamID: &sales}}})
	closed := f.pool(Input{Name: "关闭", ClaimEnabled: false})
	ids := f.pooled(p, 2, "部")
	off := f.pooled(closed, 1, "关")
	tests := []struct {
		name string
		ids  []int64
		who  int64
		want string
	}{
		{"not a member", ids[:1], f.li, "李四不能领用「部门公海」的客户（不在可领用人员中）"},
		{"claiming off", off, f.zhang, "「关闭」已关闭领用"},
		{"sub-team member", ids[:1], f.zhang, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.s.Claim(ActionInput{CustomerIDs: tt.ids, OwnerID: tt.who})
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			refused(t, err, tt.want)
		})
	}
	// A person listed by name may claim too.
	li := f.li
	if _, err := f.s.Save(p, Input{Name: "部门公海", ClaimEnabled: true, Members: []store.PoolMember{{TeamID: &sales}, {OwnerID: &li}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Claim(ActionInput{CustomerIDs: ids[1:], OwnerID: f.li}); err != nil {
		t.Fatalf("listed person: %v", err)
	}
	owners, err := store.OwnersInTeam(ctx, f.st.DB, sales)
	if err != nil || len(owners) != 1 || owners[0] != f.zhang {
		t.Fatalf("OwnersInTeam(sales) = %v %v", owners, err)
	}
}

func TestManagerActions(t *testing.T) {
	f := newFixture(t)
	p := f.pool(Input{Name: "负责人", ClaimEnabled: true, ManagerID: f.wang})
	other := f.pool(Input{Name: "另一个", ClaimEnabled: true})
	ids := f.pooled(p, 3, "管")
	_, err := f.s.Assign(ActionInput{CustomerIDs: ids[:1], OwnerID: f.zhang, ActorID: f.li})
	refused(t, err, "只有公海负责人王五可以分派「负责人」的客户")
	_, err = f.s.Void(ActionInput{CustomerIDs: ids[1:2], ActorID: f.li, Reason: "空号"})
	refused(t, err, "只有公海负责人王五可以作废「负责人」的客户")
	_, err = f.s.Void(ActionInput{CustomerIDs: ids[1:2], ActorID: f.wang})
	refused(t, err, "请填写原因")
	if _, err := f.s.Assign(ActionInput{CustomerIDs: ids[:1], OwnerID: f.zhang, ActorID: f.wang}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Void(ActionInput{CustomerIDs: ids[1:2], ActorID: f.wang, Reason: "空号"}); err != nil {
		t.Fatal(err)
	}
	c := f.customer(ids[1])
	if c.Status != store.CustomerVoided || c.PoolReason != "空号" {
		t.Fatalf("voided: %+v", c)
	}
	_, err = f.s.Claim(ActionInput{CustomerIDs: ids[1:2], OwnerID: f.zhang})
	refused(t, err, "客户「管1」不在公海中")
	if _, err := f.s.Restore(ActionInput{CustomerIDs: ids[1:2]}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Move(ActionInput{CustomerIDs: ids[1:], PoolID: other}); err != nil {
		t.Fatal(err)
	}
	if c := f.customer(ids[2]); *c.PoolID != other {
		t.Fatalf("moved: %+v", c)
	}
	rows, err := f.s.History(ids[1])
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ action, actor, from, to, reason string }{
		{"void", "王五", "负责人", "负责人", "空号"}, {"restore", "王五", "负责人", "负责人", ""}, {"move", "王五", "负责人", "另一个", ""},
	}
	if len(rows) != len(want) {
		t.Fatalf("history = %+v", rows)
	}
	for i, w := range want {
		r := rows[i]
		if r.Action != w.action || r.ActorName != w.actor || r.From != w.from || r.To != w.to || r.Reason != w.reason {
			t.Errorf("row %d = %+v, want %+v", i, r, w)
		}
	}
	a, _ := f.s.History(ids[0])
	if len(a) != 1 || a[0].Action != "assign" || a[0].ForName != "张三" || a[0].ActorName != "王五" {
		t.Fatalf("assign history = %+v", a)
	}
}

func apperrAs(err error) (*apperr.Error, bool) { return apperr.As(err) }
