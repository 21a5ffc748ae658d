package target

import (
	"context"
	"math/big"
	"time"

	"funneldesk/backend/money"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
)

// ForecastRequest asks for the forecast: twelve months from the month of
// Filters.From (empty: the current month); the owners or team, type and
// source narrow the open pipeline and what was won.
type ForecastRequest struct {
	Filters reportframe.Filters `json:"filters"`
}

// Bucket is a group of open opportunities.
type Bucket struct {
	Open     int64 `json:"open"`
	Amount   int64 `json:"amount"`
	Expected int64 `json:"expected"` // Σ amount × probability, rounded to the cent
}

// ForecastLine is one month of the forecast.
type ForecastLine struct {
	Month string `json:"month"`
	// The open opportunities expected to close in the month, from today on
	// (those whose date has passed are in Slipped).
	Bucket
	// Won is the amount won in the month so far (last win's day); Target
	// the won-amount target of the scope; Remaining = Target − Won.
	Won       int64 `json:"won"`
	Target    int64 `json:"target"`
	HasTarget bool  `json:"hasTarget"`
	Remaining int64 `json:"remaining"`
	// CoverageBP = Expected ÷ Remaining in basis points; null without a
	// target or when the target is already met.
	CoverageBP *int64 `json:"coverageBp"`
	// The same month a year earlier: what was won then.
	LastYearMonth string `json:"lastYearMonth"`
	LastYearWon   int64  `json:"lastYearWon"`
}

// Forecast is the 销售预测 report.
type Forecast struct {
	Today  string         `json:"today"`
	Months []ForecastLine `json:"months"`
	Total  ForecastLine   `json:"total"`
	// Slipped: open, expected close before today; NoClose: open without an
	// expected close date. Neither is in the months.
	Slipped Bucket `json:"slipped"`
	NoClose Bucket `json:"noClose"`
}

func bucket(rows []store.ForecastMonth) Bucket {
	var b Bucket
	hi, lo := big.NewInt(0), big.NewInt(0)
	for _, r := range rows {
		b.Open += r.N
		b.Amount += r.Amount
		hi.Add(hi, big.NewInt(r.WHi))
		lo.Add(lo, big.NewInt(r.WLo))
	}
	hi.Lsh(hi, 31).Add(hi, lo)
	b.Expected = money.RoundDiv(hi, 10000).Int64()
	return b
}

// Forecast computes the report.
func (s *Service) Forecast(req ForecastRequest) (Forecast, error) {
	f, _, err := s.forecast(s.ctx(), req)
	return f, err
}

func (s *Service) forecast(ctx context.Context, req ForecastRequest) (Forecast, reportframe.Scope, error) {
	sc, err := reportframe.Check(ctx, s.st.DB, req.Filters)
	if err != nil {
		return Forecast{}, sc, err
	}
	f, err := ComputeForecast(ctx, s.st.DB, sc, s.env.Today())
	return f, sc, err
}

