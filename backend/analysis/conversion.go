package analysis

import (
	"context"
	"math"
	"sort"

	"funneldesk/backend/msg"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
)

// ConvStage is one row of the stage conversion: an open stage, or the
// closing row (Kind "won": the cohort now in any won stage).
type ConvStage struct {
	StageID int64  `json:"stageId"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Reached int64  `json:"reached"`
	// NextBP = reached(next row) ÷ reached(this row) in basis points; null
	// on the won row or when nothing reached this stage.
	NextBP *int64 `json:"nextBp"`
	// CumulativeBP = reached(this row) ÷ reached(first stage); null when
	// the cohort is empty.
	CumulativeBP *int64 `json:"cumulativeBp"`
	// Bottleneck marks the stage with the lowest next-step conversion.
	Bottleneck bool `json:"bottleneck"`
}

// Conversion is the stage conversion of the opportunities created in the
// period (what `report conversion --json` prints as "result").
type Conversion struct {
	From   string      `json:"from"`
	To     string      `json:"to"`
	Cohort int64       `json:"cohort"`
	Stages []ConvStage `json:"stages"`
	// Lost and Open split the cohort by where it is now (Won is the last
	// row of Stages).
	Lost int64 `json:"lost"`
	Open int64 `json:"open"`
}

// ConversionAnswer is the screen's answer: the report and its chart.
type ConversionAnswer struct {
	Report Conversion `json:"report"`
	Chart  string     `json:"chart"`
}

// ReportRequest is the frame's filters and the chart's language.
type ReportRequest struct {
	Filters reportframe.Filters `json:"filters"`
	Lang    string              `json:"lang"`
}

// Conversion computes the stage conversion.
func (s *Service) Conversion(req ReportRequest) (ConversionAnswer, error) {
	sc, err := s.scope(req.Filters)
	if err != nil {
		return ConversionAnswer{}, err
	}
	rep, err := ComputeConversion(s.env.Ctx(), s.st.DB, sc)
	if err != nil {
		return ConversionAnswer{}, err
	}
	png, err := reportframe.DrawChart(conversionResult(rep, sc), "screen", msg.Lang(req.Lang))
	if err != nil {
		return ConversionAnswer{}, err
	}
	return ConversionAnswer{Report: rep, Chart: encode(png)}, nil
}

// ExportConversion writes the stage conversion as csv, xlsx, png or png-print.
func (s *Service) ExportConversion(req ReportRequest, format string) (string, error) {
	if err := reportframe.CheckFormat(format); err != nil {
		return "", err
	}
	sc, err := s.scope(req.Filters)
	if err != nil {
		return "", err
	}
	rep, err := ComputeConversion(s.env.Ctx(), s.st.DB, sc)
	if err != nil {
		return "", err
	}
	return reportframe.Save(s.env, format, conversionResult(rep, sc), sc)
}

// funnelStages is the stage list in position order with lookups.
type funnelStages struct {
	all     []store.Stage
	byID    map[int64]store.Stage
	rows    []store.Stage // open, not retired: the report's rows
	bitsFit bool          // every id fits opportunities.stages_seen
}

func loadStages(ctx context.Context, q store.Querier) (funnelStages, error) {
	all, err := store.OrderedStages(ctx, q)
	if err != nil {
		return funnelStages{}, err
	}
	fs := funnelStages{all: all, byID: map[int64]store.Stage{}, bitsFit: true}
	for _, st := range all {
		fs.byID[st.ID] = st
		if st.ID >= 63 || st.ID < 0 {
			fs.bitsFit = false
		}
		if st.Kind == store.KindOpen && !st.Retired {
			fs.rows = append(fs.rows, st)
		}
	}
	return fs, nil
}

// tally counts n opportunities that have entered the stages in, and are now
// in current, into reached (one count per row of fs.rows, then won).
func (fs funnelStages) tally(in []int64, current int64, n int64, reached []int64, rep *Conversion) {
	everWon := false
	depth := math.MinInt
	for _, id := range append(in, current) {
		st, ok := fs.byID[id]
		if !ok {
			continue
		}
		switch st.Kind {
		case store.KindWon:
			everWon = true
		case store.KindOpen:
			depth = max(depth, st.Position)
		}
	}
	for i, st := range fs.rows {
		if i == 0 || everWon || st.Position <= depth {
			reached[i] += n
		}
	}
	rep.Cohort += n
	switch fs.byID[current].Kind {
	case store.KindWon:
		reached[len(fs.rows)] += n
	case store.KindLost:
		rep.Lost += n
	default:
		rep.Open += n
	}
}

// ComputeConversion is the stage conversion in scope sc (see the package
// comment for its rules).
func ComputeConversion(ctx context.Context, q store.Querier, sc reportframe.Scope) (Conversion, error) {
	return computeConversion(ctx, q, sc, true)
}

// computeConversion reads the kept sets of stages entered when bits
// allows and every stage id fits them, else the stage history.
func computeConversion(ctx context.Context, q store.Querier, sc reportframe.Scope, bits bool) (Conversion, error) {
	fs, err := loadStages(ctx, q)
	if err != nil {
		return Conversion{}, err
	}
	rep := Conversion{From: sc.From, To: sc.To, Stages: []ConvStage{}}
	reached := make([]int64, len(fs.rows)+1)
	a := storeScope(sc)
	if bits && fs.bitsFit {
		seen := store.KeptSeen
		if !useKept {
			seen = store.AnalysisSeen
		}
		groups, err := seen(ctx, q, a)
		if err != nil {
			return Conversion{}, err
		}
		var in []int64
		for _, g := range groups {
			in = in[:0]
			for _, st := range fs.all {
				if g.Seen&(1<<st.ID) != 0 {
					in = append(in, st.ID)
				}
			}
			fs.tally(in, g.StageID, g.Count, reached, &rep)
		}
	} else {
		var in []int64
		err := store.AnalysisHistory(ctx, q, a, func(steps []store.HistoryStep) {
			in = in[:0]
			for _, s := range steps {
				in = append(in, s.StageID)
			}
			fs.tally(in, steps[0].CurrentStage, 1, reached, &rep)
		})
		if err != nil {
			return Conversion{}, err
		}
		// Opportunities without any history row (none are written so,
		// but an old import could have) still belong to the cohort.
		groups, err := store.AnalysisSeen(ctx, q, a)
		if err != nil {
			return Conversion{}, err
		}
		var all int64
		for _, g := range groups {
			all += g.Count
		}
		if missing := all - rep.Cohort; missing > 0 {
			rep.Cohort += missing
			if len(fs.rows) > 0 {
				reached[0] += missing
			}
			rep.Open += missing
		}
	}
	for i, st := range fs.rows {
		rep.Stages = append(rep.Stages, ConvStage{StageID: st.ID, Name: st.Name, Kind: st.Kind, Reached: reached[i]})
	}
	rep.Stages = append(rep.Stages, ConvStage{Kind: store.KindWon, Reached: reached[len(fs.rows)]})
	first := int64(0)
	if len(fs.rows) > 0 {
		first = reached[0]
	}
	low := -1
	for i := range rep.Stages {
		r := &rep.Stages[i]
		r.CumulativeBP = ratio(r.Reached, first)
		if i+1 < len(rep.Stages) {
			r.NextBP = ratio(rep.Stages[i+1].Reached, r.Reached)
			if r.NextBP != nil && (low < 0 || *r.NextBP < *rep.Stages[low].NextBP) {
				low = i
			}
		}
	}
	if low >= 0 {
		rep.Stages[low].Bottleneck = true
	}
	return rep, nil
}

// ratio is a ÷ b in basis points, rounded half up; null when b is 0.
func ratio(a, b int64) *int64 {
	if b == 0 {
		return nil
	}
	r := (a*10000*2 + b) / (b * 2)
	return &r
}

// StageDays is one open stage's time: Left are the opportunities that left
// it (their days summed over visits), Still those still in it, counted up
// to today.
type StageDays struct {
	StageID     int64   `json:"stageId"`
	Name        string  `json:"name"`
	Retired     bool    `json:"retired"`
	Left        int64   `json:"left"`
	AvgDays     float64 `json:"avgDays"`
	MedianDays  float64 `json:"medianDays"`
	Still       int64   `json:"still"`
	StillAvg    float64 `json:"stillAvgDays"`
	StillMedian float64 `json:"stillMedianDays"`
	// Bottleneck marks the stage with the longest median among those left.
	Bottleneck bool `json:"bottleneck"`
}

// Cycle is the sales cycle: days from creation to the won stage.
type Cycle struct {
	Won        int64   `json:"won"`
	AvgDays    float64 `json:"avgDays"`
	MedianDays float64 `json:"medianDays"`
}

// StageTime is days in stage and the sales cycle (what `report stage-time
// --json` prints as "result").
type StageTime struct {
	From   string      `json:"from"`
	To     string      `json:"to"`
	Today  string      `json:"today"`
	Cohort int64       `json:"cohort"`
	Stages []StageDays `json:"stages"`
	Cycle  Cycle       `json:"cycle"`
}

// StageTimeAnswer is the screen's answer: the report and its chart.
type StageTimeAnswer struct {
	Report StageTime `json:"report"`
	Chart  string    `json:"chart"`
}

// StageTime computes days in stage and the sales cycle.
func (s *Service) StageTime(req ReportRequest) (StageTimeAnswer, error) {
	sc, err := s.scope(req.Filters)
	if err != nil {
		return StageTimeAnswer{}, err
	}
	rep, err := ComputeStageTime(s.env.Ctx(), s.st.DB, sc, s.env.Today())
	if err != nil {
		return StageTimeAnswer{}, err
	}
	png, err := reportframe.DrawChart(stageTimeResult(rep, sc), "screen", msg.Lang(req.Lang))
	if err != nil {
		return StageTimeAnswer{}, err
	}
	return StageTimeAnswer{Report: rep, Chart: encode(png)}, nil
}

// ExportStageTime writes days in stage as csv, xlsx, png or png-print.
func (s *Service) ExportStageTime(req ReportRequest, format string) (string, error) {
	if err := reportframe.CheckFormat(format); err != nil {
		return "", err
	}
	sc, err := s.scope(req.Filters)
	if err != nil {
		return "", err
	}
	rep, err := ComputeStageTime(s.env.Ctx(), s.st.DB, sc, s.env.Today())
	if err != nil {
		return "", err
	}
	return reportframe.Save(s.env, format, stageTimeResult(rep, sc), sc)
}

// dayNumber is the day count of a YYYY-MM-DD (the first ten characters of
// a date or an RFC 3339 time), without parsing a whole time per row.
func dayNumber(s string) (int64, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	num := func(t string) int64 {
		var n int64
		for _, c := range t {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int64(c-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:10])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return 0, false
	}
	// Days from civil (Howard Hinnant's algorithm).
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe, true
}

// ComputeStageTime is days in stage and the sales cycle in scope sc, with
// today as the end of the stays not yet over.
func ComputeStageTime(ctx context.Context, q store.Querier, sc reportframe.Scope, today string) (StageTime, error) {
	return computeStageTime(ctx, q, sc, today, useKept)
}

// days is a histogram: how many stays (or cycles) took each number of days.
type days map[int64]int64

func computeStageTime(ctx context.Context, q store.Querier, sc reportframe.Scope, today string, kept bool) (StageTime, error) {
	fs, err := loadStages(ctx, q)
	if err != nil {
		return StageTime{}, err
	}
	now, _ := dayNumber(today)
	rep := StageTime{From: sc.From, To: sc.To, Today: today, Stages: []StageDays{}}
	left := map[int64]days{}
	still := map[int64]days{}
	add := func(m map[int64]days, stage, d, n int64) {
		h := m[stage]
		if h == nil {
			h = days{}
			m[stage] = h
		}
		h[d] += n
	}
	a := storeScope(sc)
	walk := []store.AnalysisScope{a}
	if kept {
		// The whole months from the kept stays (migration 0028), the
		// partial ones walked below.
		rows, edges, ok, err := store.KeptStays(ctx, q, a)
		if err != nil {
			return StageTime{}, err
		}
		if ok {
			walk = edges
			// Entered is in days since 1970-01-01; dayNumber counts from
			// year 0, 719,468 days earlier.
			unixNow := now - 719468
			for _, r := range rows {
				if r.Entered != 0 {
					rep.Cohort += r.Count
				}
				if fs.byID[r.StageID].Kind != store.KindOpen {
					continue
				}
				if r.Entered == 0 {
					add(left, r.StageID, r.Days, r.Count)
				} else {
					add(still, r.StageID, r.Days+max(0, unixNow-r.Entered), r.Count)
				}
			}
		}
	}
	per := map[int64]int64{}
	for _, w := range walk {
		err = store.AnalysisHistory(ctx, q, w, func(steps []store.HistoryStep) {
			rep.Cohort++
			clear(per)
			current := steps[0].CurrentStage
			for i, st := range steps {
				if fs.byID[st.StageID].Kind != store.KindOpen {
					continue
				}
				in, ok := dayNumber(st.ChangedAt)
				if !ok {
					continue
				}
				out := now
				if i+1 < len(steps) {
					if d, ok := dayNumber(steps[i+1].ChangedAt); ok {
						out = d
					}
				} else if st.StageID != current {
					continue
				}
				per[st.StageID] += max(0, out-in)
			}
			for id, d := range per {
				if id == current {
					add(still, id, d, 1)
				} else {
					add(left, id, d, 1)
				}
			}
		})
		if err != nil {
			return StageTime{}, err
		}
	}
	best := -1
	for _, st := range fs.all {
		if st.Kind != store.KindOpen || (st.Retired && len(left[st.ID])+len(still[st.ID]) == 0) {
			continue
		}
		r := StageDays{StageID: st.ID, Name: st.Name, Retired: st.Retired}
		r.Left, r.AvgDays, r.MedianDays = stats(left[st.ID])
		r.Still, r.StillAvg, r.StillMedian = stats(still[st.ID])
		rep.Stages = append(rep.Stages, r)
		if r.Left > 0 && (best < 0 || r.MedianDays > rep.Stages[best].MedianDays) {
			best = len(rep.Stages) - 1
		}
	}
	if best >= 0 {
		rep.Stages[best].Bottleneck = true
	}
	var hist []store.DaysCount
	ok := false
	if kept {
		if hist, ok, err = store.KeptCycle(ctx, q, a); err != nil {
			return StageTime{}, err
		}
	}
	if !ok {
		if hist, err = store.AnalysisCycle(ctx, q, a); err != nil {
			return StageTime{}, err
		}
	}
	rep.Cycle = cycleStats(hist)
	return rep, nil
}

// stats is the count, average and median of a histogram of days, the
// last two to one decimal.
func stats(h days) (n int64, avg, median float64) {
	hist := make([]store.DaysCount, 0, len(h))
	for d, c := range h {
		if c != 0 {
			hist = append(hist, store.DaysCount{Days: d, Count: c})
		}
	}
	c := cycleStats(hist)
	return c.Won, c.AvgDays, c.MedianDays
}

// cycleStats is the count, average and median over a histogram of days.
func cycleStats(hist []store.DaysCount) Cycle {
	sort.Slice(hist, func(i, j int) bool { return hist[i].Days < hist[j].Days })
	var n, sum int64
	for _, h := range hist {
		n += h.Count
		sum += h.Days * h.Count
	}
	if n == 0 {
		return Cycle{}
	}
	at := func(k int64) int64 { // the k-th smallest (0-based)
		for _, h := range hist {
			if k < h.Count {
				return h.Days
			}
			k -= h.Count
		}
		return 0
	}
	m := float64(at(n / 2))
	if n%2 == 0 {
		m = float64(at(n/2-1)+at(n/2)) / 2
	}
	return Cycle{Won: n, AvgDays: round1(float64(sum) / float64(n)), MedianDays: m}
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
