package budget

import (
	"strconv"
	"testing"
	"time"

	"funneldesk/backend/analysis"
	"funneldesk/backend/backup"
	"funneldesk/backend/changes"
	"funneldesk/backend/customer"
	"funneldesk/backend/dashboard"
	"funneldesk/backend/importer"
	"funneldesk/backend/lead"
	"funneldesk/backend/oplog"
	"funneldesk/backend/order"
	"funneldesk/backend/playbook"
	"funneldesk/backend/pool"
	"funneldesk/backend/product"
	"funneldesk/backend/quote"
	"funneldesk/backend/recycle"
	"funneldesk/backend/report"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/settings"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/svc"
	"funneldesk/backend/target"
	"funneldesk/backend/task"
	"funneldesk/bench/benchdb"
)

// benchTasks is how many tasks the task rows run on (issue 14: 500,000);
// BUDGET_TASKS changes it. There is no task import, so benchdb.AddTasks
// makes the missing ones once, in the benchmark database.
var benchTasks = envInt("BUDGET_TASKS", 500000)

// moreIDs are the rows the screen calls below ask about, beside ids.
type moreIDs struct {
	lead, task, taskOpp, leadOwner int64
	customerName, phone            string
	pageOpps                       []int64
}

func pickMoreIDs(b *testing.B, st *store.Store) moreIDs {
	if err := benchdb.AddTasks(st, benchTasks); err != nil {
		b.Fatalf("add tasks: %v", err)
	}
	var y moreIDs
	one := func(dst any, q string) {
		if err := st.DB.Get(dst, q); err != nil && err.Error() != "sql: no rows in result set" {
			b.Fatalf("%s: %v", q, err)
		}
	}
	one(&y.lead, `SELECT COALESCE(MAX(id) / 2, 0) FROM leads`)
	one(&y.leadOwner, `SELECT COALESCE((SELECT owner_id FROM leads WHERE id = (SELECT MAX(id) / 2 FROM leads)), 0)`)
	one(&y.task, `SELECT COALESCE(MAX(id) / 2, 0) FROM tasks`)
	one(&y.taskOpp, `SELECT COALESCE((SELECT opportunity_id FROM tasks WHERE opportunity_id IS NOT NULL ORDER BY id DESC LIMIT 1), 0)`)
	one(&y.customerName, `SELECT name FROM customers WHERE id = (SELECT MAX(id) / 2 FROM customers)`)
	one(&y.phone, `SELECT COALESCE((SELECT phone FROM customers WHERE phone <> '' ORDER BY id DESC LIMIT 1), '')`)
	// The opportunity list's first page: its playbook progress is asked
	// for those 50.
	if err := st.DB.Select(&y.pageOpps, `SELECT id FROM opportunities ORDER BY expected_close, id LIMIT 50`); err != nil {
		b.Fatal(err)
	}
	return y
}

