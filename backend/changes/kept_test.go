package changes_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"funneldesk/backend/changes"
	"funneldesk/backend/importer"
	"funneldesk/backend/opportunity"
	"funneldesk/backend/reportframe"
	"funneldesk/backend/store"
)

// TestKeptAfterEachWrite checks migration 0031's kept marks and sums
// against a fresh computation after each way of writing (the form, stage
// moves both ways, batch owner change, orders winning, delete and restore
// from the recycle bin, a CSV import adding and updating rows with closed
// ones, its undo, a rolled-back transaction, restoring a backup), and the
// report read from them against the reference reconstruction.
func TestKeptAfterEachWrite(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	var ids []int64
	for i, day := range []string{"2026-03-01", "2026-03-01", "2026-03-02", "2026-03-03"} {
		in := f.input(fmt.Sprintf("机会%d", i))
		in.Probability = "10"
		ids = append(ids, f.create(t, day, in))
	}
	report := func(step string) {
		t.Helper()
		checkKept(t, f.st)
		for _, span := range [][2]string{{"2026-02-28", "2026-03-05"}, {"2026-03-03", "2026-03-12"}, {"2026-03-06", "2026-03-30"}} {
			for _, owners := range [][]int64{nil, {f.zhang}, {f.li}} {
				sc, err := reportframe.Check(ctx, f.st.DB, reportframe.Filters{From: span[0], To: span[1], OwnerIDs: owners})
				if err != nil {
					t.Fatal(err)
				}
				want, err := changes.Reconstructed(ctx, f.st.DB, sc)
				if err != nil {
					t.Fatal(err)
				}
				got, err := changes.Compute(ctx, f.st.DB, sc)
				if err != nil {
					t.Fatal(err)
				}
				wj, _ := json.Marshal(want)
				gj, _ := json.Marshal(got)
				if string(wj) != string(gj) {
					t.Errorf("after %s, %v owners %v:\n got %s\nwant %s", step, span, owners, gj, wj)
				}
			}
		}
	}
	report("creating")
	steps := []struct {
		name  string
		write func(t *testing.T)
	}{
		{"form update", func(t *testing.T) {
			f.edit(t, "2026-03-06", ids[0], func(in *opportunity.Input) {
				in.Amount, in.Probability, in.ExpectedClose, in.OwnerID = "1200", "30", "2026-06-01", f.li
			})
		}},
		{"the same day again, back to the day's start", func(t *testing.T) {
			f.edit(t, "2026-03-06", ids[0], func(in *opportunity.Input) {
				in.Amount, in.Probability, in.ExpectedClose, in.OwnerID = "1000", "10", "2026-04-15", f.zhang
			})
		}},
		{"stage forward, then won", func(t *testing.T) {
			f.move(t, "2026-03-07", ids[1], f.nego)
			f.move(t, "2026-03-08", ids[1], f.won)
		}},
		{"stage back", func(t *testing.T) { f.move(t, "2026-03-09", ids[2], f.initial) }},
		{"batch owner", func(t *testing.T) {
			f.at("2026-03-09")
			if _, err := f.opp.BatchSetOwner([]int64{ids[2], ids[3]}, f.li); err != nil {
				t.Fatal(err)
			}
		}},
		{"order wins", func(t *testing.T) {
			f.at("2026-03-10")
			if err := f.st.Tx(ctx, func(tx store.Tx) error { _, err := opportunity.MarkWon(ctx, tx, ids[3]); return err }); err != nil {
				t.Fatal(err)
			}
		}},
		{"delete", func(t *testing.T) {
			f.at("2026-03-10")
			if err := f.opp.Delete(ids[2]); err != nil {
				t.Fatal(err)
			}
		}},
		{"restore from the bin", func(t *testing.T) {
			f.at("2026-03-11")
			var bin int64
			if err := f.st.DB.Get(&bin, `SELECT MAX(id) FROM recycle_bin`); err != nil {
				t.Fatal(err)
			}
			if _, err := f.recycle.Restore([]int64{bin}); err != nil {
				t.Fatal(err)
			}
		}},
		{"import adding and updating, then its undo", func(t *testing.T) {
			f.at("2026-03-11")
			csv := "销售机会名称,客户名称,负责人,金额,预计完成日期,销售阶段,实际成交日期\n" +
				"机会0,大商股份,李四,3000,2026-04-15,商务谈判,\n" +
				"新机会1,大商股份,张三,500,2026-04-01,初期沟通,\n" +
				"新机会2,新客户,李四,800,2026-04-20,谈成结束,2026-03-09\n" +
				"新机会3,新客户,李四,900,2026-04-20,未成结束,2026-03-20\n"
			res, err := importer.Import(ctx, f.st, importer.Source{Name: "a.csv", Data: []byte(csv)}, importer.Options{})
			if err != nil || res.Added != 3 || res.Updated != 1 {
				t.Fatalf("import: %+v, %v", res, err)
			}
			report("the import")
			f.at("2026-03-12")
			if _, err := importer.UndoImport(ctx, f.st, res.ImportID, true); err != nil {
				t.Fatal(err)
			}
		}},
		{"import kept", func(t *testing.T) {
			f.at("2026-03-12")
			csv := "销售机会名称,客户名称,负责人,金额,预计完成日期,销售阶段\n机会甲,大商股份,李四,700,2026-04-01,需求分析\n"
			if _, err := importer.Import(ctx, f.st, importer.Source{Name: "b.csv", Data: []byte(csv)}, importer.Options{}); err != nil {
				t.Fatal(err)
			}
			f.edit(t, "2026-03-13", ids[3], func(in *opportunity.Input) { in.Amount = "50" })
		}},
		{"rolled back", func(t *testing.T) {
			f.at("2026-03-14")
			err := f.st.Tx(ctx, func(tx store.Tx) error {
				o, err := store.GetOpportunity(ctx, tx, ids[0])
				if err != nil {
					return err
				}
				o.AmountCents, o.OwnerID, o.StageID = 1, f.li, f.lost
				if err := store.UpdateOpportunity(ctx, tx, o); err != nil {
					return err
				}
				if err := store.InsertStageChange(ctx, tx, o.ID, &f.initial, f.lost); err != nil {
					return err
				}
				return errors.New("refused")
			})
			if err == nil {
				t.Fatal("no error")
			}
		}},
		{"restore a backup", func(t *testing.T) {
			dst := filepath.Join(t.TempDir(), "b.db")
			if err := store.WriteBackup(ctx, f.st.Path, dst); err != nil {
				t.Fatal(err)
			}
			f.edit(t, "2026-03-15", ids[0], func(in *opportunity.Input) { in.Amount = "77" })
			if err := f.st.RestoreFrom(ctx, dst); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, s := range steps {
		s.write(t)
		report(s.name)
		if t.Failed() {
			t.Fatalf("stopped after %s", s.name)
		}
	}
	var n int
	if err := f.st.DB.Get(&n, `SELECT COUNT(*) FROM change_marks WHERE prev IS NOT NULL`); err != nil || n < 5 {
		t.Errorf("%d marks of changes (%v): the test proves little", n, err)
	}
}

// TestFillMatchesFresh: the one-statement fill (migration 0031,
// WithoutChangeMarks) gives what the per-opportunity view gives, on the
// random histories of TestFastMatchesReconstruction's kind.
func TestFillMatchesFresh(t *testing.T) {
	ctx := context.Background()
	st, _, _ := randomHistory(t, 15)
	if err := st.Tx(ctx, func(tx store.Tx) error {
		return store.WithoutChangeMarks(ctx, tx, func() error { return nil })
	}); err != nil {
		t.Fatal(err)
	}
	checkKept(t, st)
}
