package pool

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"funneldesk/backend/store"
	"funneldesk/backend/svc"
)

// benchStore builds the scale once per benchmark: 100,000
// customers, 20,000 of them waiting in 5 pools, 80,000 owned by 50 people
// (claimed over the last 60 days), 50,000 follow-ups, 10,000 open
// opportunities, and a rule per level on every pool.
func benchStore(b *testing.B) (*store.Store, *Service, []int64) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	env := svc.New(svc.Fixed(time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)))
	s := NewService(st, env)
	var owners, pools []int64
	stage, err := store.StageByName(ctx, st.DB, "需求分析")
	if err != nil {
		b.Fatal(err)
	}
	err = st.Tx(ctx, func(tx store.Tx) error {
		for i := 0; i < 50; i++ {
			id, err := store.InsertOwner(ctx, tx, fmt.Sprintf("销售%02d", i), true)
			if err != nil {
				return err
			}
			owners = append(owners, id)
		}
		company, err := store.CompanyPool(ctx, tx)
		if err != nil {
			return err
		}
		pools = append(pools, company)
		for i := 1; i < 5; i++ {
			id, err := store.InsertPool(ctx, tx, store.Pool{Name: fmt.Sprintf("公海%d", i), ClaimEnabled: true})
			if err != nil {
				return err
			}
			pools = append(pools, id)
		}
		for _, p := range pools {
			if err := store.SetRules(ctx, tx, p, []store.PoolRule{{Level: "A", NoFollowUpDays: 30, WarnDays: 3},
				{Level: "B", NoWonDays: 90, KeepStageID: &stage.ID}, {Level: "", NoFollowUpDays: 60, AfterOrderDays: 30}}); err != nil {
				return err
			}
		}
		levels := []string{"A", "B", "C", ""}
		industries := []string{"制造", "零售", "医药", "教育", "物流"}
		cities := []string{"北京市", "上海市", "广州市", "深圳市", "杭州市", "成都市"}
		for i := 0; i < 100000; i++ {
			c := store.Customer{Name: fmt.Sprintf("%s%s科技%05d有限公司", cities[i%6][:6], industries[i%5], i), Level: levels[i%4],
				Industry: industries[i%5], Source: "展会", Address: cities[i%6], Phone: fmt.Sprintf("138%08d", i)}
			if i%5 == 0 {
				p := pools[(i/5)%5]
				c.Status, c.PoolID, c.HomePoolID = store.CustomerPool, &p, &p
				c.PoolSince = time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, i%30).Format(time.RFC3339)
				c.PoolReason = "无意向"
			} else {
				o, p := owners[i%50], pools[i%5]
				c.OwnerID, c.HomePoolID = &o, &p
				c.OwnedSince = time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, i%60).Format(time.RFC3339)
			}
			id, err := store.InsertCustomer(ctx, tx, c)
			if err != nil {
				return err
			}
			if i%2 == 1 {
				if _, err := store.InsertFollowUp(ctx, tx, store.FollowUp{CustomerID: id,
					Date: time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, i%70).Format("2006-01-02"), Content: "电话"}); err != nil {
					return err
				}
			}
			if i%10 == 3 {
				if _, err := store.InsertOpportunity(ctx, tx, store.Opportunity{Name: "机会", CustomerID: id, OwnerID: owners[i%50],
					StageID: stage.ID, ProbabilityBP: stage.ProbabilityBP}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return st, s, pools
}

// BenchmarkPool: a pool page with its total (the issue asks ≤ 20 ms), the
// full recycle pass, dry (≤ 1 s), and the warnings the 工作台 shows.
func BenchmarkPool(b *testing.B) {
	_, s, pools := benchStore(b)
	for _, tc := range []struct {
		name string
		f    Filter
	}{
		{"page", Filter{PoolID: pools[1]}},
		{"page=100", Filter{PoolID: pools[1], Page: 100}},
		{"level", Filter{PoolID: pools[1], Level: "A"}},
		{"industry+region", Filter{PoolID: pools[1], Industry: "医药", Region: "广州"}},
		{"search", Filter{PoolID: pools[1], Query: "00420"}},
		{"sort=poolSince", Filter{PoolID: pools[1], Sort: "poolSince", Desc: true}},
		{"noFollowUp", Filter{PoolID: pools[1], NoFollowUpDays: 30}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			p, err := s.Customers(tc.f)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := s.Customers(tc.f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(p.Total), "total")
		})
	}
	b.Run("recycle-dry", func(b *testing.B) {
		var n int
		for b.Loop() {
			r, err := s.RunRecycle(true)
			if err != nil {
				b.Fatal(err)
			}
			n = len(r.Moves)
		}
		b.ReportMetric(float64(n), "moves")
	})
	b.Run("warnings", func(b *testing.B) {
		var n int
		for b.Loop() {
			w, err := s.RecycleWarnings(0)
			if err != nil {
				b.Fatal(err)
			}
			n = len(w)
		}
		b.ReportMetric(float64(n), "warned")
	})
}
