package oplog_test

import (
	"testing"
	"time"

	"funneldesk/backend/backup"
	"funneldesk/backend/customer"
	"funneldesk/backend/followup"
	"funneldesk/backend/oplog"
	"funneldesk/backend/order"
	"funneldesk/backend/owner"
	"funneldesk/backend/pool"
	"funneldesk/backend/product"
	"funneldesk/backend/recycle"
	"funneldesk/backend/settings"
	"funneldesk/backend/stage"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
	"funneldesk/backend/svc"
	"funneldesk/backend/team"
)

// must returns v; a set-up step that fails ends the test with its error.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestEveryWriteIsLogged runs each kind of write once: an accepted one adds
// exactly one log row of its kind and action; a refused one adds none.
func TestEveryWriteIsLogged(t *testing.T) {
	st := storetest.New(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	env := svc.New(func() time.Time { return now })
	log := oplog.NewService(st, env)
	cust, prod, ord := customer.NewService(st, env), product.NewService(st, env), order.NewService(st, env)
	own, stg, fu := owner.NewService(st, env), stage.NewService(st, env), followup.NewService(st, env)
	pl, tm, set := pool.NewService(st, env), team.NewService(st, env), settings.NewService(st, env)
	bin, bk := recycle.NewService(st, env), backup.NewService(st, env, t.TempDir())

	zhang := storetest.Owner(t, st, "张三")
	li := storetest.Owner(t, st, "李四")
	c := must(cust.Create(customer.Input{Name: "华夏公司", OwnerID: zhang}))
	c2 := must(cust.Create(customer.Input{Name: "长城公司", OwnerID: zhang}))
	c3 := must(cust.Create(customer.Input{Name: "黄河公司", OwnerID: zhang}))
	p := must(prod.Create(product.Input{Code: "P1", Name: "软件", Unit: "套", Price: "500"}))
	o := must(ord.Create(order.Input{CustomerID: c.ID, OwnerID: zhang, SignedDate: "2026-03-01",
		Lines: []product.LineInput{{ProductID: p.ID, Quantity: "2"}}}))
	var cat store.Category
	var list store.PriceList
	var sid, fid, tid, pid, invoiceID, receiptID int64

	tests := []struct {
		name         string
		run          func() error
		kind, action string // "" when refused
	}{
		{"invoice", func() error {
			d, err := ord.AddInvoice(order.InvoiceInput{OrderID: o.Order.ID, Number: "FP001", Amount: "100", Kind: order.InvoiceKinds[0]})
			if err == nil {
				invoiceID = d.Invoices[0].ID
			}
			return err
		}, "invoice", oplog.Create},
		{"invoice over the total", func() error {
			_, err := ord.AddInvoice(order.InvoiceInput{OrderID: o.Order.ID, Number: "FP002", Amount: "99999", Kind: order.InvoiceKinds[0]})
			return err
		}, "", ""},
		{"invoice deleted", func() error { _, err := ord.DeleteInvoice(invoiceID); return err }, "invoice", oplog.Delete},
		{"plan", func() error {
			_, err := ord.SetPlan(o.Order.ID, []order.InstallmentInput{{DueDate: "2026-04-01", Amount: "400"}, {DueDate: "2026-05-01", Amount: "600"}})
			return err
		}, "order", oplog.Update},
		{"plan not adding up", func() error {
			_, err := ord.SetPlan(o.Order.ID, []order.InstallmentInput{{DueDate: "2026-04-01", Amount: "1"}})
			return err
		}, "", ""},
		{"receipt", func() error {
			d, err := ord.Get(o.Order.ID)
			if err != nil {
				return err
			}
			d, err = ord.RecordReceipt(order.ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "100"})
			if err == nil {
				receiptID = d.Receipts[0].ID
			}
			return err
		}, "receipt", oplog.Create},
		{"receipt over what is unpaid", func() error {
			d, err := ord.Get(o.Order.ID)
			if err != nil {
				return err
			}
			_, err = ord.RecordReceipt(order.ReceiptInput{InstallmentID: d.Plan[0].ID, Amount: "9999"})
			return err
		}, "", ""},
		{"receipt deleted", func() error { _, err := ord.DeleteReceipt(receiptID); return err }, "receipt", oplog.Delete},
		{"return", func() error {
			d, err := ord.Get(o.Order.ID)
			if err != nil {
				return err
			}
			_, err = ord.CreateReturn(order.ReturnInput{OrderID: o.Order.ID, Reason: "坏了", Lines: []order.ReturnLineInput{{OrderLineID: d.Lines[0].ID, Quantity: "1"}}})
			return err
		}, "return", oplog.Create},
		{"return without a reason", func() error {
			d, err := ord.Get(o.Order.ID)
			if err != nil {
				return err
			}
			_, err = ord.CreateReturn(order.ReturnInput{OrderID: o.Order.ID, Lines: []order.ReturnLineInput{{OrderLineID: d.Lines[0].ID, Quantity: "1"}}})
			return err
		}, "", ""},
		{"credit", func() error {
			_, err := ord.SetCustomerCredit(c.ID, order.CreditInput{Limit: "5000", Days: 30})
			return err
		}, "customer", oplog.Update},
		{"credit days out of range", func() error { _, err := ord.SetCustomerCredit(c.ID, order.CreditInput{Days: -1}); return err }, "", ""},
		{"category", func() error {
			var err error
			cat, err = prod.CreateCategory(product.CategoryInput{Name: "软件类"})
			return err
		}, "category", oplog.Create},
		{"category renamed", func() error {
			_, err := prod.UpdateCategory(cat.ID, product.CategoryInput{Name: "软件产品"})
			return err
		}, "category", oplog.Update},
		{"category without a name", func() error { _, err := prod.CreateCategory(product.CategoryInput{}); return err }, "", ""},
		{"category deleted", func() error { return prod.DeleteCategory(cat.ID) }, "category", oplog.Delete},
		{"price list", func() error {
			var err error
			list, err = prod.CreatePriceList(product.PriceListInput{Name: "代理价"})
			return err
		}, "pricelist", oplog.Create},
		{"price list renamed", func() error {
			_, err := prod.UpdatePriceList(list.ID, product.PriceListInput{Name: "经销价"})
			return err
		}, "pricelist", oplog.Update},
		{"prices", func() error {
			_, err := prod.SetPrices(list.ID, []product.PriceInput{{ProductID: p.ID, Price: "450"}})
			return err
		}, "pricelist", oplog.Update},
		{"bad price", func() error {
			_, err := prod.SetPrices(list.ID, []product.PriceInput{{ProductID: p.ID, Price: "abc"}})
			return err
		}, "", ""},
		{"customer's price list", func() error { _, err := prod.SetCustomerPriceList(c.ID, list.ID); return err }, "customer", oplog.Update},
		{"terms", func() error {
			_, err := ord.SetCustomerTerms(c.ID, order.TermsInput{Limit: "8000", Days: 30})
			return err
		}, "customer", oplog.Update},
		{"salesperson", func() error {
			o, err := own.Create(owner.Input{Name: "王五"})
			sid = o.ID
			return err
		}, "owner", oplog.Create},
		{"salesperson renamed", func() error { _, err := own.Update(sid, owner.Input{Name: "王六", Active: true}); return err }, "owner", oplog.Update},
		{"salesperson with a taken name", func() error { _, err := own.Create(owner.Input{Name: "张三"}); return err }, "", ""},
		{"salesperson deleted", func() error { return own.Delete(sid) }, "owner", oplog.Delete},
		{"stage", func() error {
			s, err := stg.Create(stage.Input{Name: "试用", Probability: "30"})
			sid = s.ID
			return err
		}, "stage", oplog.Create},
		{"stage changed", func() error { _, err := stg.Update(sid, stage.Input{Name: "试用中", Probability: "35"}); return err }, "stage", oplog.Update},
		{"stage retired", func() error { _, err := stg.SetRetired(sid, true); return err }, "stage", oplog.Update},
		{"stages reordered", func() error {
			all, err := stg.List()
			if err != nil {
				return err
			}
			ids := []int64{sid}
			for _, s := range all {
				if s.ID != sid {
					ids = append(ids, s.ID)
				}
			}
			_, err = stg.Reorder(ids)
			return err
		}, "stage", oplog.Reorder},
		{"stages half reordered", func() error { _, err := stg.Reorder([]int64{sid}); return err }, "", ""},
		{"stage deleted", func() error { return stg.Delete(sid) }, "stage", oplog.Delete},
		{"follow-up", func() error {
			f, err := fu.Create(followup.Input{CustomerID: c.ID, Date: "2026-03-01", Content: "电话"})
			fid = f.ID
			return err
		}, "followup", oplog.Create},
		{"follow-up changed", func() error {
			_, err := fu.Update(fid, followup.Input{CustomerID: c.ID, Date: "2026-03-01", Content: "拜访"})
			return err
		}, "followup", oplog.Update},
		{"follow-up without content", func() error { _, err := fu.Create(followup.Input{CustomerID: c.ID, Date: "2026-03-01"}); return err }, "", ""},
		{"follow-up deleted", func() error { return fu.Delete(fid) }, "followup", oplog.Delete},
		{"team", func() error {
			tree, err := tm.List()
			if err != nil {
				return err
			}
			tt, err := tm.Save(0, team.Input{Name: "华南组", ParentID: tree.Teams[0].ID})
			tid = tt.ID
			return err
		}, "team", oplog.Create},
		{"team renamed", func() error {
			tt, err := store.GetTeam(env.Ctx(), st.DB, tid)
			if err != nil {
				return err
			}
			_, err = tm.Save(tid, team.Input{Name: "华南一组", ParentID: *tt.ParentID})
			return err
		}, "team", oplog.Update},
		{"member", func() error { return tm.SetMember(li, tid) }, "owner", oplog.Update},
		{"team without a parent", func() error { _, err := tm.Save(0, team.Input{Name: "无"}); return err }, "", ""},
		{"pool return", func() error {
			_, err := pl.Return(pool.ActionInput{CustomerIDs: []int64{c2.ID}, Reason: "无意向"})
			return err
		}, "customer", oplog.PoolReturn},
		{"pool return without a reason", func() error { _, err := pl.Return(pool.ActionInput{CustomerIDs: []int64{c3.ID}}); return err }, "", ""},
		{"pool move", func() error {
			p, err := pl.Save(0, pool.Input{Name: "华南公海", ClaimEnabled: true})
			if err != nil {
				return err
			}
			pid = p.Pool.ID
			before := count(t, st)
			_, err = pl.Move(pool.ActionInput{CustomerIDs: []int64{c2.ID}, PoolID: pid})
			if after := count(t, st); after != before+1 {
				t.Errorf("move: %d log rows, want 1", after-before)
			}
			return err
		}, "customer", oplog.PoolMove},
		{"void", func() error {
			_, err := pl.Void(pool.ActionInput{CustomerIDs: []int64{c2.ID}, Reason: "空号"})
			return err
		}, "customer", oplog.Void},
		{"unvoid", func() error { _, err := pl.Restore(pool.ActionInput{CustomerIDs: []int64{c2.ID}}); return err }, "customer", oplog.PoolRestore},
		{"assign", func() error {
			_, err := pl.Assign(pool.ActionInput{CustomerIDs: []int64{c2.ID}, OwnerID: li})
			return err
		}, "customer", oplog.Assign},
		{"pool return to a chosen pool", func() error {
			_, err := pl.Return(pool.ActionInput{CustomerIDs: []int64{c3.ID}, Reason: "无意向", PoolID: pid})
			return err
		}, "customer", oplog.PoolReturn},
		{"claim", func() error {
			_, err := pl.Claim(pool.ActionInput{CustomerIDs: []int64{c3.ID}, OwnerID: li})
			return err
		}, "customer", oplog.Claim},
		{"claim of an owned customer", func() error {
			_, err := pl.Claim(pool.ActionInput{CustomerIDs: []int64{c3.ID}, OwnerID: li})
			return err
		}, "", ""},
		{"order wins", func() error {
			_, err := set.SetOrderWins(settings.OrderWinsModes[len(settings.OrderWinsModes)-1])
			return err
		}, "settings", oplog.Update},
		{"unknown order-wins mode", func() error { _, err := set.SetOrderWins("sometimes"); return err }, "", ""},
		{"recycle days", func() error { _, err := bin.SetDays(45); return err }, "settings", oplog.Update},
		{"recycle days out of range", func() error { _, err := bin.SetDays(0); return err }, "", ""},
		{"backup settings", func() error {
			_, err := bk.SetSettings(backup.Settings{Auto: false, KeepDays: 9, KeepWeeks: 2})
			return err
		}, "settings", oplog.Update},
		{"backup days out of range", func() error { _, err := bk.SetSettings(backup.Settings{KeepDays: 0}); return err }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := count(t, st)
			err := tt.run()
			got := count(t, st) - before
			if tt.kind == "" {
				if err == nil {
					t.Fatal("accepted, want a refusal")
				}
				if got != 0 {
					t.Fatalf("a refused change wrote %d log rows", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.action == oplog.PoolMove {
				return // the pool's own save came first
			}
			if got != 1 {
				t.Fatalf("%d log rows, want 1", got)
			}
			last := must(log.List(oplog.Filter{Page: 1, PageSize: 1})).Items[0]
			if last.Kind != tt.kind || last.Action != tt.action {
				t.Errorf("logged %s/%s, want %s/%s", last.Kind, last.Action, tt.kind, tt.action)
			}
		})
	}
}

func count(t *testing.T, st *store.Store) int {
	t.Helper()
	return storetest.Count(t, st, "oplog")
}
