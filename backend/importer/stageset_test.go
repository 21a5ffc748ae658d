package importer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"funneldesk/backend/store"
)

// withProjectSet adds a stage set 项目型 for the type 项目型 with its own
// open stage 招投标 and its own won outcome 中标 (before the shared
// 谈成结束 in funnel order), as the stage settings screen makes them.
func withProjectSet(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	err := st.Tx(ctx, func(tx store.Tx) error {
		set, err := store.InsertStageSet(ctx, tx, "项目型")
		if err != nil {
			return err
		}
		if err := store.SetStageSetTypes(ctx, tx, set, []string{"项目型"}); err != nil {
			return err
		}
		var won int
		if err := tx.GetContext(ctx, &won, `SELECT position FROM stages WHERE name = '谈成结束'`); err != nil {
			return err
		}
		for _, s := range []store.Stage{{Name: "招投标", ProbabilityBP: 3000, Kind: store.KindOpen},
			{Name: "中标", ProbabilityBP: 10000, Kind: store.KindWon, Position: won + 1}} {
			id, err := store.InsertStage(ctx, tx, s)
			if err != nil {
				return err
			}
			if err := store.SetStageSet(ctx, tx, id, set); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportStageOfTypeSet: a row whose stage belongs to another type's
// stage set is refused (row, column, value and why), nothing is written;
// a row saying only won takes the first won outcome its type may use.
func TestImportStageOfTypeSet(t *testing.T) {
	const header = "销售机会名称,客户名称,负责人,金额,预计完成日期,销售阶段,类型,状态\n"
	bad := []struct {
		name, row, value, typ string
	}{
		{"set stage, type in no set", "续约,客户乙,新人,100,2025-01-01,招投标,续约型,", "招投标", "续约型"},
		{"set stage, no type", "续约,客户乙,新人,100,2025-01-01,招投标,,", "招投标", "—"},
		{"set outcome named, other type", "续约,客户乙,新人,100,2025-01-01,中标,新业务,", "中标", "新业务"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			st := openDB(t)
			withProjectSet(t, st)
			before := countRows(t, st)
			text := header + "项目A,客户甲,新人,100,2025-01-01,招投标,项目型,\n" + tt.row + "\n"
			_, err := Import(context.Background(), st, Source{Name: "sets.csv", Data: []byte(text)}, Options{})
			var re *RowErrors
			if !errors.As(err, &re) || len(re.Errors) != 1 {
				t.Fatalf("error %v, want one row error", err)
			}
			e := re.Errors[0]
			if e.Row != 3 || e.Column != "销售阶段" || e.Value != tt.value || !strings.Contains(e.Message, "「"+tt.typ+"」的阶段组") ||
				!strings.Contains(e.MessageEn, "stage set") {
				t.Errorf("got %+v, want row 3, column 销售阶段, value %q, naming type %q", e, tt.value, tt.typ)
			}
			if after := countRows(t, st); after != before {
				t.Errorf("database changed: %+v, before %+v", after, before)
			}
		})
	}

	st := openDB(t)
	withProjectSet(t, st)
	text := header + "项目A,客户甲,新人,100,2025-01-01,招投标,项目型,\n" +
		"项目B,客户甲,新人,100,2025-01-01,初期沟通,项目型,赢单\n" +
		"续约C,客户甲,新人,100,2025-01-01,初期沟通,续约型,赢单\n" +
		"项目D,客户甲,新人,100,2025-01-01,中标,项目型,\n"
	mustImport(t, st, Source{Name: "ok.csv", Data: []byte(text)}, Options{})
	got := map[string]string{}
	for _, o := range listOpps(t, st) {
		got[o.Name] = o.StageName
	}
	want := map[string]string{"项目A": "招投标", "项目B": "中标", "续约C": "谈成结束", "项目D": "中标"}
	for name, stage := range want {
		if got[name] != stage {
			t.Errorf("%s in %q, want %q (all: %v)", name, got[name], stage, got)
		}
	}
}
