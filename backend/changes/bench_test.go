package changes_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"funneldesk/backend/changes"
	"funneldesk/backend/importer"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
	"funneldesk/bench/benchdb"
)

// The pipeline changes between two dates company-wide at 1,000,000
// opportunities with about 3,000,000 history rows (target ≤ 300 ms), on two
// databases:
//   - the generated one (bench/run.sh, FUNNELDESK_BENCH_DB): its stage
//     history plus field history rows added here once, dated at each
//     opportunity's last update (spread over two years);
//   - one built by the importer (FUNNELDESK_CHANGES_IMPORT_DB, built here on
//     first use, a few minutes): 1,000,000 rows imported on 2024-03-01, then
//     96 weekly rounds of bulk edits through the field history triggers
//     with the clock moved (about 2,750,000 field rows).
//
// Day B is the day before the database's last change (the generated
// data's "today" is 2026-03-01); A is a week or a month before.

// benchSpans are day B, the day before the last change in the database
// (its "today"), and A a week or a month before.
func benchSpans(b *testing.B, st *store.Store) []struct{ name, a, b string } {
	var last string
	if err := st.DB.Get(&last, `SELECT MAX(x) FROM (SELECT MAX(changed_at) AS x FROM stage_history
		UNION ALL SELECT MAX(changed_at) FROM opportunity_field_history)`); err != nil || len(last) < 10 {
		b.Fatalf("last change %q: %v", last, err)
	}
	t, err := time.Parse("2006-01-02", last[:10])
	if err != nil {
		b.Fatal(err)
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	bd := t.AddDate(0, 0, -1)
	// "today": B is the last day itself, as the screen opens (a week ago
	// against today): nothing changed after B.
	return []struct{ name, a, b string }{{"week", day(bd.AddDate(0, 0, -7)), day(bd)}, {"month", day(bd.AddDate(0, -1, 0)), day(bd)},
		{"today-week", day(t.AddDate(0, 0, -7)), day(t)}}
}

func benchChanges(b *testing.B, st *store.Store) {
	ctx := context.Background()
	var hist, fields int
	_ = st.DB.Get(&hist, `SELECT COUNT(*) FROM stage_history`)
	_ = st.DB.Get(&fields, `SELECT COUNT(*) FROM opportunity_field_history`)
	var owner int64
	if err := st.DB.Get(&owner, `SELECT MIN(id) FROM owners`); err != nil {
		b.Fatal(err)
	}
	// "-go" is the Go reconstruction the SQL pass replaced (the reference
	// of TestFastMatchesReconstruction), kept here for the before/after.
	type variant struct {
		suffix  string
		owners  []int64
		compute func(context.Context, store.Querier, reportframe.Scope) (changes.Report, error)
	}
	variants := []variant{{"", nil, changes.Compute}, {"-owner", []int64{owner}, changes.Compute}}
	if os.Getenv("FUNNELDESK_CHANGES_BENCH_SQL") != "" {
		// The one-statement SQL pass the kept marks (0031) replaced.
		variants = append(variants, variant{"-sql", nil, changes.SQLPass}, variant{"-owner-sql", []int64{owner}, changes.SQLPass})
	}
	if os.Getenv("FUNNELDESK_CHANGES_BENCH_GO") != "" {
		variants = append(variants, variant{"-go", nil, changes.Reconstructed})
	}
	for _, sp := range benchSpans(b, st) {
		for _, v := range variants {
			b.Run(sp.name+v.suffix, func(b *testing.B) {
				sc, err := reportframe.Check(ctx, st.DB, reportframe.Filters{From: sp.a, To: sp.b, OwnerIDs: v.owners})
				if err != nil {
					b.Fatal(err)
				}
				var rep changes.Report
				cpu0 := cpuTime()
				for i := 0; i < b.N; i++ {
					if rep, err = v.compute(ctx, st.DB, sc); err != nil {
						b.Fatal(err)
					}
				}
				listed := 0
				for _, g := range rep.Groups {
					listed += g.Count
				}
				b.ReportMetric(float64(rep.Total.B.Count), "opps")
				b.ReportMetric(float64(hist+fields), "history")
				b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(listed), "listed")
			})
		}
	}
}

