// Package storetest gives the service tests a fresh migrated database and a
// few fixtures written straight through the store, so each test sets up only
// what it is about.
package storetest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"funneldesk/backend/apperr"
	"funneldesk/backend/store"
)

// New opens a fresh migrated database in t.TempDir() and closes it when the
// test ends.
func New(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Owner adds an active salesperson and returns its id.
func Owner(t testing.TB, st *store.Store, name string) int64 {
	t.Helper()
	id, err := store.InsertOwner(context.Background(), st.W, name, true)
	if err != nil {
		t.Fatalf("insert owner %q: %v", name, err)
	}
	return id
}

// Customer adds a customer held by ownerID and returns its id.
func Customer(t testing.TB, st *store.Store, name string, ownerID int64) int64 {
	t.Helper()
	id, err := store.InsertCustomer(context.Background(), st.W, store.Customer{Name: name, OwnerID: &ownerID})
	if err != nil {
		t.Fatalf("insert customer %q: %v", name, err)
	}
	return id
}

// Stage returns the stage with that name.
func Stage(t testing.TB, st *store.Store, name string) store.Stage {
	t.Helper()
	s, err := store.StageByName(context.Background(), st.DB, name)
	if err != nil {
		t.Fatalf("stage %q: %v", name, err)
	}
	return s
}

// Count returns the number of rows in table.
func Count(t testing.TB, st *store.Store, table string) int {
	t.Helper()
	var n int
	if err := st.DB.Get(&n, `SELECT COUNT(*) FROM `+table); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// WantErr fails the test unless err is an *apperr.Error with that code and
// field, carrying both messages. An empty code expects no error.
func WantErr(t testing.TB, err error, code, field string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	e, ok := apperr.As(err)
	if !ok {
		t.Fatalf("error = %v, want %s on %q", err, code, field)
	}
	if e.Code != code || e.Field != field {
		t.Fatalf("error = %s on %q (%s), want %s on %q", e.Code, e.Field, e.Message, code, field)
	}
	if e.Key.String() == "" || strings.Contains(e.Message+e.MessageEn, "{") {
		t.Errorf("error %+v lacks its catalog key or leaves a placeholder unfilled", e)
	}
	if e.Message == "" || e.MessageEn == "" {
		t.Errorf("error %+v lacks its Chinese or English message", e)
	}
}

// WantFields fails the test unless err carries a field error for exactly
// these fields, in this order: one request reports all its field errors.
func WantFields(t testing.TB, err error, fields ...string) {
	t.Helper()
	e, ok := apperr.As(err)
	if !ok {
		t.Fatalf("error = %v, want errors on %v", err, fields)
	}
	var got []string
	for _, f := range e.All() {
		got = append(got, f.Field)
		if f.Message == "" || f.MessageEn == "" || strings.Contains(f.Message+f.MessageEn, "{") {
			t.Errorf("field error %+v lacks a message or leaves a placeholder unfilled", f)
		}
	}
	if strings.Join(got, ",") != strings.Join(fields, ",") {
		t.Fatalf("errors on %v (%s), want %v", got, e.Error(), fields)
	}
}
