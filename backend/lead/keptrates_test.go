package lead

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"funneldesk/backend/store"
)

// TestKeptRatesEqualCount: the conversion report, summed from the kept
// monthly counts (lead_month_counts) and the days of partial months,
// equals a count of the leads for periods of whole months, parts of months
// and open ends, by source and by owner, after leads are added, edited,
// moved between months, reassigned, converted, found invalid and deleted.
func TestKeptRatesEqualCount(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	sources := []string{"展会", "网站", ""}
	statuses := []string{"new", "working", "converted", "invalid"}
	for i := range 90 {
		day := fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+(i*7)%28)
		if i%9 == 0 {
			day = fmt.Sprintf("2025-%02d-%02d", 1+i%12, map[int]int{1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}[1+i%12])
		}
		var owner any = []int64{f.zhang, f.li}[i%2]
		if i%7 == 0 {
			owner = nil
		}
		if _, err := f.st.W.ExecContext(ctx, `INSERT INTO leads (name, source, owner_id, status, created_day, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, fmt.Sprintf("线索%d", i), sources[i%3], owner, statuses[i%4], day, day+"T09:00:00Z", day+"T09:00:00Z"); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`UPDATE leads SET status = 'converted' WHERE id % 5 = 0`,
		`UPDATE leads SET owner_id = NULL WHERE id % 11 = 0`,
		`UPDATE leads SET source = '网站', created_day = '2025-06-30' WHERE id % 13 = 0`,
		`UPDATE leads SET notes = '只改备注' WHERE id % 3 = 0`,
		`DELETE FROM leads WHERE id % 17 = 0`,
	} {
		if _, err := f.st.W.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	// And through the service: a lead created today, then found invalid.
	l := f.lead(t, Input{Name: "今天的线索", Source: "展会"})
	if _, err := f.s.SetStatus(StatusChange{IDs: []int64{l.ID}, Status: store.LeadInvalid, Reason: "空号"}); err != nil {
		t.Fatal(err)
	}
	periods := [][2]string{{"2025-01-01", "2025-12-31"}, {"2025-03-01", "2025-03-31"}, {"2025-02-11", "2025-09-17"},
		{"2025-04-05", "2025-04-20"}, {"2025-05-15", "2025-06-30"}, {"2025-06-01", "2025-06-14"}, {"", "2025-07-03"},
		{"2025-08-09", ""}, {"", ""}, {"2025-12-31", "2026-03-10"}}
	for _, p := range periods {
		for _, by := range []string{"source", "owner"} {
			got, err := store.LeadRates(ctx, f.st.DB, by, p[0], p[1])
			if err != nil {
				t.Fatal(err)
			}
			group, key := `source`, `source`
			if by == "owner" {
				group, key = `COALESCE(owner_id, 0)`, `COALESCE((SELECT name FROM owners WHERE id = owner_id), '')`
			}
			to := p[1]
			if to == "" {
				to = "9999-12-31"
			}
			want := []store.LeadRateRow{}
			if err := f.st.DB.Select(&want, `SELECT `+key+` AS key, CASE WHEN ? = 'owner' THEN `+group+` ELSE 0 END AS owner_id,
				COUNT(*) AS total, SUM(status = 'converted') AS converted, SUM(status = 'invalid') AS invalid
				FROM leads WHERE created_day >= ? AND created_day <= ? GROUP BY `+group+` ORDER BY total DESC, key`, by, p[0], to); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("period %v by %s: kept %+v, counted %+v", p, by, got, want)
			}
		}
	}
}
