package target_test

import (
	"testing"
	"time"

	"funneldesk/backend/reportframe"
	"funneldesk/backend/svc"
	"funneldesk/backend/target"
	"funneldesk/bench/benchdb"
)

// Target benchmarks at 1,000,000 opportunities (~3.6M stage changes), through
// the bound calls (filters checked, targets read, actuals summed):
//
//	FUNNELDESK_BENCH_DB=bench/data/bench.db go test -run '^$' -bench . ./backend/target/
//
// The busiest salesperson (owner 10 in seed 1 has 7.7 % of the deals) and
// one year; the company for one year; every dimension.
func BenchmarkAchievement(b *testing.B) {
	st := benchdb.Open(b)
	clock := time.Date(2026, 3, 1, 10, 0, 0, 0, time.Local)
	s := target.NewService(st, svc.New(svc.Fixed(clock)))
	year := reportframe.Filters{From: "2025-01-01", To: "2025-12-31"}
	owner := year
	owner.OwnerIDs = []int64{10}
	cases := []struct {
		name string
		req  target.AchievementRequest
	}{
		{"owner+year/won", target.AchievementRequest{Filters: owner, Dimension: target.WonAmount, By: target.Owner}},
		{"owner+year/new_opportunities", target.AchievementRequest{Filters: owner, Dimension: target.NewOpportunities, By: target.Owner}},
		{"owner+year/new_customers", target.AchievementRequest{Filters: owner, Dimension: target.NewCustomers, By: target.Owner}},
		{"owner+year/order_amount", target.AchievementRequest{Filters: owner, Dimension: target.OrderAmount, By: target.Owner}},
		{"company+year/won", target.AchievementRequest{Filters: year, Dimension: target.WonAmount, By: target.Owner}},
		{"company+year/won/by-team", target.AchievementRequest{Filters: year, Dimension: target.WonAmount, By: target.Team}},
		{"company+year/new_opportunities", target.AchievementRequest{Filters: year, Dimension: target.NewOpportunities, By: target.Owner}},
		{"company+year/new_customers", target.AchievementRequest{Filters: year, Dimension: target.NewCustomers, By: target.Owner}},
		{"company+year/receipts", target.AchievementRequest{Filters: year, Dimension: target.Receipts, By: target.Owner}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Achievement(c.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkForecast is the forecast's bound call: the open pipeline of the
// next 12 months by expected close, slipped deals, wins this year and last.
func BenchmarkForecast(b *testing.B) {
	st := benchdb.Open(b)
	clock := time.Date(2026, 3, 1, 10, 0, 0, 0, time.Local)
	s := target.NewService(st, svc.New(svc.Fixed(clock)))
	for _, c := range []struct {
		name string
		f    reportframe.Filters
	}{{"owner", reportframe.Filters{OwnerIDs: []int64{10}}}, {"company", reportframe.Filters{}}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Forecast(target.ForecastRequest{Filters: c.f}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