// BenchmarkChanges runs on the generated database.
func BenchmarkChanges(b *testing.B) {
	st := benchdb.Open(b)
	var n int
	if err := st.DB.Get(&n, `SELECT COUNT(*) FROM opportunity_field_history`); err != nil {
		b.Fatal(err)
	}
	if n == 0 {
		// Written directly (not through the triggers): each row dated at the
		// opportunity's last update, as an edit then would have been; the
		// change marks (0031) computed once afterwards.
		ctx := context.Background()
		if err := st.Tx(ctx, func(tx store.Tx) error {
			return store.WithoutChangeMarks(ctx, tx, func() error {
				for _, q := range []string{
					`INSERT INTO opportunity_field_history (opportunity_id, field, old_value, new_value, changed_at, changed_by)
			 SELECT id, 'amount', amount_cents * 9 / 10, amount_cents, updated_at, 'bench' FROM opportunities WHERE id % 3 = 0`,
					`INSERT INTO opportunity_field_history (opportunity_id, field, old_value, new_value, changed_at, changed_by)
			 SELECT id, 'close', date(expected_close, '-14 day'), expected_close, updated_at, 'bench' FROM opportunities WHERE id % 3 = 1`,
					`INSERT INTO opportunity_field_history (opportunity_id, field, old_value, new_value, changed_at, changed_by)
			 SELECT id, 'owner', (SELECT MIN(id) FROM owners), owner_id, updated_at, 'bench' FROM opportunities WHERE id % 10 = 2`,
				} {
					if _, err := tx.ExecContext(ctx, q); err != nil {
						return err
					}
				}
				return nil
			})
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	benchChanges(b, st)
}

// BenchmarkChangesImported runs on the import-built database.
func BenchmarkChangesImported(b *testing.B) {
	path := os.Getenv("FUNNELDESK_CHANGES_IMPORT_DB")
	if path == "" {
		b.Skip("FUNNELDESK_CHANGES_IMPORT_DB is not set (a path; the database is built there on first use)")
	}
	fresh := false
	if _, err := os.Stat(path); err != nil {
		fresh = true
	}
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if fresh {
		buildImported(b, st)
	}
	b.ResetTimer()
	benchChanges(b, st)
}

func buildImported(b *testing.B, st *store.Store) {
	ctx := context.Background()
	const n = 1_000_000
	stages := []string{"初期沟通", "立项评估", "需求分析", "方案制定", "招投标/竞争", "商务谈判", "谈成结束", "未成结束"}
	owners := []string{"张三", "李四", "王五", "赵六", "钱七", "孙八"}
	at := func(t time.Time) { store.SetClock(func() time.Time { return t }) }
	defer store.SetClock(nil)
	cst := time.FixedZone("CST", 8*3600)
	start := time.Date(2024, 3, 1, 10, 0, 0, 0, cst)
	at(start)
	// Ten files: an import takes fewer than 200,000 lines.
	const per = 100_000
	for f := 0; f < n/per; f++ {
		var sb strings.Builder
		sb.WriteString("销售机会名称,客户名称,负责人,金额,预计完成日期,销售阶段,客户来源\r\n")
		for i := f * per; i < (f+1)*per; i++ {
			fmt.Fprintf(&sb, "商机%07d,客户%05d有限公司,%s,%d.%02d,2026-%02d-%02d,%s,%s\r\n", i, i%100000, owners[i%len(owners)],
				1000+i%90000, i%100, 1+i%12, 1+i%28, stages[(i*7)%len(stages)], []string{"展会", "网站", "转介绍"}[i%3])
		}
		res, err := importer.Import(ctx, st, importer.Source{Name: fmt.Sprintf("bench%d.csv", f), Data: []byte(sb.String())}, importer.Options{})
		if err != nil || res.Opportunities != per {
			b.Fatalf("import: %d rows, %v", res.Opportunities, err)
		}
	}
	for k := 0; k < 96; k++ {
		at(start.AddDate(0, 0, 7*(k+1)))
		for _, q := range []string{
			fmt.Sprintf(`UPDATE opportunities SET amount_cents = amount_cents + 10000 WHERE id %% 96 = %d`, k),
			fmt.Sprintf(`UPDATE opportunities SET expected_close = date(expected_close, '+14 day') WHERE id %% 96 = %d`, (k+40)%96),
			fmt.Sprintf(`UPDATE opportunities SET probability_bp = (probability_bp + 1000) %% 10000 WHERE id %% 192 = %d
				AND stage_id IN (SELECT id FROM stages WHERE kind = 'open')`, (k*2+1)%192),
			fmt.Sprintf(`UPDATE opportunities SET owner_id = CASE WHEN owner_id = (SELECT MIN(id) FROM owners)
				THEN (SELECT MAX(id) FROM owners) ELSE (SELECT MIN(id) FROM owners) END WHERE id %% 384 = %d`, (k*3+2)%384),
		} {
			if err := st.Tx(ctx, func(tx store.Tx) error { _, err := tx.ExecContext(ctx, q); return err }); err != nil {
				b.Fatal(err)
			}
		}
	}
}
