// Command orders writes a FunnelDesk database with a realistic volume of the
// business after the funnel, for the benchmarks of the product, quote, order
// and report lists: a category tree, products and price lists, quotes, and
// orders with their lines, payment plans, receipts, invoices and returns.
//
//	go run ./bench/orders -db bench/data/orders.db -orders 100000 -seed 1
//	FUNNELDESK_BENCH_ORDERS_DB=bench/data/orders.db go test -run '^$' -bench . ./backend/order/ ./backend/quote/ ./backend/product/ ./backend/report/
//
// The database is created through store.Open, so the schema is exactly the
// migrated one; every derived column (order figures and status, installment
// received amounts, returned quantities) is written as the services would
// write it. The same flags always give the same rows. "Today" of the data is
// 2026-03-01 (AsOf), which the benchmarks use as their clock.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"strconv"
	"time"

	"funneldesk/backend/product"
	"funneldesk/backend/store"
)

// AsOf is the data's today: orders signed before it are mostly paid.
var AsOf = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// batch is the number of orders per transaction.
const batch = 20000

func main() {
	path := flag.String("db", "bench/data/orders.db", "database file to create")
	nOrders := flag.Int("orders", 100000, "number of orders")
	nQuotes := flag.Int("quotes", 60000, "number of quotes")
	nCust := flag.Int("customers", 10000, "number of customers")
	nOwn := flag.Int("owners", 20, "number of salespeople")
	nProd := flag.Int("products", 600, "number of products")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same data")
	force := flag.Bool("force", false, "replace an existing database file")
	flag.Parse()
	if *nCust < 1 || *nOwn < 1 || *nProd < 1 {
		log.Fatal("orders: need at least one customer, owner and product")
	}
	if _, err := os.Stat(*path); err == nil {
		if !*force {
			log.Fatalf("orders: %s exists (use -force to replace it)", *path)
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
	g := &gen{db: st.W.DB, rng: rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))}
	if err := g.run(*nOwn, *nCust, *nProd, *nQuotes, *nOrders); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("orders: %s: %d owners, %d customers, %d products, %d quotes, %d orders (%d lines, %d installments, %d receipts, %d invoices, %d returns) in %s\n",
		*path, *nOwn, *nCust, *nProd, *nQuotes, *nOrders, g.lines, g.installments, g.receipts, g.invoices, g.returns,
		time.Since(start).Round(100*time.Millisecond))
}

type prod struct {
	id    int64
	code  string
	name  string
	unit  string
	price int64
}

type gen struct {
	db  *sql.DB
	rng *rand.Rand

	owners   []int64
	products []prod
	nCust    int
	lists    []int64
	// per-customer price list (0: none)
	custList []int64
	listPx   map[[2]int64]int64

	lines, installments, receipts, invoices, returns int
	numbers                                          map[string]int
	// approved quotes not yet ordered: id and customer
	approved []struct {
		id   int64
		cust int
	}
}

func (g *gen) run(nOwn, nCust, nProd, nQuotes, nOrders int) error {
	ctx := context.Background()
	for _, p := range []string{"PRAGMA synchronous = OFF", "PRAGMA cache_size = -262144", "PRAGMA temp_store = MEMORY"} {
		if _, err := g.db.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	var n int
	if err := g.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM orders`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errors.New("the database already holds orders")
	}
	g.numbers = map[string]int{}
	steps := []func(context.Context) error{
		func(ctx context.Context) error { return g.owners_(ctx, nOwn) },
		func(ctx context.Context) error { return g.customers(ctx, nCust) },
		func(ctx context.Context) error { return g.catalog(ctx, nProd) },
		func(ctx context.Context) error { return g.quotes(ctx, nQuotes) },
		func(ctx context.Context) error { return g.orders(ctx, nOrders) },
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	if _, err := g.db.ExecContext(ctx, `ANALYZE`); err != nil {
		return err
	}
	_, err := g.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

func (g *gen) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := g.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

var ownerNames = []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴婷",
	"徐明", "孙丽", "马超", "朱琳", "胡斌", "郭涛", "何雪", "高峰", "林晓", "罗勇"}

func (g *gen) owners_(ctx context.Context, n int) error {
	return g.tx(ctx, func(tx *sql.Tx) error {
		for i := 0; i < n; i++ {
			name := "销售" + strconv.Itoa(i+1)
			if i < len(ownerNames) {
				name = ownerNames[i]
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO owners (name, active, created_at) VALUES (?, 1, ?)`, name, "2023-01-01T09:00:00+08:00")
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			g.owners = append(g.owners, id)
		}
		return nil
	})
}

