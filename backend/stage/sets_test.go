package stage

import (
	"strings"
	"testing"

	"funneldesk/backend/store"
	"funneldesk/backend/store/storetest"
)

func TestStageSets(t *testing.T) {
	s, st := newService(t)
	set, err := s.CreateSet(SetInput{Name: "项目型阶段", Types: []string{"项目型", "项目型", " "}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(set.Types, ",") != "项目型" {
		t.Errorf("types %v: repeats and blanks should go", set.Types)
	}
	bid, err := s.Create(Input{Name: "招投标", Probability: "50", SetID: set.ID})
	if err != nil {
		t.Fatal(err)
	}
	if bid.SetID != set.ID {
		t.Errorf("stage in set %d, want %d", bid.SetID, set.ID)
	}
	tests := []struct {
		name  string
		run   func() error
		code  string
		field string
	}{
		{"duplicate set name", func() error { _, err := s.CreateSet(SetInput{Name: "项目型阶段"}); return err }, "conflict", "name"},
		{"blank set name", func() error { _, err := s.CreateSet(SetInput{Name: " "}); return err }, "invalid", "name"},
		{"unknown set for a stage", func() error {
			_, err := s.Create(Input{Name: "x", Probability: "5", SetID: 999})
			return err
		}, "invalid", "setId"},
		{"delete a set that has stages", func() error { return s.DeleteSet(set.ID) }, "conflict", "id"},
		{"move the only shared won outcome into a set", func() error {
			won := storetest.Stage(t, st, "谈成结束")
			_, err := s.Update(won.ID, Input{Name: won.Name, Probability: "100", SetID: set.ID})
			return err
		}, "conflict", "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.WantErr(t, tt.run(), tt.code, tt.field)
		})
	}
	// Back to shared, then the empty set can go and its types with it.
	if _, err := s.Update(bid.ID, Input{Name: bid.Name, Probability: "50", SetID: 0}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSet(set.ID); err != nil {
		t.Fatal(err)
	}
	if n := storetest.Count(t, st, "stage_set_types"); n != 0 {
		t.Errorf("%d type links left", n)
	}
	if got, _ := store.GetStage(t.Context(), st.DB, bid.ID); got.SetID != 0 {
		t.Errorf("stage still in set %d", got.SetID)
	}
}
