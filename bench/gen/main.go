// Command gen writes a large, realistic FunnelDesk database for benchmarks:
// Chinese companies, a team of salespeople, and opportunities spread over a
// funnel with won and lost deals, amounts in cents, close dates over about
// three years around 2026 and a stage history for each opportunity.
//
//	go run ./bench/gen -db bench/data/bench.db -opportunities 1000000 -customers 100000 -owners 20 -seed 1
//
// The database is created through store.Open, so the schema is exactly the
// migrated one. The same flags always give the same rows.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"time"

	"funneldesk/backend/pinyin"
	"funneldesk/backend/store"
)

// batch is the number of rows per transaction: large enough that commits
// cost nothing, small enough that the WAL stays a few tens of MB.
const batch = 50000

// today anchors the data: deals before it are mostly closed, after it open.
var today = time.Date(2026, 3, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))

// Opportunities are created from oppStart until today.
var (
	oppStart = time.Date(2024, 1, 1, 9, 0, 0, 0, today.Location())
	oppSpan  = today.Sub(oppStart)
)

func main() {
	path := flag.String("db", "bench/data/bench.db", "database file to create")
	nOpp := flag.Int("opportunities", 1000000, "number of opportunities")
	nCust := flag.Int("customers", 100000, "number of customers")
	nOwn := flag.Int("owners", 20, "number of salespeople")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same data")
	force := flag.Bool("force", false, "replace an existing database file")
	flag.Parse()
	if *nCust < 1 || *nOwn < 1 || *nOpp < 0 {
		log.Fatal("gen: need at least one customer and one owner")
	}
	if _, err := os.Stat(*path); err == nil {
		if !*force {
			log.Fatalf("gen: %s exists (use -force to replace it)", *path)
		}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(*path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				log.Fatal(err)
			}
		}
	}
	start := time.Now()
	st, err := store.Open(*path)
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	g := &gen{db: st.W.DB, sdb: st.W, rng: rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))}
	if err := g.run(*nOwn, *nCust, *nOpp); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("gen: %s: %d owners, %d customers, %d opportunities, %d stage changes in %s\n",
		*path, *nOwn, *nCust, *nOpp, g.history, time.Since(start).Round(100*time.Millisecond))
}

type gen struct {
	db      *sql.DB
	sdb     store.Querier
	rng     *rand.Rand
	history int

	owners    []int64
	ownerW    []int
	custOwner []int64 // customer id-1 → owner id
	open      []store.Stage
	won, lost store.Stage
}

func (g *gen) run(nOwn, nCust, nOpp int) error {
	ctx := context.Background()
	// Bulk-load settings for this one connection (the store keeps exactly
	// one): nothing here needs to survive a power cut until the end.
	for _, p := range []string{"PRAGMA synchronous = OFF", "PRAGMA cache_size = -262144", "PRAGMA temp_store = MEMORY"} {
		if _, err := g.db.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	var n int
	if err := g.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM opportunities`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errors.New("the database already holds opportunities")
	}
	stages, err := store.ListStages(ctx, g.sdb)
	if err != nil {
		return err
	}
	for _, s := range stages {
		switch {
		case s.Retired:
		case s.Kind == store.KindWon:
			g.won = s
		case s.Kind == store.KindLost:
			g.lost = s
		default:
			g.open = append(g.open, s)
		}
	}
	if len(g.open) == 0 || g.won.ID == 0 || g.lost.ID == 0 {
		return errors.New("the stages need open, won and lost ones")
	}
	if err := g.insertOwners(ctx, nOwn); err != nil {
		return err
	}
	if err := g.insertCustomers(ctx, nCust); err != nil {
		return err
	}
	if err := g.insertOpportunities(ctx, nOpp); err != nil {
		return err
	}
	_, err = g.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

func (g *gen) insertOwners(ctx context.Context, n int) error {
	tx, err := g.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i := 0; i < n; i++ {
		name := "销售" + strconv.Itoa(i+1)
		if i < len(ownerNames) {
			name = ownerNames[i]
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO owners (name, active, created_at) VALUES (?, 1, ?)`,
			name, "2023-01-01T09:00:00+08:00")
		if err != nil {
			return fmt.Errorf("owner %s: %w", name, err)
		}
		id, _ := res.LastInsertId()
		g.owners = append(g.owners, id)
		// A few strong sellers and a long tail, as in real teams.
		g.ownerW = append(g.ownerW, 4+(i*37)%11)
	}
	return tx.Commit()
}

