package store_test

import (
	"slices"
	"strings"
	"testing"

	"funneldesk/backend/store/storetest"
)

// TestFieldHistoryTriggers: a later migration that rebuilds opportunities
// (DROP TABLE drops its triggers) must create these again, or the field
// history silently stops.
func TestFieldHistoryTriggers(t *testing.T) {
	st := storetest.New(t)
	var got []string
	if err := st.DB.Select(&got, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'opportunities'
		AND (name LIKE 'field_history_%' OR name = 'opportunities_amount_follows_lines') ORDER BY name`); err != nil {
		t.Fatal(err)
	}
	want := []string{"field_history_amount", "field_history_close", "field_history_owner", "field_history_probability",
		"opportunities_amount_follows_lines"}
	if !slices.Equal(got, want) {
		t.Fatalf("triggers %v, want %v", got, want)
	}
	var sql string
	if err := st.DB.Get(&sql, `SELECT sql FROM sqlite_master WHERE name = 'opportunities_amount_follows_lines'`); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sql, "opportunity_field_history") {
		t.Fatalf("opportunities_amount_follows_lines does not record the history: %s", sql)
	}
}
