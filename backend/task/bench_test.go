package task

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"funneldesk/backend/importer"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/bench/benchdb"
)

// benchTasks is the size the list must stay fast at (issue 14: 500,000).
const benchTasks = 500000

var (
	importOnce sync.Once
	importSt   *store.Store
	importErr  error
)

// importBuilt is a database made the way a user makes one: 50,000
// opportunities of 5,000 customers and 20 salespeople through the CLI
// importer (`funneldesk import opportunities FILE`), then 500,000 tasks on
// them. Built once per test binary in a temporary folder (about a minute).
func importBuilt(b *testing.B) *store.Store {
	b.Helper()
	importOnce.Do(func() {
		dir, err := os.MkdirTemp("", "fd-task-bench-")
		if err != nil {
			importErr = err
			return
		}
		csv := filepath.Join(dir, "opps.csv")
		var sb strings.Builder
		sb.WriteString("销售机会名称,客户名称,负责人,金额,预计成交日期,销售阶段\n")
		stages := []string{"初期沟通", "需求分析", "方案制定", "商务谈判", "谈成结束"}
		for i := 0; i < 50000; i++ {
			fmt.Fprintf(&sb, "项目%d,客户%04d有限公司,销售%02d,%d,2026-%02d-%02d,%s\n", i, i%5000, i%20, 1000+i%97*1000,
				1+i%12, 1+i%28, stages[i%len(stages)])
		}
		if err := os.WriteFile(csv, []byte(sb.String()), 0o600); err != nil {
			importErr = err
			return
		}
		st, err := store.Open(filepath.Join(dir, "bench.db"))
		if err != nil {
			importErr = err
			return
		}
		var out strings.Builder
		if code := importer.RunCLI(context.Background(), st, []string{"opportunities", csv}, io.Discard, &out); code != 0 {
			importErr = fmt.Errorf("import failed (%d): %s", code, out.String())
			return
		}
		if importErr = addTasks(st); importErr == nil {
			importSt = st
		}
	})
	if importErr != nil {
		b.Fatal(importErr)
	}
	return importSt
}

// addTasks fills the tasks table up to benchTasks rows: due dates spread
// over 2026-01 … 2026-06 (so "today" 2026-03-10 has overdue, today's and
// this week's), a third done or cancelled, most on an opportunity.
func addTasks(st *store.Store) error {
	ctx := context.Background()
	var n int
	if err := st.DB.Get(&n, `SELECT COUNT(*) FROM tasks`); err != nil || n >= benchTasks {
		return err
	}
	// Row numbers as INTEGER PRIMARY KEYs, so each task picks its
	// opportunity and assignee by a key lookup.
	return st.Tx(ctx, func(tx store.Tx) error {
		for _, q := range []string{
			`DROP TABLE IF EXISTS temp.bo`, `DROP TABLE IF EXISTS temp.bw`,
			`CREATE TEMP TABLE bo (r INTEGER PRIMARY KEY, id INTEGER, customer_id INTEGER, stage_id INTEGER)`,
			`INSERT INTO bo (id, customer_id, stage_id) SELECT id, customer_id, stage_id FROM opportunities ORDER BY id`,
			`CREATE TEMP TABLE bw (r INTEGER PRIMARY KEY, id INTEGER)`,
			`INSERT INTO bw (id) SELECT id FROM owners ORDER BY id`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `
			WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
			INSERT INTO tasks (title, assignee_id, due_date, due_time, priority, status, customer_id, opportunity_id,
				stage_id, required, result, done_at, created_at, updated_at)
			SELECT '任务' || k.i, w.id,
				date('2026-01-01', '+' || (k.i * 7919 % 181) || ' days'),
				CASE WHEN k.i % 3 = 0 THEN '' ELSE printf('%02d:30', 8 + k.i % 10) END,
				1 + k.i % 3, CASE k.i % 6 WHEN 0 THEN 'done' WHEN 1 THEN 'cancelled' WHEN 2 THEN 'doing' ELSE 'todo' END,
				o.customer_id, CASE WHEN k.i % 5 = 0 THEN NULL ELSE o.id END, o.stage_id, k.i % 4 = 0, '', '',
				'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
			FROM k JOIN bo o ON o.r = 1 + k.i * 31 % (SELECT COUNT(*) FROM bo)
			JOIN bw w ON w.r = 1 + k.i % (SELECT COUNT(*) FROM bw)`, benchTasks-n)
		return err
	})
}

// BenchmarkList is the task list's page (50 rows and the total) at
// 500,000 tasks, under the filters the screen offers, on an import-built
// database, and on FUNNELDESK_BENCH_DB (bench/gen, 1,000,000
// opportunities) when set. Target: each within 20 ms.
func BenchmarkList(b *testing.B) {
	dbs := []struct {
		name string
		open func(*testing.B) *store.Store
	}{{"import", importBuilt}}
	if os.Getenv(benchdb.Env) != "" {
		dbs = append(dbs, struct {
			name string
			open func(*testing.B) *store.Store
		}{"gen", func(b *testing.B) *store.Store {
			st := benchdb.Open(b)
			if err := addTasks(st); err != nil {
				b.Fatal(err)
			}
			return st
		}})
	}
	at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.Local)
	cases := []struct {
		name string
		req  ListRequest
	}{
		{"all", ListRequest{}},
		{"all/page100", ListRequest{Page: 100}},
		{"overdue", ListRequest{Filter: Filter{View: "overdue"}}},
		{"today", ListRequest{Filter: Filter{View: "today"}}},
		{"week", ListRequest{Filter: Filter{View: "week"}}},
		{"assignee", ListRequest{Filter: Filter{AssigneeIDs: []int64{3}}}},
		{"assignee/overdue", ListRequest{Filter: Filter{AssigneeIDs: []int64{3}, View: "overdue"}}},
		{"status/done", ListRequest{Filter: Filter{Statuses: []string{store.TaskDone}}}},
		{"sort/priority", ListRequest{Filter: Filter{Sort: "priority"}}},
		{"search", ListRequest{Filter: Filter{Query: "任务4999"}}},
		// Words most tasks have: every title (two characters, one
		// character), a tenth of them (three characters, checked on the
		// rows), and a search within a view.
		{"search/every", ListRequest{Filter: Filter{Query: "任务"}}},
		{"search/char", ListRequest{Filter: Filter{Query: "9"}}},
		{"search/tenth", ListRequest{Filter: Filter{Query: "任务1"}}},
		{"search/overdue", ListRequest{Filter: Filter{Query: "任务1", View: "overdue"}}},
	}
	for _, db := range dbs {
		b.Run(db.name, func(b *testing.B) {
			st := db.open(b)
			s := NewService(st, svc.New(svc.Fixed(at)))
			for _, c := range cases {
				b.Run(c.name, func(b *testing.B) {
					p, err := s.List(c.req)
					if err != nil {
						b.Fatal(err)
					}
					b.ResetTimer()
					for i := 0; i < b.N; i++ {
						if _, err := s.List(c.req); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(p.Total), "total")
				})
			}
			b.Run("loads", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.Loads(nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