// ComputeForecast is the forecast for a checked scope.
func ComputeForecast(ctx context.Context, q store.Querier, sc reportframe.Scope, today string) (Forecast, error) {
	out := Forecast{Today: today, Months: []ForecastLine{}}
	start := today
	if sc.From != "" {
		start = sc.From
	}
	s := day(start)
	first := time.Date(s.Year(), s.Month(), 1, 0, 0, 0, 0, time.UTC)
	end := first.AddDate(1, 0, 0) // exclusive
	ff := store.ForecastFilter{AllOwners: sc.AllOwners, Owners: sc.Owners, Type: sc.Type, Source: sc.Source}

	from := first.Format("2006-01-02")
	if today > from {
		from = today
	}
	open, err := store.ForecastOpen(ctx, q, from, end.Format("2006-01-02"), ff, true)
	if err != nil {
		return out, err
	}
	slipped, err := store.ForecastOpen(ctx, q, "0", today, ff, false)
	if err != nil {
		return out, err
	}
	out.Slipped = bucket(slipped)
	none, err := store.ForecastOpen(ctx, q, "", "0", ff, false)
	if err != nil {
		return out, err
	}
	out.NoClose = bucket(none)
	last := end.AddDate(0, 0, -1).Format("2006-01-02")
	won, err := store.WonByMonth(ctx, q, first.Format("2006-01-02"), last, ff)
	if err != nil {
		return out, err
	}
	prev, err := store.WonByMonth(ctx, q, first.AddDate(-1, 0, 0).Format("2006-01-02"), end.AddDate(-1, 0, -1).Format("2006-01-02"), ff)
	if err != nil {
		return out, err
	}
	ti, err := loadTargets(ctx, q, WonAmount, first.Year(), end.Year())
	if err != nil {
		return out, err
	}
	tr, err := loadTree(ctx, q)
	if err != nil {
		return out, err
	}
	wonBy, prevBy := map[string]int64{}, map[string]int64{}
	for _, r := range won {
		wonBy[r.Month] += r.Value
	}
	for _, r := range prev {
		prevBy[r.Month] += r.Value
	}
	openBy := map[string]store.ForecastMonth{}
	for _, r := range open {
		openBy[r.Month] = r
	}
	var total []store.ForecastMonth
	for m := first; m.Before(end); m = m.AddDate(0, 1, 0) {
		key := m.Format("2006-01")
		l := ForecastLine{Month: key, LastYearMonth: m.AddDate(-1, 0, 0).Format("2006-01")}
		if r, ok := openBy[key]; ok {
			l.Bucket = bucket([]store.ForecastMonth{r})
			total = append(total, r)
		}
		l.Won, l.LastYearWon = wonBy[key], prevBy[l.LastYearMonth]
		one := []MonthLine{{Month: key, Whole: true}}
		switch {
		case sc.AllOwners || (sc.TeamID == tr.root && len(sc.OwnerIDs) == 0):
			l.Target, l.HasTarget = ti.sum(Company, 0, one), ti.has(Company, 0, one)
		case sc.TeamID != 0 && len(sc.OwnerIDs) == 0:
			l.Target, l.HasTarget = ti.sum(Team, sc.TeamID, one), ti.has(Team, sc.TeamID, one)
		default:
			for _, o := range sc.Owners {
				l.Target += ti.sum(Owner, o, one)
				l.HasTarget = l.HasTarget || ti.has(Owner, o, one)
			}
		}
		l.finish()
		out.Total.Won += l.Won
		out.Total.Target += l.Target
		out.Total.HasTarget = out.Total.HasTarget || l.HasTarget
		out.Total.LastYearWon += l.LastYearWon
		out.Months = append(out.Months, l)
	}
	out.Total.Bucket = bucket(total)
	out.Total.finish()
	return out, nil
}

func (l *ForecastLine) finish() {
	l.Remaining = l.Target - l.Won
	if l.HasTarget && l.Remaining > 0 {
		r := new(big.Int).Mul(big.NewInt(l.Expected), big.NewInt(10000))
		v := money.RoundDiv(r, l.Remaining).Int64()
		l.CoverageBP = &v
	}
}

// ExportForecast writes the forecast as csv, xlsx, png or png-print.
func (s *Service) ExportForecast(req ForecastRequest, format string) (string, error) {
	if err := reportframe.CheckFormat(format); err != nil {
		return "", err
	}
	f, sc, err := s.forecast(s.ctx(), req)
	if err != nil {
		return "", err
	}
	return reportframe.Save(s.env, format, forecastResult(f, sc), sc)
}

// ForecastChart draws the forecast's chart at screen size, PNG base64.
func (s *Service) ForecastChart(req ForecastRequest, lang string) (string, error) {
	f, sc, err := s.forecast(s.ctx(), req)
	if err != nil {
		return "", err
	}
	return drawBase64(forecastResult(f, sc), lang)
}