var cities = []string{"北京", "上海", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "西安", "重庆", "天津", "长沙", "郑州", "青岛"}
var brand = []rune("华信达通宏泰恒瑞嘉明鑫源盛兴隆安康博远航宇天启创新联合中科金海东方南北正大鼎辉光腾飞祥和永昌立德")
var trades = []string{"科技", "电子", "机械", "贸易", "医药", "物流", "食品", "建设工程", "文化传媒", "新能源"}

func (g *gen) customers(ctx context.Context, n int) error {
	g.nCust = n
	return g.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO customers (id, name, classification, owner_id, created_at, updated_at,
			credit_limit_cents, credit_days) VALUES (?, ?, '成交客户', ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i := 1; i <= n; i++ {
			r := g.rng
			name := cities[r.IntN(len(cities))] + string(brand[r.IntN(len(brand))]) + string(brand[r.IntN(len(brand))]) +
				trades[r.IntN(len(trades))] + "有限公司"
			var limit any
			if r.IntN(4) == 0 {
				limit = int64(50+r.IntN(950)) * 1000_00
			}
			days := []int{0, 15, 30, 30, 45, 60, 90}[r.IntN(7)]
			if _, err := stmt.ExecContext(ctx, i, name, g.owners[r.IntN(len(g.owners))], "2023-01-01T09:00:00+08:00",
				"2023-01-01T09:00:00+08:00", limit, days); err != nil {
				return err
			}
		}
		return nil
	})
}

var catTree = []struct {
	name     string
	children []string
}{
	{"办公设备", []string{"打印机", "复印机", "投影仪", "耗材"}},
	{"计算机", []string{"台式机", "笔记本", "服务器", "配件"}},
	{"网络设备", []string{"交换机", "路由器", "无线", "安全"}},
	{"软件", []string{"办公软件", "行业软件", "数据库", "云服务"}},
	{"服务", []string{"实施", "培训", "维保", "咨询"}},
}
var units = []string{"台", "套", "个", "件", "箱", "年", "项", "人天"}