func (g *gen) insertCustomers(ctx context.Context, n int) error {
	g.custOwner = make([]int64, 0, n)
	return g.batches(ctx, n, `INSERT INTO customers (id, name, name_py, name_initials, classification, source, industry, phone,
		address, owner_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		func(stmt *sql.Stmt, i int) error {
			r := g.rng
			city := cities[r.IntN(len(cities))]
			ind := industries[r.IntN(len(industries))]
			name := city + string(brandChars[r.IntN(len(brandChars))]) + string(brandChars[r.IntN(len(brandChars))]) +
				ind.word + g.pick(companySuffixes)
			phone := fmt.Sprintf("1%d%d%08d", 3+r.IntN(7), r.IntN(10), r.IntN(100000000))
			if r.IntN(3) == 0 {
				phone = fmt.Sprintf("0%d-%08d", 10+r.IntN(90), r.IntN(100000000))
			}
			addr := fmt.Sprintf("%s市%s%s%d号", city, districts[r.IntN(len(districts))], roads[r.IntN(len(roads))], 1+r.IntN(999))
			owner := g.owner()
			g.custOwner = append(g.custOwner, owner)
			notes := ""
			if r.IntN(10) == 0 {
				notes = descriptions[r.IntN(len(descriptions))]
			}
			created := day(time.Date(2023, 1, 1, 0, 0, 0, 0, today.Location()), r.IntN(1150)).Add(g.officeHours())
			updated := created.Add(time.Duration(r.IntN(200*24)) * time.Hour)
			if updated.After(today) {
				updated = today.Add(-time.Duration(r.IntN(48)) * time.Hour)
			}
			if updated.Before(created) {
				updated = created
			}
			py, ini := pinyin.Keys(name)
			_, err := stmt.ExecContext(ctx, i+1, name, py, ini, g.pick(classifications), g.pick(sources), ind.industry, phone, addr,
				owner, notes, created.Format(time.RFC3339), updated.Format(time.RFC3339))
			return err
		})
}

func (g *gen) insertOpportunities(ctx context.Context, n int) error {
	const histSQL = `INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at) VALUES (?, ?, ?, ?)`
	var hist *sql.Stmt
	return g.batchesTx(ctx, n, `INSERT INTO opportunities (id, name, name_py, name_initials, customer_id, type, source, owner_id,
		campaign, amount_cents, expected_close, next_step, stage_id, probability_bp, description, lost_reason, competitor,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		func(tx *sql.Tx) (err error) {
			hist, err = tx.PrepareContext(ctx, histSQL)
			return err
		},
		func(stmt *sql.Stmt, i int) error {
			r := g.rng
			id := int64(i + 1)
			cust := g.customer()
			owner := g.custOwner[cust-1]
			if r.IntN(5) == 0 {
				owner = g.owner()
			}
			// Ids follow creation, as in a database filled over time; the
			// business grows, so recent months hold more opportunities.
			at := float64(oppSpan) * math.Sqrt((float64(i)+r.Float64())/float64(n))
			created := oppStart.Add(time.Duration(at)).Truncate(time.Second)
			delay := 15 + r.IntN(240)
			if r.IntN(10) == 0 {
				delay += r.IntN(400)
			}
			close := day(created, delay)
			// Deals whose date has passed are mostly closed; some stay open,
			// overdue, as salespeople forget to update them.
			closed := r.IntN(100) < 6
			if close.Before(today) {
				closed = r.IntN(100) < 72
			}
			path, stage := g.stagePath(closed)
			span := close.Sub(created)
			if span < time.Hour {
				span = time.Hour
			}
			updated := created.Add(time.Duration(r.Int64N(int64(span))))
			if updated.After(today) {
				updated = today.Add(-time.Duration(r.IntN(72)) * time.Hour)
			}
			if updated.Before(created) {
				updated = created
			}
			bp := stage.ProbabilityBP
			if stage.Kind == store.KindOpen && r.IntN(6) == 0 {
				bp += (r.IntN(5) - 2) * 500
				bp = max(500, min(9500, bp))
			}
			var lostReason, competitor, nextStep, desc string
			switch stage.Kind {
			case store.KindWon:
				bp = 10000
			case store.KindLost:
				bp = 0
				lostReason = g.pick(lostReasons)
				competitor = g.pick(competitors)
			default:
				nextStep = nextSteps[r.IntN(len(nextSteps))]
			}
			if r.IntN(5) == 0 {
				desc = descriptions[r.IntN(len(descriptions))]
			}
			name := products[r.IntN(len(products))] + g.pick(actions)
			py, ini := pinyin.Keys(name)
			if _, err := stmt.ExecContext(ctx, id, name, py, ini, cust, g.pick(oppTypes), g.pick(sources), owner, g.pick(campaigns),
				g.amount(), close.Format(time.DateOnly), nextStep, stage.ID, bp, desc, lostReason, competitor,
				created.Format(time.RFC3339), updated.Format(time.RFC3339)); err != nil {
				return err
			}
			// One change per step, spread between creation and the last update.
			step := updated.Sub(created) / time.Duration(len(path))
			var from any
			for k, s := range path {
				at := created.Add(step * time.Duration(k))
				if _, err := hist.ExecContext(ctx, id, from, s, at.Format(time.RFC3339)); err != nil {
					return err
				}
				from = s
				g.history++
			}
			return nil
		})
}

