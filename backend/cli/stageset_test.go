package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/store"
)

func TestFunnelStageSet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	if code, _, errs := run(t, db, "demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	// A set of its own with one stage and no types: it counts nothing and
	// shows the shared stages plus its own.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	err = st.Tx(ctx, func(tx store.Tx) error {
		id, err := store.InsertStageSet(ctx, tx, "项目型阶段")
		if err != nil {
			return err
		}
		sid, err := store.InsertStage(ctx, tx, store.Stage{Name: "招投标", ProbabilityBP: 5000, Kind: store.KindOpen})
		if err != nil {
			return err
		}
		return store.SetStageSet(ctx, tx, sid, id)
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stages int
		count  int
	}{
		{"all types", nil, 0, 9, 3},
		{"the set", []string{"--stage-set", "项目型阶段"}, 0, 9, 0},
		{"unknown set", []string{"--stage-set", "无此组"}, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, db, append([]string{"funnel", "--json"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errs)
			}
			if code != 0 {
				if !strings.Contains(errs, "阶段组") {
					t.Errorf("stderr %q does not name the stage set", errs)
				}
				return
			}
			var got struct {
				Stages []struct{ Name string } `json:"stages"`
				Total  struct{ Count int }     `json:"total"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Stages) != tt.stages || got.Total.Count != tt.count {
				t.Errorf("%d stages, %d counted; want %d, %d", len(got.Stages), got.Total.Count, tt.stages, tt.count)
			}
		})
	}
}