// screenCalls are the read calls of the screens the first table missed
// (issue 15's list): 线索, 销售任务 and playbooks, 分析, import history,
// recycle bin, operation log, backups, settings and the forms' look-ups.
func screenCalls(b *testing.B, st *store.Store, x ids, y moreIDs) []call {
	env := svc.New(nil)
	ld := lead.NewService(st, env)
	tk := task.NewService(st, env)
	pb := playbook.NewService(st, env)
	an := analysis.NewService(st, env)
	imp := importer.NewService(st, env)
	rec := recycle.NewService(st, env)
	ol := oplog.NewService(st, env)
	bk := backup.NewService(st, env, b.TempDir())
	set := settings.NewService(st, env)
	stg := stage.NewService(st, env)
	cust := customer.NewService(st, env)
	prod := product.NewService(st, env)
	quo := quote.NewService(st, env)
	ord := order.NewService(st, env)
	rep := report.NewService(st, env)
	dash := dashboard.NewService(st, env)
	pl := pool.NewService(st, env)
	tgt := target.NewService(st, env)
	chg := changes.NewService(st, env)

	today := time.Now().Format("2006-01-02")
	thisYear := time.Now().Year()
	yearF := reportframe.Filters{From: strconv.Itoa(thisYear) + "-01-01", To: strconv.Itoa(thisYear) + "-12-31"}
	yearOwner := yearF
	yearOwner.OwnerIDs = []int64{x.owner}
	owner := strconv.FormatInt(x.owner, 10)
	leadOwner := strconv.FormatInt(y.leadOwner, 10)
	leads := func(f lead.Filter) func() error {
		return func() error { _, err := ld.List(lead.ListRequest{Filter: f, Page: 1, PageSize: 50}); return err }
	}
	leadPage := func(where string) []string {
		return []string{`SELECT COUNT(*) FROM leads l WHERE ` + where,
			`SELECT l.* FROM leads l WHERE ` + where + ` ORDER BY l.id DESC LIMIT 50`}
	}
	tasks := func(f task.Filter) func() error {
		return func() error { _, err := tk.List(task.ListRequest{Filter: f, Page: 1, PageSize: 50}); return err }
	}
	open := `t.status IN ('todo', 'doing')`
	taskPage := func(where string) []string {
		return []string{`SELECT COUNT(*) FROM tasks t WHERE ` + where,
			`SELECT t.*, w.name, c.name, o.name FROM tasks t LEFT JOIN owners w ON w.id = t.assignee_id
				LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN opportunities o ON o.id = t.opportunity_id
				WHERE ` + where + ` ORDER BY t.due_date, t.id LIMIT 50`}
	}
	group := func(by string, f reportframe.Filters) func() error {
		return func() error { _, err := an.Group(analysis.GroupRequest{Filters: f, By: by}); return err }
	}
	created := `o.created_at >= '` + yearF.From + `' AND o.created_at < '` + strconv.Itoa(thisYear+1) + `-01-01'`
	return []call{
		// 线索 (leads): the list as it opens, a search, one owner, a
		// status; the detail, the convert check, the conversion report.
		{"lead.List, page 1", leads(lead.Filter{}), leadPage(`1`), 0},
		{"lead.List, search 展会", leads(lead.Filter{Query: "展会"}), leadPage(`(l.name LIKE '%展会%' OR l.company LIKE '%展会%')`), 0},
		{"lead.List, one owner", leads(lead.Filter{OwnerID: y.leadOwner}), leadPage(`l.owner_id = ` + leadOwner), 0},
		{"lead.List, status new", leads(lead.Filter{Status: "new"}), leadPage(`l.status = 'new'`), 0},
		{"lead.List, source 网站", leads(lead.Filter{Source: "网站"}), leadPage(`l.source = '网站'`), 0},
		{"lead.Options", func() error { _, err := ld.Options(); return err }, nil, 0},
		{"lead.Get (detail)", func() error {
			if y.lead == 0 { // a database without leads: no detail to open
				return nil
			}
			_, err := ld.Get(y.lead)
			return err
		}, []string{`SELECT * FROM leads WHERE id = ` + strconv.FormatInt(y.lead, 10)}, 0},
		{"lead.CheckConvert", func() error {
			if y.lead == 0 {
				return nil
			}
			_, err := ld.CheckConvert(y.lead, "")
			return err
		}, nil, 0},
		{"lead.ConversionReport by source (a year)", func() error {
			_, err := ld.ConversionReport(lead.ReportRequest{By: "source", From: yearF.From, To: yearF.To})
			return err
		}, []string{`SELECT source, COUNT(*), SUM(status = 'converted') FROM leads WHERE created_day BETWEEN '` + yearF.From + `' AND '` + yearF.To + `' GROUP BY source`}, 0},
		{"lead.ConversionReport by owner (a year)", func() error {
			_, err := ld.ConversionReport(lead.ReportRequest{By: "owner", From: yearF.From, To: yearF.To})
			return err
		}, []string{`SELECT owner_id, COUNT(*), SUM(status = 'converted') FROM leads WHERE created_day BETWEEN '` + yearF.From + `' AND '` + yearF.To + `' GROUP BY owner_id`}, 0},
		// 销售任务 (tasks) at BUDGET_TASKS tasks: the views of the screen,
		// one assignee, a search; the detail, the loads, an opportunity's
		// steps and the playbook settings.
		{"task.List, all", tasks(task.Filter{}), taskPage(`1`), 0},
		{"task.List, overdue", tasks(task.Filter{View: "overdue"}), taskPage(open + ` AND t.due_date <> '' AND t.due_date < '` + today + `'`), 0},
		{"task.List, today", tasks(task.Filter{View: "today"}), taskPage(open + ` AND t.due_date = '` + today + `'`), 0},
		{"task.List, week", tasks(task.Filter{View: "week"}), taskPage(open + ` AND t.due_date BETWEEN '` + today + `' AND date('` + today + `', '+6 days')`), 0},
		{"task.List, one assignee", tasks(task.Filter{AssigneeIDs: []int64{x.owner}}), taskPage(`t.assignee_id = ` + owner), 0},
		{"task.List, one assignee overdue", tasks(task.Filter{AssigneeIDs: []int64{x.owner}, View: "overdue"}), taskPage(`t.assignee_id = ` + owner + ` AND ` + open + ` AND t.due_date <> '' AND t.due_date < '` + today + `'`), 0},
		{"task.List, search 电话回访", tasks(task.Filter{Query: "电话回访"}), taskPage(`t.title LIKE '%电话回访%'`), 0},
		{"task.List, an opportunity's", tasks(task.Filter{OpportunityID: y.taskOpp}), taskPage(`t.opportunity_id = ` + strconv.FormatInt(y.taskOpp, 10)), 0},
		{"task.Loads", func() error { _, err := tk.Loads(nil); return err }, []string{`SELECT assignee_id, COUNT(*) FROM tasks WHERE status IN ('todo', 'doing') GROUP BY assignee_id`}, 0},
		{"task.Get", func() error { _, err := tk.Get(y.task); return err }, []string{`SELECT * FROM tasks WHERE id = ` + strconv.FormatInt(y.task, 10)}, 0},
		{"task.Steps (an opportunity)", func() error { _, err := tk.Steps(y.taskOpp); return err }, nil, 0},
		{"playbook.Actions", func() error { _, err := pb.Actions(); return err }, nil, 0},
		{"playbook.Playbook (a stage)", func() error { _, err := pb.Playbook(x.stage); return err }, nil, 0},
		{"playbook.Progress (a list page)", func() error { _, err := pb.Progress(y.pageOpps); return err }, nil, 0},
		// 分析: the tabs as they open (this year, grouped by owner), other
		// groupings, one owner.
		{"analysis.Group by owner (a year)", group("owner", yearF), []string{`SELECT owner_id, COUNT(*), SUM(amount_cents) FROM opportunities o WHERE ` + created + ` GROUP BY owner_id`}, 0},
		{"analysis.Group by team (a year)", group("team", yearF), nil, 0},
		{"analysis.Group by customer (a year)", group("customer", yearF), []string{`SELECT customer_id, COUNT(*), SUM(amount_cents) FROM opportunities o WHERE ` + created + ` GROUP BY customer_id`}, 0},
		{"analysis.Group by stage (a year)", group("stage", yearF), []string{`SELECT stage_id, COUNT(*), SUM(amount_cents) FROM opportunities o WHERE ` + created + ` GROUP BY stage_id`}, 0},
		{"analysis.Group by source (a year)", group("source", yearF), []string{`SELECT source, COUNT(*), SUM(amount_cents) FROM opportunities o WHERE ` + created + ` GROUP BY source`}, 0},
		{"analysis.Group by lostReason (a year)", group("lostReason", yearF), nil, 0},
		{"analysis.Group by owner, one owner (a year)", group("owner", yearOwner), []string{`SELECT COUNT(*), SUM(amount_cents) FROM opportunities o WHERE owner_id = ` + owner + ` AND ` + created}, 0},
		{"analysis.Conversion (a year)", func() error { _, err := an.Conversion(analysis.ReportRequest{Filters: yearF}); return err }, nil, 0},
		{"analysis.Conversion, one owner (a year)", func() error { _, err := an.Conversion(analysis.ReportRequest{Filters: yearOwner}); return err }, nil, 0},
		{"analysis.StageTime (a year)", func() error { _, err := an.StageTime(analysis.ReportRequest{Filters: yearF}); return err }, nil, 0},
		{"analysis.StageTime, one owner (a year)", func() error { _, err := an.StageTime(analysis.ReportRequest{Filters: yearOwner}); return err }, nil, 0},
		{"changes.FieldHistory (an opportunity)", func() error { _, err := chg.FieldHistory(x.opp); return err }, nil, 0},
		// 销售目标: the grid, a team's members, the charts.
		{"target.Grid (this year)", func() error {
			_, err := tgt.Grid(target.GridRequest{Year: thisYear, Dimension: string(target.WonAmount)})
			return err
		}, nil, 0},
		{"target.Members (a team)", func() error {
			team := firstTeam(st)
			if team == 0 { // the company alone: the screen offers no split
				return nil
			}
			_, err := tgt.Members(target.MembersRequest{Year: thisYear, Dimension: string(target.WonAmount), TeamID: team})
			return err
		}, nil, 0},
		{"target.AchievementCharts, one owner (a year)", func() error {
			_, err := tgt.AchievementCharts(target.AchievementRequest{Filters: yearOwner, Dimension: target.WonAmount, By: target.Owner}, "zh-CN")
			return err
		}, nil, 0},
		{"target.ForecastChart, one owner", func() error {
			_, err := tgt.ForecastChart(target.ForecastRequest{Filters: yearOwner}, "zh-CN")
			return err
		}, nil, 0},
		// Data management: import history, recycle bin, operation log,
		// backups.
		{"importer.History", func() error { _, err := imp.History(); return err }, []string{`SELECT * FROM imports ORDER BY id DESC`}, 0},
		{"recycle.List, page 1", func() error { _, err := rec.List(recycle.Filter{Page: 1, PageSize: 50}); return err }, nil, 0},
		{"oplog.List, page 1", func() error { _, err := ol.List(oplog.Filter{Page: 1, PageSize: 50}); return err }, []string{`SELECT * FROM oplog ORDER BY id DESC LIMIT 50`}, 0},
		{"oplog.List, one opportunity (record tab)", func() error {
			_, err := ol.List(oplog.Filter{Kind: "opportunity", RecordID: x.opp, Page: 1, PageSize: 50})
			return err
		}, nil, 0},
		{"backup.Status", func() error { _, err := bk.Status(); return err }, nil, 0},
		// Settings and the forms' look-ups.
		{"settings.Get", func() error { _, err := set.Get(); return err }, nil, 0},
		{"settings.ListColumns", func() error { _, err := set.ListColumns("opportunities"); return err }, nil, 0},
		{"stage.ListSets", func() error { _, err := stg.ListSets(); return err }, nil, 0},
		{"customer.Options", func() error { _ = cust.Options(); return nil }, nil, 0},
		{"customer.SameName (form check)", func() error { _, err := cust.SameName(y.customerName, 0); return err }, []string{`SELECT id FROM customers WHERE name = '` + y.customerName + `'`}, 0},
		{"pool.Duplicates (name + phone)", func() error {
			_, err := pl.Duplicates(pool.DupeQuery{Name: y.customerName, Phone: y.phone})
			return err
		}, nil, 0},
		{"pool.History (a customer)", func() error { _, err := pl.History(x.customer); return err }, nil, 0},
		{"pool.Get (settings)", func() error { _, err := pl.Get(x.pool); return err }, nil, 0},
		{"pool.RecycleWarnings", func() error { _, err := pl.RecycleWarnings(0); return err }, nil, 0},
		{"dashboard.Recycling", func() error { _, err := dash.Recycling(); return err }, nil, 0},
		// Products, quotes, orders: look-ups of the detail pages and forms.
		{"product.Categories", func() error { _, err := prod.Categories(); return err }, nil, 0},
		{"product.PriceLists", func() error { _, err := prod.PriceLists(); return err }, nil, 0},
		{"product.GetOpportunityLines", withOpp(x, func() error { _, err := prod.GetOpportunityLines(x.opp); return err }), nil, 0},
		{"product.CustomerTerms", func() error { _, err := prod.CustomerTerms(x.customer); return err }, nil, 0},
		{"quote.Company", func() error { _, err := quo.Company(); return err }, nil, 0},
		{"quote.DraftFromOpportunity", withOpp(x, func() error { _, err := quo.DraftFromOpportunity(x.opp); return err }), nil, 0},
		{"order.Options", func() error { _ = ord.Options(); return nil }, nil, 0},
		{"order.DraftFromOpportunity", withOpp(x, func() error { _, err := ord.DraftFromOpportunity(x.opp); return err }), nil, 0},
		{"order.CustomerCredit", func() error { _, err := ord.CustomerCredit(x.customer); return err }, nil, 0},
		{"order.ListReceipts, page 1", func() error { _, err := ord.ListReceipts(order.ReceiptListRequest{Page: 1, PageSize: 50}); return err }, nil, 0},
		{"order.ListInvoices, page 1", func() error { _, err := ord.ListInvoices(order.InvoiceListRequest{Page: 1, PageSize: 50}); return err }, nil, 0},
		{"report.ProductSalesChartPNG (a year)", func() error {
			_, err := rep.ProductSalesChartPNG(report.SalesChartRequest{Sales: report.SalesRequest{GroupBy: "category", From: strconv.Itoa(thisYear) + "-01", To: strconv.Itoa(thisYear) + "-12"}})
			return err
		}, nil, 0},
	}
}

// withOpp runs fn when the database has opportunities (the orders
// database of bench/orders has none).
func withOpp(x ids, fn func() error) func() error {
	return func() error {
		if x.opp == 0 {
			return nil
		}
		return fn()
	}
}

// firstTeam is a team under the company (0: none).
func firstTeam(st *store.Store) int64 {
	var id int64
	_ = st.DB.Get(&id, `SELECT COALESCE(MIN(id), 0) FROM teams WHERE parent_id IS NOT NULL`)
	return id
}
