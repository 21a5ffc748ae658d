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
