package demo

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/money"
	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

// tableCounts is the row count of every table demo.Load writes.
func tableCounts(t *testing.T, st *store.Store) string {
	t.Helper()
	var out []string
	for _, table := range []string{"owners", "customers", "opportunities", "stage_history"} {
		out = append(out, fmt.Sprintf("%s=%d", table, storetest.Count(t, st, table)))
	}
	return strings.Join(out, " ")
}

func all(t *testing.T, st *store.Store) []store.Opportunity {
	t.Helper()
	var out []store.Opportunity
	err := store.EachOpportunity(context.Background(), st.DB, store.OpportunityFilter{Sort: "createdAt"}, func(o store.Opportunity) error {
		out = append(out, o)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestLoadSeedExample(t *testing.T) {
	st := storetest.New(t)
	if err := Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	type row struct {
		name, customer, stage, owner, close string
		cents                               int64
		bp                                  int
	}
	want := []row{
		{"购买五十用户", "大商股份(TEST)", "初期沟通", "admin", "2008-01-03", 4000000, 1000},
		{"购买", "喜多多贸易", "商务谈判", "admin", "2008-01-03", 1000000, 6000},
		{"购买五十用户", "上海医药(FGH DT)", "谈成结束", "admin", "2008-01-03", 4000000, 10000},
	}
	opps := all(t, st)
	if len(opps) != len(want) {
		t.Fatalf("%d opportunities, want %d", len(opps), len(want))
	}
	var total, expected int64
	for i, o := range opps {
		got := row{o.Name, o.CustomerName, o.StageName, o.OwnerName, o.ExpectedClose, o.AmountCents, o.ProbabilityBP}
		if got != want[i] {
			t.Errorf("opportunity %d = %+v\nwant            %+v", i, got, want[i])
		}
		if money.Yuan(o.AmountCents) != []string{"¥40,000.00", "¥10,000.00", "¥40,000.00"}[i] {
			t.Errorf("opportunity %d amount shows as %s", i, money.Yuan(o.AmountCents))
		}
		h, err := store.ListStageChanges(context.Background(), st.DB, o.ID)
		if err != nil || len(h) != 1 || h[0].FromStageID != nil || h[0].ToStageID != o.StageID {
			t.Errorf("opportunity %d history = %+v, %v; want its creation in its stage", i, h, err)
		}
		total += o.AmountCents
		expected += money.MulBP(o.AmountCents, int64(o.ProbabilityBP))
	}
	if total != 9000000 || expected != 5000000 {
		t.Errorf("totals: %d cents, expected %d cents; want 9000000 and 5000000", total, expected)
	}
	if got := tableCounts(t, st); got != "owners=1 customers=3 opportunities=3 stage_history=3" {
		t.Errorf("rows written: %s", got)
	}
}

func TestLoadReusesExistingOwner(t *testing.T) {
	st := storetest.New(t)
	admin := storetest.Owner(t, st, Owner)
	storetest.Owner(t, st, "张三")
	if err := Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	for _, o := range all(t, st) {
		if o.OwnerID != admin {
			t.Errorf("%s held by %d, want the existing admin %d", o.Name, o.OwnerID, admin)
		}
	}
	if n := storetest.Count(t, st, "owners"); n != 2 {
		t.Errorf("%d owners, want the 2 that were there", n)
	}
}

func TestLoadRefused(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, st *store.Store)
		field string
	}{
		{"holds a customer", func(t *testing.T, st *store.Store) {
			storetest.Customer(t, st, "已有客户", storetest.Owner(t, st, "张三"))
		}, ""},
		{"already loaded", func(t *testing.T, st *store.Store) {
			if err := Load(context.Background(), st); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"a stage of the example renamed", func(t *testing.T, st *store.Store) {
			s := storetest.Stage(t, st, "商务谈判")
			s.Name = "谈判"
			if err := store.UpdateStage(context.Background(), st.W, s); err != nil {
				t.Fatal(err)
			}
		}, "stage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := storetest.New(t)
			tt.setup(t, st)
			before := tableCounts(t, st)
			err := Load(context.Background(), st)
			storetest.WantErr(t, err, apperr.CodeConflict, tt.field)
			if after := tableCounts(t, st); after != before {
				t.Errorf("refused load wrote rows: %s → %s", before, after)
			}
		})
	}
}

func TestRemove(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		// after runs between loading and removing.
		after     func(t *testing.T, st *store.Store)
		wantErr   string // the refusal's catalog key, "" when removed
		wantAfter string // tableCounts after the attempt
	}{
		{"untouched", nil, "", "owners=0 customers=0 opportunities=0 stage_history=0"},
		{"own records stay", func(t *testing.T, st *store.Store) {
			write(t, st, func(tx store.Tx) error {
				cid, err := store.InsertCustomer(ctx, tx, store.Customer{Name: "自己的客户"})
				if err != nil {
					return err
				}
				o := all(t, st)[0]
				o.ID, o.Name, o.CustomerID = 0, "自己的机会", cid
				_, err = store.InsertOpportunity(ctx, tx, o)
				return err
			})
		}, "", "owners=1 customers=1 opportunities=1 stage_history=0"},
		{"changed opportunity", func(t *testing.T, st *store.Store) {
			o := all(t, st)[1]
			o.AmountCents++
			write(t, st, func(tx store.Tx) error { return store.UpdateOpportunity(ctx, tx, o) })
		}, "demo.changed", "owners=1 customers=3 opportunities=3 stage_history=3"},
		{"changed customer", func(t *testing.T, st *store.Store) {
			c, err := store.GetCustomer(ctx, st.DB, all(t, st)[0].CustomerID)
			if err != nil {
				t.Fatal(err)
			}
			c.Phone = "021-12345678"
			write(t, st, func(tx store.Tx) error { return store.UpdateCustomer(ctx, tx, c) })
		}, "demo.changed", "owners=1 customers=3 opportunities=3 stage_history=3"},
		{"a contact added to a demo customer", func(t *testing.T, st *store.Store) {
			write(t, st, func(tx store.Tx) error {
				_, err := store.InsertContact(ctx, tx, store.Contact{CustomerID: all(t, st)[0].CustomerID, Name: "张三"})
				return err
			})
		}, "demo.hasDependants", "owners=1 customers=3 opportunities=3 stage_history=3"},
		{"another opportunity for a demo customer", func(t *testing.T, st *store.Store) {
			o := all(t, st)[2]
			o.ID, o.Name = 0, "追加采购"
			write(t, st, func(tx store.Tx) error { _, err := store.InsertOpportunity(ctx, tx, o); return err })
		}, "demo.hasDependants", "owners=1 customers=3 opportunities=4 stage_history=3"},
		{"a demo opportunity deleted since", func(t *testing.T, st *store.Store) {
			write(t, st, func(tx store.Tx) error {
				_, err := store.DeleteOpportunities(ctx, tx, []int64{all(t, st)[0].ID})
				return err
			})
		}, "", "owners=0 customers=0 opportunities=0 stage_history=0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := storetest.New(t)
			if err := Load(ctx, st); err != nil {
				t.Fatal(err)
			}
			if tt.after != nil {
				tt.after(t, st)
			}
			n, err := Remove(ctx, st)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Remove: %v", err)
				}
				if n == 0 {
					t.Error("Remove removed nothing")
				}
			} else {
				e, ok := apperr.As(err)
				if !ok || e.Key.String() != tt.wantErr {
					t.Fatalf("Remove = %v, want the refusal %s", err, tt.wantErr)
				}
				if strings.Contains(e.Message+e.MessageEn, "{") {
					t.Errorf("unfilled placeholder in %q / %q", e.Message, e.MessageEn)
				}
			}
			if got := tableCounts(t, st); got != tt.wantAfter {
				t.Errorf("after Remove: %s, want %s", got, tt.wantAfter)
			}
			rec, err := Loaded(ctx, st.DB)
			if err != nil {
				t.Fatal(err)
			}
			if removed := tt.wantErr == ""; removed != (rec == nil) {
				t.Errorf("records after Remove = %+v, want them gone only when removed", rec)
			}
		})
	}
}

func TestRemoveWithoutDemo(t *testing.T) {
	st := storetest.New(t)
	_, err := Remove(context.Background(), st)
	if e, ok := apperr.As(err); !ok || e.Key.String() != "demo.noneLoaded" {
		t.Fatalf("Remove on a database without the example = %v, want demo.noneLoaded", err)
	}
}

func write(t *testing.T, st *store.Store, fn func(tx store.Tx) error) {
	t.Helper()
	if err := st.Tx(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}
