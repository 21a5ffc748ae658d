package benchdb

import (
	"context"

	"funneldesk/backend/store"
)

// AddTasks fills the tasks table of st up to n rows (there is no task
// import to make them with): due dates spread over the 181 days around
// today (90 before, 90 after, so the overdue, today and week views all hold
// rows), a third done or cancelled, four in five on an opportunity and all
// on its customer, assignees in turn. One transaction of INSERT … SELECT
// through the store's writer, so the task triggers (search grams) run as
// they do for any insert.
func AddTasks(st *store.Store, n int) error {
	ctx := context.Background()
	var have int
	if err := st.DB.Get(&have, `SELECT COUNT(*) FROM tasks`); err != nil || have >= n {
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
			SELECT CASE k.i % 4 WHEN 0 THEN '电话回访' WHEN 1 THEN '发送报价' WHEN 2 THEN '上门拜访' ELSE '任务' END || k.i, w.id,
				date('now', '-90 days', '+' || (k.i * 7919 % 181) || ' days'),
				CASE WHEN k.i % 3 = 0 THEN '' ELSE printf('%02d:30', 8 + k.i % 10) END,
				1 + k.i % 3, CASE k.i % 6 WHEN 0 THEN 'done' WHEN 1 THEN 'cancelled' WHEN 2 THEN 'doing' ELSE 'todo' END,
				o.customer_id, CASE WHEN k.i % 5 = 0 THEN NULL ELSE o.id END, o.stage_id, k.i % 4 = 0, '', '',
				strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
			FROM k JOIN bo o ON o.r = 1 + k.i * 31 % (SELECT COUNT(*) FROM bo)
			JOIN bw w ON w.r = 1 + k.i % (SELECT COUNT(*) FROM bw)`, n-have)
		return err
	})
}