// stagePath picks where an opportunity ended and the stages it went through.
func (g *gen) stagePath(closed bool) ([]int64, store.Stage) {
	r := g.rng
	x := 100
	if closed {
		x = r.IntN(44) // won : lost = 20 : 24
	}
	var reached int // index into g.open of the last open stage passed
	var end store.Stage
	switch {
	case x < 20: // won after going through most of the funnel
		reached = len(g.open) - 1 - r.IntN(min(3, len(g.open)))
		end = g.won
	case x < 44: // lost anywhere, more often early
		reached = int(math.Abs(r.NormFloat64()) * float64(len(g.open)) / 2.5)
		reached = min(reached, len(g.open)-1)
		end = g.lost
	default: // open: a funnel, each stage about 3/4 of the one before
		total, w := 0.0, 1.0
		for range g.open {
			total += w
			w *= 0.75
		}
		y := r.Float64() * total
		for w = 1.0; reached < len(g.open)-1 && y >= w; w *= 0.75 {
			y -= w
			reached++
		}
		end = g.open[reached]
	}
	path := make([]int64, 0, reached+2)
	for k := 0; k <= reached; k++ {
		path = append(path, g.open[k].ID)
	}
	if end.Kind != store.KindOpen {
		path = append(path, end.ID)
	}
	return path, end
}

// amount is log-normal around ¥50,000 (from about ¥2,000 to ¥5,000,000),
// rounded as people quote: to the yuan when small, to ¥100 when large.
func (g *gen) amount() int64 {
	yuan := math.Exp(math.Log(50000) + g.rng.NormFloat64()*1.1)
	yuan = max(500, min(20000000, yuan))
	switch {
	case yuan >= 10000:
		yuan = math.Round(yuan/100) * 100
	default:
		yuan = math.Round(yuan)
	}
	if g.rng.IntN(20) == 0 { // a few quotes with cents
		return int64(yuan)*100 + int64(g.rng.IntN(100))
	}
	return int64(yuan) * 100
}

// customer picks a customer id: key accounts (the first 2%) have many
// opportunities, the rest few.
func (g *gen) customer() int64 {
	n := len(g.custOwner)
	if key := n / 50; key > 0 && g.rng.IntN(100) < 30 {
		return int64(1 + g.rng.IntN(key))
	}
	return int64(1 + g.rng.IntN(n))
}

func (g *gen) owner() int64 {
	total := 0
	for _, w := range g.ownerW {
		total += w
	}
	x := g.rng.IntN(total)
	for i, w := range g.ownerW {
		if x < w {
			return g.owners[i]
		}
		x -= w
	}
	return g.owners[len(g.owners)-1]
}

func (g *gen) pick(ws []weighted) string {
	total := 0
	for _, w := range ws {
		total += w.w
	}
	x := g.rng.IntN(total)
	for _, w := range ws {
		if x < w.w {
			return w.v
		}
		x -= w.w
	}
	return ws[len(ws)-1].v
}

func (g *gen) officeHours() time.Duration {
	return time.Duration(9*3600+g.rng.IntN(10*3600)) * time.Second
}

func day(t time.Time, days int) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+days, 0, 0, 0, 0, t.Location())
}

// batches inserts n rows with one prepared statement, batch rows per transaction.
func (g *gen) batches(ctx context.Context, n int, query string, row func(*sql.Stmt, int) error) error {
	return g.batchesTx(ctx, n, query, nil, row)
}

func (g *gen) batchesTx(ctx context.Context, n int, query string, prep func(*sql.Tx) error, row func(*sql.Stmt, int) error) error {
	for lo := 0; lo < n; lo += batch {
		hi := min(n, lo+batch)
		if err := g.oneBatch(ctx, lo, hi, query, prep, row); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) oneBatch(ctx context.Context, lo, hi int, query string, prep func(*sql.Tx) error, row func(*sql.Stmt, int) error) error {
	tx, err := g.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	defer stmt.Close()
	if prep != nil {
		if err := prep(tx); err != nil {
			return err
		}
	}
	for i := lo; i < hi; i++ {
		if err := row(stmt, i); err != nil {
			return fmt.Errorf("row %d: %w", i+1, err)
		}
	}
	return tx.Commit()
}