func (g *gen) catalog(ctx context.Context, nProd int) error {
	return g.tx(ctx, func(tx *sql.Tx) error {
		var leaves []int64
		var leafNames []string
		for i, top := range catTree {
			res, err := tx.ExecContext(ctx, `INSERT INTO categories (name, parent_id, position, created_at) VALUES (?, NULL, ?, ?)`, top.name, i+1, store.Now())
			if err != nil {
				return err
			}
			pid, _ := res.LastInsertId()
			for j, c := range top.children {
				res, err := tx.ExecContext(ctx, `INSERT INTO categories (name, parent_id, position, created_at) VALUES (?, ?, ?, ?)`, c, pid, j+1, store.Now())
				if err != nil {
					return err
				}
				id, _ := res.LastInsertId()
				leaves = append(leaves, id)
				leafNames = append(leafNames, c)
			}
		}
		for i := 0; i < nProd; i++ {
			r := g.rng
			li := r.IntN(len(leaves))
			code := fmt.Sprintf("P%05d", i+1)
			name := leafNames[li] + "-" + string(brand[r.IntN(len(brand))]) + string(brand[r.IntN(len(brand))]) + fmt.Sprintf("%d型", 100+r.IntN(900))
			unit := units[r.IntN(len(units))]
			// Prices from ¥10 to ¥50,000, log-ish.
			price := int64([]int{10, 50, 100, 500, 1000, 3000, 8000, 20000, 50000}[r.IntN(9)]) * 100 * int64(50+r.IntN(100)) / 100
			active := 1
			if r.IntN(20) == 0 {
				active = 0
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO products (code, name, category_id, unit, price_cents, owner_id, active, description, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)`, code, name, leaves[li], unit, price, g.owners[r.IntN(len(g.owners))], active, store.Now(), store.Now())
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			g.products = append(g.products, prod{id, code, name, unit, price})
		}
		g.listPx = map[[2]int64]int64{}
		for i, name := range []string{"经销商价", "VIP 价", "政府采购价"} {
			res, err := tx.ExecContext(ctx, `INSERT INTO price_lists (name, notes, created_at) VALUES (?, '', ?)`, name, store.Now())
			if err != nil {
				return err
			}
			lid, _ := res.LastInsertId()
			g.lists = append(g.lists, lid)
			for _, p := range g.products {
				if g.rng.IntN(3) == 0 {
					continue
				}
				px := p.price * int64(85-5*i) / 100
				if _, err := tx.ExecContext(ctx, `INSERT INTO price_list_items (price_list_id, product_id, price_cents) VALUES (?, ?, ?)`, lid, p.id, px); err != nil {
					return err
				}
				g.listPx[[2]int64{lid, p.id}] = px
			}
		}
		g.custList = make([]int64, g.nCust+1)
		for c := 1; c <= g.nCust; c++ {
			if g.rng.IntN(5) == 0 {
				lid := g.lists[g.rng.IntN(len(g.lists))]
				g.custList[c] = lid
				if _, err := tx.ExecContext(ctx, `UPDATE customers SET price_list_id = ? WHERE id = ?`, lid, c); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// day returns a date between 2023-01-01 and AsOf + 60 days, weighted to the recent.
func (g *gen) day() time.Time {
	span := int(AsOf.Sub(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)).Hours()/24) + 60
	d := span - 1 - int(float64(span)*g.rng.Float64()*g.rng.Float64()*1.0)
	return time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d)
}

func (g *gen) number(prefix string, d time.Time) string {
	key := prefix + d.Format("20060102")
	g.numbers[key]++
	return fmt.Sprintf("%s-%s-%03d", prefix, d.Format("20060102"), g.numbers[key])
}

type line struct {
	p               prod
	qty, price      int64
	disc            int
	total           int64
	retQty, retCent int64
}

func (g *gen) makeLines(cust int) []line {
	r := g.rng
	n := 1 + r.IntN(3) + r.IntN(3) // 1–5, mostly 2–3
	out := make([]line, 0, n)
	for i := 0; i < n; i++ {
		p := g.products[r.IntN(len(g.products))]
		price := p.price
		if lid := g.custList[cust]; lid != 0 {
			if px, ok := g.listPx[[2]int64{lid, p.id}]; ok {
				price = px
			}
		}
		qty := int64(1+r.IntN(20)) * product.QtyScale
		if r.IntN(10) == 0 {
			qty += int64(r.IntN(1000))
		}
		disc := 0
		if r.IntN(3) == 0 {
			disc = []int{500, 1000, 1500, 2000}[r.IntN(4)]
		}
		total, _ := product.LineTotal(qty, price, disc)
		out = append(out, line{p: p, qty: qty, price: price, disc: disc, total: total})
	}
	return out
}

func (g *gen) quotes(ctx context.Context, n int) error {
	for lo := 0; lo < n; lo += batch {
		hi := min(n, lo+batch)
		err := g.tx(ctx, func(tx *sql.Tx) error {
			qs, err := tx.PrepareContext(ctx, `INSERT INTO quotes (number, title, customer_id, owner_id, status, quote_date, valid_until, terms, notes,
				total_cents, approved_at, closed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?)`)
			if err != nil {
				return err
			}
			ls, err := tx.PrepareContext(ctx, `INSERT INTO quote_lines (quote_id, position, product_id, product_code, product_name, unit,
				qty_milli, unit_price_cents, discount_bp, total_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
			if err != nil {
				return err
			}
			for i := lo; i < hi; i++ {
				r := g.rng
				cust := 1 + r.IntN(g.nCust)
				d := g.day()
				lines := g.makeLines(cust)
				var total int64
				for _, l := range lines {
					total += l.total
				}
				status := []string{store.QuoteOpen, store.QuoteApproved, store.QuoteApproved, store.QuoteClosed}[r.IntN(4)]
				ts := d.Add(10 * time.Hour).Format(time.RFC3339)
				approved, closed := "", ""
				if status != store.QuoteOpen {
					approved = ts
				}
				if status == store.QuoteClosed {
					closed = ts
				}
				res, err := qs.ExecContext(ctx, g.number("BJ", d), "报价-"+lines[0].p.name, cust, g.owners[r.IntN(len(g.owners))], status,
					d.Format("2006-01-02"), d.AddDate(0, 0, 30).Format("2006-01-02"), total, approved, closed, ts, ts)
				if err != nil {
					return err
				}
				qid, _ := res.LastInsertId()
				if status == store.QuoteApproved {
					g.approved = append(g.approved, struct {
						id   int64
						cust int
					}{qid, cust})
				}
				for pos, l := range lines {
					if _, err := ls.ExecContext(ctx, qid, pos+1, l.p.id, l.p.code, l.p.name, l.p.unit, l.qty, l.price, l.disc, l.total); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

var methods = []string{"银行转账", "银行转账", "银行转账", "现金", "支票", "银行承兑汇票", "微信", "支付宝"}
var kinds = []string{"增值税专用发票", "增值税普通发票", "电子发票"}

// stmts are the prepared inserts of one batch of orders.
type stmts struct {
	order, line, inst, receipt, invoice, ret, retLine *sql.Stmt
}

func prepare(ctx context.Context, tx *sql.Tx) (stmts, error) {
	var s stmts
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&s.order, `INSERT INTO orders (id, number, title, customer_id, quote_id, owner_id, signed_date, status, total_cents,
			returned_cents, received_cents, invoiced_cents, outstanding_cents, next_due_date, notes, void_reason, voided_at,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`},
		{&s.line, `INSERT INTO order_lines (order_id, position, product_id, product_code, product_name, unit, qty_milli,
			unit_price_cents, discount_bp, total_cents, returned_qty_milli, returned_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.inst, `INSERT INTO installments (order_id, customer_id, seq, due_date, amount_cents, received_cents, owner_id, note, voided)
			VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)`},
		{&s.receipt, `INSERT INTO receipts (number, order_id, installment_id, customer_id, owner_id, date, amount_cents, method, note, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)`},
		{&s.invoice, `INSERT INTO invoices (number, order_id, customer_id, date, amount_cents, kind, note, created_at) VALUES (?, ?, ?, ?, ?, ?, '', ?)`},
		{&s.ret, `INSERT INTO returns (number, order_id, date, reason, amount_cents, created_at) VALUES (?, ?, ?, ?, ?, ?)`},
		{&s.retLine, `INSERT INTO return_lines (return_id, order_line_id, qty_milli, amount_cents) VALUES (?, ?, ?, ?)`},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			return s, err
		}
		*p.dst = st
	}
	return s, nil
}

func (g *gen) orders(ctx context.Context, n int) error {
	for lo := 0; lo < n; lo += batch {
		hi := min(n, lo+batch)
		err := g.tx(ctx, func(tx *sql.Tx) error {
			s, err := prepare(ctx, tx)
			if err != nil {
				return err
			}
			for i := lo; i < hi; i++ {
				if err := g.order(ctx, int64(i+1), s); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// order writes one order with everything hanging off it, its figures
// computed as the services compute them.
func (g *gen) order(ctx context.Context, id int64, s stmts) error {
	r := g.rng
	cust := 1 + r.IntN(g.nCust)
	// About a third of the orders come from an approved quote, each quote once.
	var quoteID any
	if len(g.approved) > 0 && r.IntN(3) == 0 {
		q := g.approved[len(g.approved)-1]
		g.approved = g.approved[:len(g.approved)-1]
		quoteID, cust = q.id, q.cust
	}
	owner := g.owners[r.IntN(len(g.owners))]
	d := g.day()
	signed := d.Format("2006-01-02")
	lines := g.makeLines(cust)
	var total int64
	for _, l := range lines {
		total += l.total
	}
	voided := r.IntN(33) == 0
	// A few returns on older orders: half of one line.
	var returned int64
	if !voided && d.Before(AsOf.AddDate(0, 0, -30)) && r.IntN(50) == 0 {
		l := &lines[r.IntN(len(lines))]
		l.retQty = max(l.qty/2, 1)
		l.retCent = product.ShareOf(l.total, l.retQty, l.qty)
		returned = l.retCent
	}
	net := total - returned
	// Plan: 1–3 installments a month apart, the last sometimes held by
	// another owner; the parts add up to the net total.
	k := 1 + r.IntN(3)
	type inst struct {
		due       time.Time
		amt, recv int64
		owner     int64
	}
	insts := make([]inst, k)
	left := net
	for j := range insts {
		amt := net / int64(k)
		if j == k-1 {
			amt = left
		}
		left -= amt
		insts[j] = inst{due: d.AddDate(0, 0, 15+30*j+r.IntN(15)), amt: amt, owner: owner}
		if j == k-1 && k > 1 && r.IntN(4) == 0 {
			insts[j].owner = g.owners[r.IntN(len(g.owners))]
		}
	}
	// How far payment got: old installments mostly paid, recent ones less.
	var received int64
	for j := range insts {
		in := &insts[j]
		if voided || in.amt == 0 || in.due.After(AsOf.AddDate(0, 0, 10)) {
			continue
		}
		late := AsOf.Sub(in.due).Hours() / 24
		switch p := r.IntN(100); {
		case late > 90 && p < 94, late <= 90 && p < 55:
			in.recv = in.amt
		case p < 97:
			in.recv = in.amt * int64(r.IntN(100)) / 100
		}
		received += in.recv
	}
	var nextDue any
	for _, in := range insts {
		if !voided && in.recv < in.amt {
			nextDue = in.due.Format("2006-01-02")
			break
		}
	}
	status := store.OrderActive
	outstanding := max(net-received, 0)
	if voided {
		status, outstanding = store.OrderVoided, 0
	} else if outstanding == 0 {
		status = store.OrderCompleted
	}
	var invoiced int64
	if !voided && r.IntN(10) < 7 {
		invoiced = net
		if r.IntN(3) == 0 {
			invoiced = net / 2
		}
	}
	created := d.Add(11 * time.Hour).Format(time.RFC3339)
	voidReason, voidedAt := "", ""
	if voided {
		voidReason, voidedAt = "客户取消", created
	}
	if _, err := s.order.ExecContext(ctx, id, g.number("DD", d), "合同-"+lines[0].p.name, cust, quoteID, owner, signed, status, total,
		returned, received, invoiced, outstanding, nextDue, voidReason, voidedAt, created, created); err != nil {
		return fmt.Errorf("order %d: %w", id, err)
	}
	lineIDs := make([]int64, len(lines))
	for pos, l := range lines {
		res, err := s.line.ExecContext(ctx, id, pos+1, l.p.id, l.p.code, l.p.name, l.p.unit, l.qty, l.price, l.disc, l.total, l.retQty, l.retCent)
		if err != nil {
			return err
		}
		lineIDs[pos], _ = res.LastInsertId()
		g.lines++
	}
	for j, in := range insts {
		res, err := s.inst.ExecContext(ctx, id, cust, j+1, in.due.Format("2006-01-02"), in.amt, in.recv, in.owner, voided)
		if err != nil {
			return err
		}
		g.installments++
		if in.recv == 0 {
			continue
		}
		iid, _ := res.LastInsertId()
		paid := in.due.AddDate(0, 0, r.IntN(40)-15)
		if paid.After(AsOf) {
			paid = AsOf
		}
		if paid.Before(d) {
			paid = d
		}
		if _, err := s.receipt.ExecContext(ctx, g.number("HK", paid), id, iid, cust, in.owner, paid.Format("2006-01-02"), in.recv,
			methods[r.IntN(len(methods))], created); err != nil {
			return err
		}
		g.receipts++
	}
	if invoiced > 0 {
		inv := d.AddDate(0, 0, r.IntN(20))
		if _, err := s.invoice.ExecContext(ctx, fmt.Sprintf("%08d", 10000000+id), id, cust, inv.Format("2006-01-02"), invoiced,
			kinds[r.IntN(len(kinds))], created); err != nil {
			return err
		}
		g.invoices++
	}
	if returned > 0 {
		rd := d.AddDate(0, 0, 20)
		res, err := s.ret.ExecContext(ctx, g.number("TH", rd), id, rd.Format("2006-01-02"), "质量问题", returned, created)
		if err != nil {
			return err
		}
		rid, _ := res.LastInsertId()
		for pos, l := range lines {
			if l.retQty > 0 {
				if _, err := s.retLine.ExecContext(ctx, rid, lineIDs[pos], l.retQty, l.retCent); err != nil {
					return err
				}
			}
		}
		g.returns++
	}
	return nil
}
